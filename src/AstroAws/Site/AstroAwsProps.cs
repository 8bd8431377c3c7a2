namespace Astro.Aws;

/// <summary>Properties of <see cref="AstroAws"/>.</summary>
public sealed class AstroAwsProps
{
    /// <summary>
    /// The Astro project folder; its build is read from <c>&lt;WebsiteDir&gt;/dist</c>. Relative paths resolve against
    /// the folder where <c>cdk synth</c> runs.
    /// </summary>
    /// <value>Default: none; set this or <see cref="OutDir"/>.</value>
    public string? WebsiteDir { get; init; }

    /// <summary>The build folder itself (what Astro calls <c>outDir</c>); wins over <see cref="WebsiteDir"/>.</summary>
    /// <value>Default: <c>&lt;WebsiteDir&gt;/dist</c>.</value>
    public string? OutDir { get; init; }

    /// <summary>Overrides for the resources the construct creates.</summary>
    /// <value>Default: none; every resource uses the defaults documented on <see cref="AstroAwsCdkProps"/>.</value>
    public AstroAwsCdkProps? Cdk { get; init; }
}
