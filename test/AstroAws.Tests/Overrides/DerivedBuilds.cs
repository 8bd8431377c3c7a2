using Astro.Aws.Tests.Support;

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
        ScratchFolder.CopyTree(Path.Combine(OverrideEnumerationTests.SampleDist, "client"), dist);
        File.WriteAllText(Path.Combine(dist, "404.html"), "<h1>Not found</h1>");
        return dist;
    }

    private static string CreateEdge()
    {
        var dist = NewFolder("edge");
        ScratchFolder.CopyTree(OverrideEnumerationTests.SampleDist, dist);

        MetadataEdits.Set(dist, "args", "mode", "edge");
        return dist;
    }

    private static string NewFolder(string mode)
    {
        var folder = Path.Combine(Path.GetTempPath(), "astroaws-enum-builds", Guid.NewGuid().ToString("N"), mode, "dist");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
