namespace Astro.Aws.Sample;

/// <summary>Where the sample's inputs are, relative to the repository root where `cdk synth` runs.</summary>
public static class SamplePaths
{
    /// <summary>The Astro project; its build is read from <c>dist/</c> inside it.</summary>
    public const string AstroSite = "samples/astro-site";

    /// <summary>The folder API handler strings resolve against (<c>src/...</c> under it).</summary>
    public const string ApiHandlers = "samples/api";
}
