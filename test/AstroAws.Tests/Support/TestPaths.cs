namespace Astro.Aws.Tests.Support;

/// <summary>Where the committed fixtures, the sample and snapshots live, found from the test binary upwards.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string TestProject => Path.Combine(RepoRoot, "test", "AstroAws.Tests");

    public static string Fixture(string mode) => Path.Combine(TestProject, "Fixtures", mode, "dist");

    public static string Snapshots => Path.Combine(TestProject, "Snapshots");

    public static string SampleSite => Path.Combine(RepoRoot, "samples", "astro-site");

    /// <summary>The code root of the file-based API routes example (its routes folder is <c>api</c>).</summary>
    public static string SampleApiRoutes => Path.Combine(RepoRoot, "samples", "api", "routes");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AstroAws.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AstroAws.sln not found above " + AppContext.BaseDirectory);
    }
}
