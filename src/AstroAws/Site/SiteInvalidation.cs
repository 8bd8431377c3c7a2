namespace Astro.Aws;

/// <summary>
/// What the site invalidates in CloudFront's cache after it uploads a build, and whether <c>cdk deploy</c> waits for
/// it (CloudFront takes minutes). See <c>docs/configuring-deployment.md</c>.
/// </summary>
public sealed record SiteInvalidation
{
    private SiteInvalidation(InvalidationScope scope, IReadOnlyList<string>? paths)
    {
        Scope = scope;
        ListedPaths = paths;
    }

    /// <summary>Every path (<c>/*</c> under the site's base path): files and cached server responses. One invalidation path.</summary>
    public static SiteInvalidation All => new(InvalidationScope.All, null);

    /// <summary>
    /// Only the build's files whose URLs stay the same between builds: every file outside <c>_astro/</c> (whose names
    /// change with their content), one path per top-level file or folder. Server responses stay cached until their
    /// TTL. Refused when that makes more wildcard paths than CloudFront runs at once (15).
    /// </summary>
    public static SiteInvalidation VersionedOnly => new(InvalidationScope.VersionedOnly, null);

    /// <summary>Nothing: the cache keeps serving the old build until each object's TTL ends.</summary>
    public static SiteInvalidation None => new(InvalidationScope.None, null);

    /// <summary>These paths, as CloudFront takes them: each starts with <c>/</c>, and <c>*</c> only at the end.</summary>
    /// <param name="paths">The paths, e.g. <c>/</c>, <c>/blog/*</c>.</param>
    public static SiteInvalidation Paths(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return new(InvalidationScope.Listed, [.. paths]);
    }

    /// <summary>Whether the deploy waits until CloudFront has finished the invalidation.</summary>
    /// <value>Default: true, as BucketDeployment does. With false the invalidation is requested by a custom resource of its own after the upload, and the deploy goes on.</value>
    public bool Wait { get; init; } = true;

    internal InvalidationScope Scope { get; }

    internal IReadOnlyList<string>? ListedPaths { get; }
}

/// <summary>Which paths a <see cref="SiteInvalidation"/> covers.</summary>
internal enum InvalidationScope
{
    All,
    VersionedOnly,
    None,
    Listed,
}
