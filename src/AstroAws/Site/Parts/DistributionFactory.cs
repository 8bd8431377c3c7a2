using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Astro.Aws.Overrides;
using Constructs;

namespace Astro.Aws.Parts;

/// <summary>The origins and request function a distribution is built from.</summary>
/// <param name="Static">The S3 origin (Origin Access Control).</param>
/// <param name="Server">Where server requests go: the function URL origin, or the S3 origin carrying the edge handler.</param>
/// <param name="EdgeLambdas">The edge handler's associations in edge mode, else null.</param>
/// <param name="RequestFunction">The viewer-request function.</param>
/// <param name="ServerCachePolicy">The cache policy of server responses, or null for a static build.</param>
internal sealed record SiteRouting(IOrigin Static, IOrigin? Server, IEdgeLambda[]? EdgeLambdas, IFunction RequestFunction, ICachePolicy? ServerCachePolicy);

/// <summary>Assembles the distribution: our behaviors per mode, merged with the caller's overrides.</summary>
internal static class DistributionFactory
{
    private const string PropName = "AstroAwsCdkProps.CloudfrontDistribution";

    public static Distribution Create(Construct scope, AstroBuild build, SitePaths paths, SiteRouting routing, SiteDomain? domain, AstroAwsDistributionProps? overrides)
    {
        var serverIsFunctionUrl = build.Mode is AstroAwsMode.Ssr or AstroAwsMode.SsrStream;
        CallerPolicies.Check(overrides?.DefaultBehavior, $"{PropName}.DefaultBehavior", serverIsFunctionUrl);
        CallerPolicies.Check(overrides?.ApiBehavior, $"{PropName}.ApiBehavior", serverIsFunctionUrl);
        foreach (var (pattern, behavior) in overrides?.AdditionalBehaviors ?? new Dictionary<string, IBehaviorOptions>())
        {
            CallerPolicies.Check(behavior, $"{PropName}.AdditionalBehaviors[\"{pattern}\"]", originIsFunctionUrl: false);
        }

        var ours = build.HasServer ? ServerProps(paths, routing, overrides) : StaticProps(build, paths, routing, overrides);

        // SiteDomain.From refuses a domain set both here and in the overrides, so the overlay below cannot silently replace it.
        ours.DomainNames = domain?.Names;
        ours.Certificate = domain?.Certificate;

        // With a certificate of the caller's, no viewer below TLS 1.2 (and only the 2021 cipher suites); the caller's
        // MinimumProtocolVersion still wins. Without one, CloudFront's *.cloudfront.net certificate fixes the policy.
        if ((domain?.Certificate ?? overrides?.Certificate) is not null)
        {
            ours.MinimumProtocolVersion = SecurityPolicyProtocol.TLS_V1_2_2021;
        }

        var merged = PropsMerge.Overlay(
            ours,
            overrides,
            nameof(AstroAwsDistributionProps.DefaultBehavior),
            nameof(AstroAwsDistributionProps.ApiBehavior),
            nameof(AstroAwsDistributionProps.AdditionalBehaviors),
            nameof(AstroAwsDistributionProps.ErrorResponses));
        merged.AdditionalBehaviors = MergeAdditionalBehaviors(paths, ours.AdditionalBehaviors!, overrides?.AdditionalBehaviors);
        merged.ErrorResponses = MergeErrorResponses(ours.ErrorResponses, overrides?.ErrorResponses);
        return DistributionChecks.Attach(new Distribution(scope, SiteIds.Distribution, merged), overrides?.AdditionalBehaviors);
    }

    private static DistributionProps ServerProps(SitePaths paths, SiteRouting routing, AstroAwsDistributionProps? overrides)
    {
        return new DistributionProps
        {
            DefaultBehavior = BehaviorMerge.Merge(
                BehaviorDefaults.Server(routing.Server!, routing.ServerCachePolicy, routing.RequestFunction, routing.EdgeLambdas),
                overrides?.DefaultBehavior,
                $"{PropName}.DefaultBehavior"),
            AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>(StringComparer.Ordinal)
            {
                [paths.AssetsPattern] = BehaviorDefaults.Static(routing.Static, requestFunction: null),
                [paths.ApiPattern] = BehaviorMerge.Merge(
                    BehaviorDefaults.Api(routing.Server!, routing.RequestFunction, routing.EdgeLambdas),
                    overrides?.ApiBehavior,
                    $"{PropName}.ApiBehavior"),
            },
            HttpVersion = HttpVersion.HTTP2_AND_3,
        };
    }

