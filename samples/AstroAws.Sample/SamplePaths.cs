namespace Astro.Aws.Sample;

/// <summary>Where the sample's inputs are, relative to the repository root where `cdk synth` runs.</summary>
public static class SamplePaths
{
    /// <summary>The Astro project; its build is read from <c>dist/</c> inside it.</summary>
    public const string AstroSite = "samples/astro-site";

    /// <summary>The sample built in ssr-stream mode by scripts/build-sample.sh (scripts/synth.sh builds it).</summary>
    public const string SsrStreamBuild = "samples/astro-site/dist-ssr-stream";

    /// <summary>The sample built in edge mode by scripts/build-sample.sh (scripts/synth.sh builds it).</summary>
    public const string EdgeBuild = "samples/astro-site/dist-edge";

    /// <summary>
    /// A static build. The sample site needs a server (Actions, dynamic endpoints), so the static stack deploys the real
    /// static build that scripts/build-fixtures.sh made of the fixture site and the tests also use.
    /// </summary>
    public const string StaticBuild = "test/AstroAws.Tests/Fixtures/static/dist";

    /// <summary>The folder API handler strings resolve against (<c>src/...</c> under it).</summary>
    public const string ApiHandlers = "samples/api";
}
