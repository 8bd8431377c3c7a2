namespace Astro.Aws.Parts;

/// <summary>The URL path patterns the construct owns, under the site's base.</summary>
internal sealed class SitePaths(AstroBuild build)
{
    /// <summary>The folder Astro writes content-hashed files to.</summary>
    public const string AssetsFolder = "_astro";

    /// <summary><c>/_astro/*</c> (under the base): hashed files, cached for a year.</summary>
    public string AssetsPattern { get; } = $"{build.BasePath}{AssetsFolder}/*";

    /// <summary><c>/api/*</c> (under the base): Astro endpoints.</summary>
    public string ApiPattern { get; } = $"{build.BasePath}api/*";

    /// <summary>The key prefix files are uploaded under (empty at the root).</summary>
    public string KeyPrefix { get; } = build.BasePath.Trim('/');

    /// <summary>What a deploy invalidates.</summary>
    public string InvalidationPath { get; } = $"{build.BasePath}*";

    /// <summary>The 404 page in the bucket, as CloudFront error responses name it.</summary>
    public string NotFoundPage { get; } = $"{build.BasePath}404.html";
}
