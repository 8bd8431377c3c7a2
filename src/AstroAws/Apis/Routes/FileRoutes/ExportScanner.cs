using System.Text.RegularExpressions;

namespace Astro.Aws.Apis.Routes;

/// <summary>
/// Finds the names a JavaScript file exports, by reading its text (nothing runs). Recognised, after removing
/// <c>/* ... */</c> comments and lines that start with <c>//</c>:
/// <c>export function NAME</c> and <c>export async function NAME</c>; <c>export const|let|var NAME</c> (the first name of
/// the declaration); <c>export { a as NAME, NAME }</c> (also with <c>from '...'</c>); and CommonJS
/// <c>exports.NAME =</c> / <c>module.exports.NAME =</c>. Not recognised: <c>export default</c>, destructuring
/// (<c>export const { get } = ...</c>), <c>module.exports = { ... }</c>, and names built at run time.
/// </summary>
internal static partial class ExportScanner
{
    public static IReadOnlySet<string> Scan(string source)
    {
        var text = LineComments().Replace(BlockComments().Replace(source, " "), string.Empty);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Declaration().Matches(text))
        {
            names.Add(match.Groups["name"].Value);
        }

        foreach (Match match in CommonJs().Matches(text))
        {
            names.Add(match.Groups["name"].Value);
        }

        foreach (Match list in ExportList().Matches(text))
        {
            foreach (var item in list.Groups["list"].Value.Split(','))
            {
                var specifier = ListItem().Match(item);
                if (specifier.Success)
                {
                    names.Add(specifier.Groups["name"].Value);
                }
            }
        }

        return names;
    }

    [GeneratedRegex(@"/\*[\s\S]*?\*/")]
    private static partial Regex BlockComments();

    [GeneratedRegex(@"^[ \t]*//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComments();

    [GeneratedRegex(@"\bexport\s+(?:(?:async\s+)?function\s+|(?:const|let|var)\s+)(?<name>[A-Za-z_$][\w$]*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"(?<![\w$.])(?:module\.)?exports\.(?<name>[A-Za-z_$][\w$]*)\s*=(?!=)")]
    private static partial Regex CommonJs();

    [GeneratedRegex(@"\bexport\s*\{(?<list>[^}]*)\}")]
    private static partial Regex ExportList();

    [GeneratedRegex(@"^\s*(?:[A-Za-z_$][\w$]*\s+as\s+)?(?<name>[A-Za-z_$][\w$]*)\s*$")]
    private static partial Regex ListItem();
}
