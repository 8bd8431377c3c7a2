namespace Astro.Aws;

/// <summary>Where the request function keeps the list of the build's files (see <c>docs/request-routing.md</c>).</summary>
public enum RoutePlacement
{
    /// <summary>
    /// <see cref="FunctionCode"/> while the function with the table fits CloudFront Functions' 10 KB code limit (no store
    /// to read, no extra resource), else <see cref="KeyValueStore"/>.
    /// </summary>
    Automatic,

    /// <summary>In the function's own code; a build too large for the 10 KB limit is refused.</summary>
    FunctionCode,

    /// <summary>In a CloudFront KeyValueStore named after its contents, replaced whenever the file list changes.</summary>
    KeyValueStore,
}
