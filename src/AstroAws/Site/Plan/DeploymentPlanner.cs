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

    private const string FileOptionsProp = "AstroAwsProps.FileOptions";

    /// <summary>
    /// The hashed assets, then one deployment per <paramref name="fileOptions"/> entry (its files only, never pruned),
    /// then every other file. Each file is in exactly one of them, so its metadata is never overwritten.
    /// </summary>
    public static IReadOnlyList<DeploymentPlan> Plan(AstroBuild build, SitePaths paths, AstroAwsBucketDeploymentOptions? overrides, IReadOnlyList<AstroAwsFileOptions>? fileOptions = null, InvalidationPlan? invalidation = null)
    {
        var rules = fileOptions ?? [];
        CheckFileOptions(build, rules);
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
            Exclude = [assetsGlob, .. rules.SelectMany(rule => rule.Files)],
            CacheControl = [CacheControl.FromString(RevalidatedCacheControl)],
            Prune = true,
            DistributionPaths = invalidation is { Wait: true } ? [.. invalidation.Paths] : null,
        });

        // Invalidation paths belong to a deployment that invalidates a distribution. The hashed-asset deployment has
        // none (unless the caller gives one), and CDK refuses paths without a distribution.
        if (assets.Distribution is null)
        {
            assets.DistributionPaths = null;
        }

        var ruled = rules.Select((rule, i) =>
        {
            var props = Merge(size, overrides, new BucketDeploymentProps
            {
                Exclude = ["*"],
                Include = rule.Files,
                CacheControl = [CacheControl.FromString(RevalidatedCacheControl)],
                Prune = false,
            });

            // The entry's own values win over S3BucketDeployment's, which win over ours.
            props.CacheControl = rule.CacheControl ?? props.CacheControl;
            props.ContentType = rule.ContentType ?? props.ContentType;
            props.Distribution = null;
            props.DistributionPaths = null;
            return new DeploymentPlan(SiteIds.FileOptionsDeployment + i.ToString(System.Globalization.CultureInfo.InvariantCulture), props, InvalidatesSite: false);
        });

        return
        [
            new DeploymentPlan(SiteIds.AssetsDeployment, assets, InvalidatesSite: false),
            .. ruled,
            new DeploymentPlan(SiteIds.FilesDeployment, files, InvalidatesSite: files.Distribution is null && files.DistributionPaths is not null),
        ];
    }

    /// <summary>Each entry matches files of this build, none outside its share: a file in two uploads would get whichever ran last.</summary>
    private static void CheckFileOptions(AstroBuild build, IReadOnlyList<AstroAwsFileOptions> rules)
    {
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var propName = $"{FileOptionsProp}[{i}].Files";
            if (rules[i].Files is not { Length: > 0 } globs || globs.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException($"{propName}: received no glob (or an empty one). Give globs relative to the build's client folder, such as \"*.txt\" or \"feeds/*.xml\".", propName);
            }

            foreach (var glob in globs)
            {
                var regex = FileGlob.ToRegex(glob);
                var matched = build.StaticFiles.Where(file => regex.IsMatch(file)).ToList();
                if (matched.Count == 0)
                {
                    var hint = glob.StartsWith('/') ? $" Write it without the leading /: \"{glob.TrimStart('/')}\"." : string.Empty;
                    throw new ArgumentException($"{propName}: received \"{glob}\", which matches no file of the build in {build.ClientDirectory}. Globs are relative to that folder, and `*` also matches `/` (so \"*.txt\" matches every .txt file).{hint}", propName);
                }

                if (matched.FirstOrDefault(file => file.StartsWith(SitePaths.AssetsFolder + "/", StringComparison.Ordinal)) is { } asset)
                {
                    throw new ArgumentException($"{propName}: received \"{glob}\", which matches {asset}. Files in {SitePaths.AssetsFolder}/ are hashed and uploaded as immutable by AssetsDeployment; narrow the glob to files outside it (e.g. \"robots.txt\" or \"feeds/*\").", propName);
                }

                foreach (var file in matched)
                {
                    if (owner.TryGetValue(file, out var earlier) && earlier != i)
                    {
                        throw new ArgumentException($"{propName}: received \"{glob}\", which matches {file}, and so does {FileOptionsProp}[{earlier}]. Each file is uploaded once, with one entry's options: make the globs disjoint.", propName);
                    }

                    owner[file] = i;
                }
            }
        }
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
