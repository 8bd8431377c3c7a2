using System.Text.Json.Nodes;

namespace Astro.Aws.Tests.Overrides;

/// <summary>
/// Builds in other modes, derived once per run from <see cref="OverrideEnumerationTests.SampleDist"/> into a temp
/// folder, for the rows whose combining is only visible in those modes.
/// </summary>
internal static class DerivedBuilds
{
    private static readonly Lazy<string> StaticBuild = new(CreateStatic);
    private static readonly Lazy<string> EdgeBuild = new(CreateEdge);

    /// <summary>A static build (the sample's client files) with a 404 page, so our error responses exist.</summary>
    public static string StaticWithNotFoundPage => StaticBuild.Value;

    /// <summary>The sample's ssr build with the adapter mode switched to edge, so our edge lambdas exist.</summary>
    public static string Edge => EdgeBuild.Value;

    private static string CreateStatic()
    {
        var dist = NewFolder("static");
        Copy(Path.Combine(OverrideEnumerationTests.SampleDist, "client"), dist);
        File.WriteAllText(Path.Combine(dist, "404.html"), "<h1>Not found</h1>");
        return dist;
    }

    private static string CreateEdge()
    {
        var dist = NewFolder("edge");
        Copy(OverrideEnumerationTests.SampleDist, dist);

        // metadata.json is flatted JSON: an array whose strings that are digits point at other entries.
        var metadataPath = Path.Combine(dist, "metadata.json");
        var entries = (JsonArray)JsonNode.Parse(File.ReadAllText(metadataPath))!;
        var args = (JsonObject)entries[int.Parse((string)entries[0]!["args"]!, System.Globalization.CultureInfo.InvariantCulture)]!;
        entries[int.Parse((string)args["mode"]!, System.Globalization.CultureInfo.InvariantCulture)] = "edge";
        File.WriteAllText(metadataPath, entries.ToJsonString());
        return dist;
    }

    private static string NewFolder(string mode)
    {
        var folder = Path.Combine(Path.GetTempPath(), "astroaws-enum-builds", Guid.NewGuid().ToString("N"), mode, "dist");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
