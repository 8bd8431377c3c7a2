using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Astro.Aws.Overrides;
using Constructs;

namespace Astro.Aws.Parts;

/// <summary>
/// Uploads the client files in two deployments: hashed <c>_astro/*</c> files, immutable and never pruned (cached HTML
/// may still reference last deploy's), then every other file with a short browser max-age, a CDN s-maxage and an
/// invalidation. The second waits for the first, so new HTML never points at a file not yet uploaded.
/// </summary>
internal static class DeploymentFactory
{
    public const string ImmutableCacheControl = "public,max-age=31536000,immutable";
    public const string RevalidatedCacheControl = "public,max-age=0,s-maxage=86400,stale-while-revalidate=86400";

    public static (BucketDeployment Assets, BucketDeployment Files) Create(
        Construct scope, AstroBuild build, SitePaths paths, IBucket bucket, IDistribution distribution, AstroAwsBucketDeploymentOptions? overrides)
    {
        var assetsGlob = $"{SitePaths.AssetsFolder}/*";
        var assets = new BucketDeployment(scope, SiteIds.AssetsDeployment, Props(
            build, paths, bucket, overrides,
            new BucketDeploymentProps
            {
                Exclude = ["*"],
                Include = [assetsGlob],
                CacheControl = [CacheControl.FromString(ImmutableCacheControl)],
                Prune = false,
            }));
        var files = new BucketDeployment(scope, SiteIds.FilesDeployment, Props(
            build, paths, bucket, overrides,
            new BucketDeploymentProps
            {
                Exclude = [assetsGlob],
                CacheControl = [CacheControl.FromString(RevalidatedCacheControl)],
                Prune = true,
                Distribution = distribution,
                DistributionPaths = [paths.InvalidationPath],
            }));
        files.Node.AddDependency(assets);
        return (assets, files);
    }

    private static BucketDeploymentProps Props(
        AstroBuild build, SitePaths paths, IBucket bucket, AstroAwsBucketDeploymentOptions? overrides, BucketDeploymentProps ours)
    {
        ours.Sources = [Source.Asset(build.ClientDirectory)];
        ours.DestinationBucket = bucket;
        ours.DestinationKeyPrefix = paths.KeyPrefix.Length == 0 ? null : paths.KeyPrefix;
        ours.MemoryLimit = 512;
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

        // Invalidation paths belong to a deployment that invalidates a distribution. The hashed-asset deployment has
        // none (unless the caller gives one), and CDK refuses paths without a distribution.
        merged.DistributionPaths = merged.Distribution is null ? null : overrides?.DistributionPaths ?? ourPaths;
        return merged;
    }
}
