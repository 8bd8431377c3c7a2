using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Astro.Aws.Overrides;
using Astro.Aws.Parts;

namespace Astro.Aws.Plan;

/// <summary>Which of the caller's viewer hooks the site has.</summary>
internal sealed record ViewerHookUse(bool Request, bool Response);

/// <summary>The distribution's settings and behaviors, per mode, with the caller's overrides merged in.</summary>
/// <param name="Props">Every setting but the behaviors.</param>
/// <param name="DefaultBehavior">The default behavior.</param>
/// <param name="AdditionalBehaviors">The other behaviors, in CloudFront's order.</param>
internal sealed record DistributionPlan(DistributionProps Props, BehaviorPlan DefaultBehavior, IReadOnlyList<BehaviorPlan> AdditionalBehaviors);

/// <summary>Plans the distribution: our behaviors per mode, merged with the caller's overrides.</summary>
internal static class DistributionPlanner
{
    private const string PropName = "AstroAwsCdkProps.CloudfrontDistribution";

    /// <summary>
    /// Our behaviors for <paramref name="build"/>'s mode, with <paramref name="overrides"/> merged in;
    /// <paramref name="signsBodies"/> puts the body signer on the server's. With the caller's viewer code
    /// (<paramref name="hooks"/>) every behavior of ours runs it, the hashed assets' too.
    /// </summary>
    public static DistributionPlan Plan(AstroBuild build, SitePaths paths, SiteDomain? domain, AstroAwsDistributionProps? overrides, bool signsBodies, ViewerHookUse hooks)
    {
        var serverIsFunctionUrl = build.Mode is AstroAwsMode.Ssr or AstroAwsMode.SsrStream;
        CallerPolicies.Check(overrides?.DefaultBehavior, $"{PropName}.DefaultBehavior", serverIsFunctionUrl);
        CallerPolicies.Check(overrides?.ApiBehavior, $"{PropName}.ApiBehavior", serverIsFunctionUrl);
        foreach (var (pattern, behavior) in overrides?.AdditionalBehaviors ?? new Dictionary<string, IBehaviorOptions>())
        {
            CallerPolicies.Check(behavior, $"{PropName}.AdditionalBehaviors[\"{pattern}\"]", originIsFunctionUrl: false);
        }

        if (!build.HasServer && overrides?.ApiBehavior is not null)
        {
            throw new ArgumentException(
                $"{PropName}.ApiBehavior: received overrides, but the build in '{build.DistDirectory}' is static (no metadata.json), so there is no server and no /api/* behavior. "
                + "Remove ApiBehavior, or build with @astro-aws/adapter (`output: \"server\"`).",
                $"{PropName}.ApiBehavior");
        }

        var edge = build.Mode == AstroAwsMode.Edge;
        var assets = new BehaviorPlan(paths.AssetsPattern, OriginRole.Files, BehaviorDefaults.Files, RequestFunction: hooks.Request, EdgeHandler: false, UsesServerCachePolicy: false, ResponseFunction: hooks.Response);
        BehaviorPlan defaultBehavior;
        List<BehaviorPlan> ours;
        if (build.HasServer)
        {
            var handlers = new OurHandlers(RequestFunction: true, EdgeHandler: edge, BodySigner: signsBodies, ResponseFunction: hooks.Response);
            var server = BehaviorMerge.Merge(BehaviorDefaults.Server, handlers, overrides?.DefaultBehavior, $"{PropName}.DefaultBehavior");
            defaultBehavior = new BehaviorPlan(null, OriginRole.Server, server, RequestFunction: true, edge, UsesServerCachePolicy: server.CachePolicy is null, signsBodies, hooks.Response);
            var api = BehaviorMerge.Merge(BehaviorDefaults.Api, handlers, overrides?.ApiBehavior, $"{PropName}.ApiBehavior");
            ours = [assets, new BehaviorPlan(paths.ApiPattern, OriginRole.Server, api, RequestFunction: true, edge, UsesServerCachePolicy: false, signsBodies, hooks.Response)];
        }
        else
        {
            var files = BehaviorMerge.Merge(BehaviorDefaults.Files, new OurHandlers(RequestFunction: true, EdgeHandler: false, ResponseFunction: hooks.Response), overrides?.DefaultBehavior, $"{PropName}.DefaultBehavior");
            defaultBehavior = new BehaviorPlan(null, OriginRole.Files, files, RequestFunction: true, EdgeHandler: false, UsesServerCachePolicy: false, ResponseFunction: hooks.Response);
            ours = [assets];
        }

        var props = new DistributionProps
        {
            HttpVersion = HttpVersion.HTTP2_AND_3,
            DefaultRootObject = build.HasServer ? null : "index.html",
            ErrorResponses = build.HasServer ? null : NotFoundResponses(build, paths),

            // SiteDomain.From refuses a domain set both here and in the overrides, so the overlay below cannot silently replace it.
            DomainNames = domain?.Names,
            // Null when the site creates the certificate: the renderer puts it here.
            Certificate = domain?.Certificate,
        };

        // With a certificate of the caller's, no viewer below TLS 1.2 (and only the 2021 cipher suites); the caller's
        // MinimumProtocolVersion still wins. Without one, CloudFront's *.cloudfront.net certificate fixes the policy.
        if (domain is not null || overrides?.Certificate is not null)
        {
            props.MinimumProtocolVersion = SecurityPolicyProtocol.TLS_V1_2_2021;
        }

        var ourErrorResponses = props.ErrorResponses;
        var merged = PropsMerge.Overlay(
            props,
            overrides,
            nameof(AstroAwsDistributionProps.DefaultBehavior),
            nameof(AstroAwsDistributionProps.ApiBehavior),
            nameof(AstroAwsDistributionProps.AdditionalBehaviors),
            nameof(AstroAwsDistributionProps.ErrorResponses));
        merged.ErrorResponses = MergeErrorResponses(ourErrorResponses, overrides?.ErrorResponses);
        return new DistributionPlan(merged, defaultBehavior, MergeAdditionalBehaviors(paths, ours, overrides?.AdditionalBehaviors));
    }

