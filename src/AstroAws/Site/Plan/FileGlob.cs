using System.Text;
using System.Text.RegularExpressions;

namespace Astro.Aws.Plan;

/// <summary>
/// The patterns of <c>aws s3 sync --include/--exclude</c>, which BucketDeployment passes through: Python's fnmatch on
/// the whole relative path, so <c>*</c> also matches <c>/</c>.
/// </summary>
internal static class FileGlob
{
    public static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*':
                    pattern.Append(".*");
                    break;
                case '?':
                    pattern.Append('.');
                    break;
                case '[' when glob.IndexOf(']', i + 1) is var end and > 0:
                    var set = glob[(i + 1)..end];
                    pattern.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = end;
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