    private static DistributionProps StaticProps(AstroBuild build, SitePaths paths, SiteRouting routing, AstroAwsDistributionProps? overrides)
    {
        if (overrides?.ApiBehavior is not null)
        {
            throw new ArgumentException(
                $"{PropName}.ApiBehavior: received overrides, but the build in '{build.DistDirectory}' is static (no metadata.json), so there is no server and no /api/* behavior. "
                + "Remove ApiBehavior, or build with @astro-aws/adapter (`output: \"server\"`).",
                $"{PropName}.ApiBehavior");
        }

        // With Origin Access Control, S3 answers a missing key with 403, not 404: both show the site's 404 page.
        IErrorResponse[]? notFound = build.HasNotFoundPage
            ?
            [
                new ErrorResponse { HttpStatus = 403, ResponseHttpStatus = 404, ResponsePagePath = paths.NotFoundPage, Ttl = Duration.Seconds(10) },
                new ErrorResponse { HttpStatus = 404, ResponseHttpStatus = 404, ResponsePagePath = paths.NotFoundPage, Ttl = Duration.Seconds(10) },
            ]
            : null;
        return new DistributionProps
        {
            DefaultBehavior = BehaviorMerge.Merge(
                BehaviorDefaults.Static(routing.Static, routing.RequestFunction),
                overrides?.DefaultBehavior,
                $"{PropName}.DefaultBehavior"),
            AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>(StringComparer.Ordinal)
            {
                [paths.AssetsPattern] = BehaviorDefaults.Static(routing.Static, requestFunction: null),
            },
            DefaultRootObject = "index.html",
            ErrorResponses = notFound,
            HttpVersion = HttpVersion.HTTP2_AND_3,
        };
    }

    /// <summary>
    /// The caller's behaviors come first, because CloudFront takes the first pattern that matches and theirs are
    /// usually narrower (e.g. <c>/api/admin/*</c>). One equal to our <c>/_astro/*</c> replaces ours (the documented
    /// way to change it); one equal to <c>/api/*</c> is refused because <see cref="AstroAwsDistributionProps.ApiBehavior"/> exists for that.
    /// </summary>
    private static Dictionary<string, IBehaviorOptions> MergeAdditionalBehaviors(
        SitePaths paths, IDictionary<string, IBehaviorOptions> ours, IDictionary<string, IBehaviorOptions>? theirs)
    {
        var merged = new Dictionary<string, IBehaviorOptions>(StringComparer.Ordinal);
        foreach (var (pattern, behavior) in theirs ?? new Dictionary<string, IBehaviorOptions>())
        {
            var propName = $"{PropName}.AdditionalBehaviors[\"{pattern}\"]";
            if (string.IsNullOrWhiteSpace(pattern))
            {
                throw new ArgumentException($"{propName}: received an empty path pattern. Give a pattern such as \"/images/*\"; the default behavior already takes every other path.", propName);
            }

            if (pattern == paths.ApiPattern && ours.ContainsKey(paths.ApiPattern))
            {
                throw new ArgumentException(
                    $"{propName}: AstroAws owns {paths.ApiPattern} and merges its settings property by property. Put your overrides in {PropName}.ApiBehavior instead.",
                    propName);
            }

            merged[pattern] = behavior;
        }

        foreach (var (pattern, behavior) in ours)
        {
            merged.TryAdd(pattern, behavior);
        }

        return merged;
    }

    /// <summary>The caller's error responses are all kept; for a status code both set, theirs wins.</summary>
    private static IErrorResponse[]? MergeErrorResponses(IErrorResponse[]? ours, IErrorResponse[]? theirs)
    {
        var theirCodes = (theirs ?? []).Select(response => response.HttpStatus).ToHashSet();
        var merged = PropsMerge.Combine(ours?.Where(response => !theirCodes.Contains(response.HttpStatus)), theirs);
        return merged is { Length: > 0 } ? merged : null;
    }
}