    // With Origin Access Control, S3 answers a missing key with 403, not 404: both show the site's 404 page.
    private static IErrorResponse[]? NotFoundResponses(AstroBuild build, SitePaths paths) => build.HasNotFoundPage
        ?
        [
            new ErrorResponse { HttpStatus = 403, ResponseHttpStatus = 404, ResponsePagePath = paths.NotFoundPage, Ttl = Duration.Seconds(10) },
            new ErrorResponse { HttpStatus = 404, ResponseHttpStatus = 404, ResponsePagePath = paths.NotFoundPage, Ttl = Duration.Seconds(10) },
        ]
        : null;

    /// <summary>
    /// The caller's behaviors come first, because CloudFront takes the first pattern that matches and theirs are
    /// usually narrower (e.g. <c>/api/admin/*</c>). One equal to our <c>/_astro/*</c> replaces ours (the documented
    /// way to change it); one equal to <c>/api/*</c> is refused because <see cref="AstroAwsDistributionProps.ApiBehavior"/> exists for that.
    /// </summary>
    private static List<BehaviorPlan> MergeAdditionalBehaviors(SitePaths paths, List<BehaviorPlan> ours, IDictionary<string, IBehaviorOptions>? theirs)
    {
        var merged = new List<BehaviorPlan>();
        foreach (var (pattern, behavior) in theirs ?? new Dictionary<string, IBehaviorOptions>())
        {
            var propName = $"{PropName}.AdditionalBehaviors[\"{pattern}\"]";
            if (string.IsNullOrWhiteSpace(pattern))
            {
                throw new ArgumentException($"{propName}: received an empty path pattern. Give a pattern such as \"/images/*\"; the default behavior already takes every other path.", propName);
            }

            if (pattern == paths.ApiPattern && ours.Any(plan => plan.PathPattern == paths.ApiPattern))
            {
                throw new ArgumentException(
                    $"{propName}: AstroAws owns {paths.ApiPattern} and merges its settings property by property. Put your overrides in {PropName}.ApiBehavior instead.",
                    propName);
            }

            merged.Add(new BehaviorPlan(pattern, OriginRole.Caller, behavior, RequestFunction: false, EdgeHandler: false, UsesServerCachePolicy: false));
        }

        merged.AddRange(ours.Where(plan => merged.All(theirPlan => theirPlan.PathPattern != plan.PathPattern)));
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
