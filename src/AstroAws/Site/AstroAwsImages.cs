using Amazon.CDK.AWS.Lambda;

namespace Astro.Aws;

/// <summary>
/// How the server function gets <c>sharp</c>, which Astro's image service (<c>/_image</c>, used by <c>&lt;Image&gt;</c> and
/// <c>getImage()</c> on pages rendered on demand) imports and the adapter leaves out of its bundle. See <c>docs/images.md</c>.
/// </summary>
public sealed record AstroAwsImages
{
    /// <summary>The sharp release the layer is made of when <see cref="SharpVersion"/> is not set.</summary>
    public const string DefaultSharpVersion = "0.35.5";

    /// <summary>No layer: <c>/_image</c> answers 500 on the server (images of prerendered pages are made at build time and still work).</summary>
    public static AstroAwsImages None => new() { Enabled = false };

    /// <summary>
    /// Whether the server function gets a sharp layer when the build uses Astro's sharp image service. Ignored for a
    /// build without a server or with another image service.
    /// </summary>
    /// <value>Default: true.</value>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// The exact sharp version (e.g. <c>0.35.5</c>) that <c>cdk synth</c> installs with npm for the function's
    /// architecture (<c>@img/sharp-linux-arm64</c> or <c>-x64</c>, glibc, as on Amazon Linux 2023). Ranges are refused:
    /// the installed folder is cached by version.
    /// </summary>
    /// <value>Default: <see cref="DefaultSharpVersion"/>.</value>
    public string? SharpVersion { get; init; }

    /// <summary>
    /// A layer of yours that holds <c>nodejs/node_modules/sharp</c> for the function's architecture; the site then runs no
    /// npm at synth and creates no layer.
    /// </summary>
    /// <value>Default: none; the site makes one (<see cref="AstroAws.ImageLayer"/>).</value>
    public ILayerVersion? Layer { get; init; }

    /// <summary>Where installed sharp folders are kept between synths, one per version and architecture.</summary>
    /// <value>Default: <c>$XDG_CACHE_HOME/astro-aws</c>, else <c>~/.cache/astro-aws</c>.</value>
    public string? CacheDirectory { get; init; }

    /// <summary>The npm executable that installs sharp (npm 10.1 or later, for <c>--os</c> and <c>--cpu</c>).</summary>
    /// <value>Default: <c>npm</c> from PATH.</value>
    public string? Npm { get; init; }
}
