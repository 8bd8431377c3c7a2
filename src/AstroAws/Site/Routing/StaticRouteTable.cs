using System.Text;
using System.Text.Json;

namespace Astro.Aws.Routing;

/// <summary>
/// The static files the request function must send to S3, grouped by folder so that the table stays small enough for
/// CloudFront Functions' 10 KB code limit: <c>{"about":"|index.html|","":"|robots.txt|"}</c>.
/// </summary>
internal sealed class StaticRouteTable
{
    private StaticRouteTable(string json, int fileCount)
    {
        Json = json;
        FileCount = fileCount;
    }

    /// <summary>The table as a JavaScript object literal.</summary>
    public string Json { get; }

    /// <summary>How many files the table holds.</summary>
    public int FileCount { get; }

    /// <summary>
    /// Builds the table from the build's static files, URL paths prefixed with the site's base, leaving out files
    /// under <paramref name="excludedFolder"/> (served by a behavior of their own).
    /// </summary>
    public static StaticRouteTable Create(AstroBuild build, string? excludedFolder)
    {
        var basePrefix = build.BasePath.TrimStart('/');
        var folders = new SortedDictionary<string, StringBuilder>(StringComparer.Ordinal);
        var count = 0;
        foreach (var file in build.StaticFiles)
        {
            if (excludedFolder is not null && file.StartsWith(excludedFolder + "/", StringComparison.Ordinal))
            {
                continue;
            }

            var path = basePrefix + file;
            var slash = path.LastIndexOf('/');
            var folder = slash < 0 ? string.Empty : path[..slash];
            var name = path[(slash + 1)..];
            if (!folders.TryGetValue(folder, out var names))
            {
                names = new StringBuilder("|");
                folders[folder] = names;
            }

            names.Append(name).Append('|');
            count++;
        }

        var json = JsonSerializer.Serialize(folders.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal));
        return new StaticRouteTable(json, count);
    }
}
