namespace Astro.Aws;

/// <summary>
/// What an Astro build hands to the constructs, read once from disk: the mode, the folders to deploy and the list of
/// static files. Child constructs receive this model, never the raw props.
/// </summary>
public sealed class AstroBuild
{
    internal AstroBuild(AstroAwsMode mode, string distDirectory, string clientDirectory, string? serverDirectory, string basePath, IReadOnlyList<string> staticFiles, long clientBytes)
    {
        ClientBytes = clientBytes;
        Mode = mode;
        DistDirectory = distDirectory;
        ClientDirectory = clientDirectory;
        ServerDirectory = serverDirectory;
        BasePath = basePath;
        StaticFiles = staticFiles;
    }

    /// <summary>The serving mode detected from <c>metadata.json</c> (static when the file is absent).</summary>
    public AstroAwsMode Mode { get; }

    /// <summary>Absolute path of the build folder (<c>dist</c>).</summary>
    public string DistDirectory { get; }

    /// <summary>Absolute path of the folder uploaded to S3: <c>dist/client</c> in server modes, <c>dist</c> when static.</summary>
    public string ClientDirectory { get; }

    /// <summary>Absolute path of the Lambda code (<c>dist/lambda</c>), or null for a static build.</summary>
    public string? ServerDirectory { get; }

    /// <summary>Astro's <c>base</c>, normalised to start and end with <c>/</c> (<c>/</c> when unset).</summary>
    public string BasePath { get; }

    /// <summary>Every file of <see cref="ClientDirectory"/>, relative, with <c>/</c> separators, in ordinal order.</summary>
    public IReadOnlyList<string> StaticFiles { get; }

    /// <summary>Astro's <c>output</c> as the adapter recorded it (<c>server</c> or <c>static</c>); null for a static build, which records nothing.</summary>
    internal string? ConfiguredOutput { get; init; }

    /// <summary>Astro's <c>image.service.entrypoint</c> as the adapter recorded it; null for a static build, which records nothing.</summary>
    internal string? ImageServiceEntrypoint { get; init; }

    /// <summary>
    /// True when the server renders images with Astro's sharp service (<c>astro/assets/services/sharp</c>, Astro's default
    /// and the adapter's): its <c>/_image</c> endpoint then imports <c>sharp</c>, which the adapter leaves out of the bundle.
    /// </summary>
    public bool UsesSharp => HasServer && ImageServiceEntrypoint == "astro/assets/services/sharp";

    /// <summary>The total size of <see cref="StaticFiles"/> in bytes.</summary>
    public long ClientBytes { get; }

    /// <summary>True when the build has a server (ssr, ssr-stream or edge).</summary>
    public bool HasServer => Mode != AstroAwsMode.Static;

    /// <summary>True when the client folder holds a top-level <c>404.html</c>.</summary>
    public bool HasNotFoundPage => StaticFiles.Contains("404.html", StringComparer.Ordinal);

    /// <summary>
    /// Reads the build in <c>&lt;websiteDir&gt;/dist</c>, or in <paramref name="outDir"/> when given (it wins).
    /// Relative paths resolve against the current directory, where <c>cdk synth</c> runs.
    /// </summary>
    /// <exception cref="ArgumentException">The folder, its parts or its metadata are missing or unreadable.</exception>
    public static AstroBuild Read(string? websiteDir, string? outDir) => AstroBuildReader.Read(websiteDir, outDir, basePath: null);

    /// <summary>
    /// Reads the build as <see cref="Read(string?, string?)"/> does, with Astro's <c>base</c> for a static build, which
    /// records none (a server build's <c>metadata.json</c> does; a <paramref name="basePath"/> that contradicts it is refused).
    /// </summary>
    /// <exception cref="ArgumentException">The folder, its parts or its metadata are missing or unreadable, or <paramref name="basePath"/> is not a path.</exception>
    public static AstroBuild Read(string? websiteDir, string? outDir, string? basePath) => AstroBuildReader.Read(websiteDir, outDir, basePath);
}
