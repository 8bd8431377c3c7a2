using System.Globalization;
using Astro.Aws.Parts;

namespace Astro.Aws.Plan;

/// <summary>The paths invalidated after an upload, and whether the deploy waits for them.</summary>
/// <param name="Paths">CloudFront invalidation paths.</param>
/// <param name="Wait">FilesDeployment invalidates and waits (BucketDeployment's way); else a custom resource requests it and returns.</param>
internal sealed record InvalidationPlan(IReadOnlyList<string> Paths, bool Wait);

/// <summary>Turns <see cref="AstroAwsProps.Invalidation"/> into paths CloudFront accepts, within the limits it runs at once.</summary>
internal static class InvalidationPlanner
{
    /// <summary>CloudFront runs at most this many wildcard paths, and this many file paths, per distribution at once.</summary>
    public const int MaxWildcardPaths = 15;
    public const int MaxFilePaths = 3000;

    private const string PropName = "AstroAwsProps.Invalidation";

    public static InvalidationPlan? Plan(AstroBuild build, SitePaths paths, SiteInvalidation? requested, AstroAwsBucketDeploymentOptions? deployment)
    {
        var invalidation = requested ?? SiteInvalidation.All;
        if (requested is not null && deployment?.DistributionPaths is not null)
        {
            throw new ArgumentException(
                $"{PropName}: received {requested.Scope}, and AstroAwsCdkProps.S3BucketDeployment.DistributionPaths is set too. Say what to invalidate in one place: keep Invalidation (it can list paths: SiteInvalidation.Paths(...)) and remove DistributionPaths.",
                PropName);
        }

        var list = invalidation.Scope switch
        {
            InvalidationScope.None => null,
            InvalidationScope.All => [paths.InvalidationPath],
            InvalidationScope.VersionedOnly => VersionedPaths(build),
            _ => Checked(invalidation.ListedPaths!),
        };
        if (list is null)
        {
            return null;
        }

        var wildcards = list.Count(p => p.EndsWith('*'));
        if (wildcards > MaxWildcardPaths || list.Count - wildcards > MaxFilePaths)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{PropName}: received {invalidation.Scope}, which makes {wildcards} wildcard path(s) and {list.Count - wildcards} file path(s), but CloudFront runs at most {MaxWildcardPaths} wildcard paths and {MaxFilePaths} file paths per distribution at once. ")
                + "Use SiteInvalidation.All (one path), or list fewer paths with SiteInvalidation.Paths(...).",
                PropName);
        }

        return new InvalidationPlan(list, invalidation.Wait);
    }

    // One path per top-level entry outside _astro/: a folder's wildcard covers /x, /x/ and everything in it.
    private static List<string> VersionedPaths(AstroBuild build)
    {
        var entries = build.StaticFiles
            .Where(file => !file.StartsWith(SitePaths.AssetsFolder + "/", StringComparison.Ordinal))
            .Select(file => file.Contains('/', StringComparison.Ordinal) ? file[..file.IndexOf('/', StringComparison.Ordinal)] + "*" : file)
            .Distinct(StringComparer.Ordinal)
            .Select(entry => build.BasePath + entry)
            .ToList();
        if (entries.Remove(build.BasePath + "index.html"))
        {
            entries.Insert(0, build.BasePath + "index.html");
            entries.Insert(0, build.BasePath);
        }

        return entries;
    }

    private static List<string> Checked(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            throw new ArgumentException($"{PropName}: received SiteInvalidation.Paths() with no path. Give paths such as \"/\" or \"/blog/*\", or use SiteInvalidation.None.", PropName);
        }

        foreach (var path in paths)
        {
            if (string.IsNullOrEmpty(path) || path[0] != '/' || path.IndexOf('*', StringComparison.Ordinal) is var star and >= 0 && star != path.Length - 1)
            {
                throw new ArgumentException(
                    $"{PropName}: received the path '{path}', which CloudFront does not take: a path starts with / and may end with one * (e.g. \"/blog/*\"), with no * anywhere else.",
                    PropName);
            }
        }

        return [.. paths.Distinct(StringComparer.Ordinal)];
    }
}
