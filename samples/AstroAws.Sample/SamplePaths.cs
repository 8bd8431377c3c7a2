namespace Astro.Aws.Sample;

/// <summary>Where the sample's Astro project is, relative to the repository root where `cdk synth` runs.</summary>
public static class SamplePaths
{
    /// <summary>The Astro project; its build is read from <c>dist/</c> inside it.</summary>
    public const string AstroSite = "samples/astro-site";
}
