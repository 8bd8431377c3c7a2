using Amazon.CDK;
using Amazon.CDK.AWS.S3.Deployment;
using Astro.Aws.Overrides;
using Astro.Aws.Parts;

namespace Astro.Aws.Plan;

/// <summary>
/// Plans the two uploads of the client files: hashed <c>_astro/*</c> files, immutable and never pruned (cached HTML
/// may still reference last deploy's), then every other file with a short browser max-age, a CDN s-maxage and an
/// invalidation. The second waits for the first, so new HTML never points at a file not yet uploaded.
/// </summary>
internal static class DeploymentPlanner
{
    public const string ImmutableCacheControl = "public,max-age=31536000,immutable";
    public const string RevalidatedCacheControl = "public,max-age=0,s-maxage=86400,stale-while-revalidate=86400";

    public static IReadOnlyList<DeploymentPlan> Plan(AstroBuild build, SitePaths paths, AstroAwsBucketDeploymentOptions? overrides)
    {
        var assetsGlob = $"{SitePaths.AssetsFolder}/*";
        var size = DeploymentSize.For(build);
        var assets = Merge(size, overrides, new BucketDeploymentProps
        {
            Exclude = ["*"],
            Include = [assetsGlob],
            CacheControl = [CacheControl.FromString(ImmutableCacheControl)],
            Prune = false,
        });
        var files = Merge(size, overrides, new BucketDeploymentProps
        {
            Exclude = [assetsGlob],
            CacheControl = [CacheControl.FromString(RevalidatedCacheControl)],
            Prune = true,
            DistributionPaths = [paths.InvalidationPath],
        });

        // Invalidation paths belong to a deployment that invalidates a distribution. The hashed-asset deployment has
        // none (unless the caller gives one), and CDK refuses paths without a distribution.
        if (assets.Distribution is null)
        {
            assets.DistributionPaths = null;
        }

        return
        [
            new DeploymentPlan(SiteIds.AssetsDeployment, assets, InvalidatesSite: false),
            new DeploymentPlan(SiteIds.FilesDeployment, files, InvalidatesSite: files.Distribution is null),
        ];
    }

    private static BucketDeploymentProps Merge(DeploymentSize size, AstroAwsBucketDeploymentOptions? overrides, BucketDeploymentProps ours)
    {
        // CDK names the deployment's handler after these two (…512MiB…), so a value equal to what a smaller site gets is
        // left unset: growing past it replaces the handler once, and small sites keep the names they deployed with.
        ours.MemoryLimit = size.MemoryLimitMiB;
        ours.EphemeralStorageSize = size.EphemeralStorageMiB > DeploymentSize.MinMiB ? Size.Mebibytes(size.EphemeralStorageMiB) : null;
        var ourExclude = ours.Exclude;
        var ourInclude = ours.Include;
        var ourPaths = ours.DistributionPaths;
        var merged = PropsMerge.Overlay(
            ours,
            overrides,
            nameof(AstroAwsBucketDeploymentOptions.Exclude),
            nameof(AstroAwsBucketDeploymentOptions.Include),
            nameof(AstroAwsBucketDeploymentOptions.DistributionPaths));
        merged.Exclude = PropsMerge.Combine(ourExclude, overrides?.Exclude);
        merged.Include = PropsMerge.Combine(ourInclude, overrides?.Include);
        merged.DistributionPaths = overrides?.DistributionPaths ?? ourPaths;
        return merged;
    }
}
