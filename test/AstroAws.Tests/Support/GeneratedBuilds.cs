using System.Globalization;

namespace Astro.Aws.Tests.Support;

/// <summary>Builds made for a test from a committed fixture: prerendered pages added until the build has the size it needs.</summary>
internal static class GeneratedBuilds
{
    /// <summary>The deep prerendered page every generated build has, whose folder <c>/blog/2024</c> has no page of its own.</summary>
    public const string DeepPage = "/blog/2024/post-00000";

    /// <summary>A page whose path is not ASCII, so the function and the table must hash the same bytes.</summary>
    public const string UnicodePage = "/blog/café";

    /// <summary>
    /// A copy of the <paramref name="mode"/> fixture in <paramref name="scratch"/> with <paramref name="pages"/>
    /// prerendered pages <c>blog/2024/post-NNNNN/index.html</c> (starting at <paramref name="first"/>), a page at
    /// <see cref="UnicodePage"/>, an extensionless file <c>api/time</c> and <c>.well-known/apple-app-site-association</c>.
    /// </summary>
    public static string WithPages(ScratchFolder scratch, string mode, int pages, int first = 0, string name = "build")
    {
        var dist = scratch.CopyFixture(mode, name);
        var client = mode == "static" ? dist : Path.Combine(dist, "client");
        for (var i = first; i < first + pages; i++)
        {
            var folder = Path.Combine(client, "blog", "2024", "post-" + i.ToString("D5", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "index.html"), "<p>post</p>");
        }

        Write(client, "blog/café/index.html", "<p>café</p>");
        Write(client, "api/time", "12:00");
        Write(client, ".well-known/apple-app-site-association", "{}");
        return dist;
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
