using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Kinesis;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using static Astro.Aws.Tests.Overrides.OverrideCase;
using CloudFrontFunction = Amazon.CDK.AWS.CloudFront.Function;
using CloudFrontFunctionProps = Amazon.CDK.AWS.CloudFront.FunctionProps;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Overrides;

internal static partial class OverrideTables
{
    private const string UserCertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/enum";

    /// <summary>Which of our behaviors an <see cref="IAddBehaviorOptions"/> override targets.</summary>
    public enum BehaviorKind
    {
        /// <summary>AstroAwsDistributionProps.DefaultBehavior (pages).</summary>
        Default,

        /// <summary>AstroAwsDistributionProps.ApiBehavior (<c>/api/*</c>).</summary>
        Api,
    }

    /// <summary>
    /// AstroAwsCdkProps.CloudfrontDistribution (AstroAwsDistributionProps): lands under the distribution's DistributionConfig.
    /// Our defaults: http2and3, our behaviors for <c>/_astro/*</c> and <c>/api/*</c>; static mode also answers 403/404 with the 404 page.
    /// </summary>
    public static OverrideCase[] Distribution() =>
    [
        // Each behavior property is covered in detail by the DefaultBehavior and ApiBehavior tables.
        Template("DefaultBehavior", _ => CloudfrontDistribution(new AstroAwsDistributionProps { DefaultBehavior = new AddBehaviorOptions { ViewerProtocolPolicy = ViewerProtocolPolicy.HTTPS_ONLY } }),
            t => t.DistributionConfig(new J { ["DefaultCacheBehavior"] = new J { ["ViewerProtocolPolicy"] = "https-only" } })),

        Template("ApiBehavior", _ => CloudfrontDistribution(new AstroAwsDistributionProps { ApiBehavior = new AddBehaviorOptions { ViewerProtocolPolicy = ViewerProtocolPolicy.HTTPS_ONLY } }),
            t => ApiCacheBehavior(t, new J { ["ViewerProtocolPolicy"] = "https-only" })),

        // Combined with ours: theirs first (CloudFront takes the first match), then /_astro/* and /api/*.
        Template("AdditionalBehaviors", _ => CloudfrontDistribution(new AstroAwsDistributionProps { AdditionalBehaviors = new Dictionary<string, IBehaviorOptions> { ["/images/*"] = new BehaviorOptions { Origin = new HttpOrigin("images.example.com") } } }),
            t => t.DistributionConfig(new J
            {
                ["CacheBehaviors"] = Match.ArrayEquals(
                [
                    Match.ObjectLike(new J { ["PathPattern"] = "/images/*" }),
                    Match.ObjectLike(new J { ["PathPattern"] = "/_astro/*" }),
                    Match.ObjectLike(new J { ["PathPattern"] = "/api/*" }),
                ]),
            })),

        // CDK only warns when a certificate comes without domain names.
        Template("Certificate", stack => CloudfrontDistribution(new AstroAwsDistributionProps { Certificate = UserCertificate(stack) }),
            t => t.DistributionConfig(new J { ["ViewerCertificate"] = new J { ["AcmCertificateArn"] = UserCertificateArn } })),

        Template("Comment", _ => CloudfrontDistribution(new AstroAwsDistributionProps { Comment = "enum comment" }),
            t => t.DistributionConfig(new J { ["Comment"] = "enum comment" })),

        Template("DefaultRootObject", _ => CloudfrontDistribution(new AstroAwsDistributionProps { DefaultRootObject = "home.html" }),
            t => t.DistributionConfig(new J { ["DefaultRootObject"] = "home.html" })),

        // Names need a certificate that covers them (refused otherwise), so the row brings one.
        Template("DomainNames", stack => CloudfrontDistribution(new AstroAwsDistributionProps { Certificate = UserCertificate(stack), DomainNames = ["www.enum.example.com"] }),
            t => t.DistributionConfig(new J { ["Aliases"] = new[] { "www.enum.example.com" } }))
            with { Companions = ["Certificate"] },

        Template("Enabled", _ => CloudfrontDistribution(new AstroAwsDistributionProps { Enabled = false }),
            t => t.DistributionConfig(new J { ["Enabled"] = false })),

        Template("EnableIpv6", _ => CloudfrontDistribution(new AstroAwsDistributionProps { EnableIpv6 = false }),
            t => t.DistributionConfig(new J { ["IPV6Enabled"] = false })),

        // CDK creates a logging bucket inside the distribution.
        Template("EnableLogging", _ => CloudfrontDistribution(new AstroAwsDistributionProps { EnableLogging = true }),
            t => t.DistributionConfig(new J { ["Logging"] = new J { ["Bucket"] = t.GetAtt(t.Site.Distribution.Node.FindChild("LoggingBucket"), "RegionalDomainName") } })),

        // Combined with ours (static mode: 403 and 404 show /404.html): ours are kept, theirs added, and theirs win for the same status.
        Template("ErrorResponses", _ => CloudfrontDistribution(new AstroAwsDistributionProps
            {
                ErrorResponses =
                [
                    new ErrorResponse { HttpStatus = 404, ResponseHttpStatus = 404, ResponsePagePath = "/missing.html" },
                    new ErrorResponse { HttpStatus = 503, ResponseHttpStatus = 503, ResponsePagePath = "/busy.html" },
                ],
            }),
            t => t.DistributionConfig(new J
            {
                ["CustomErrorResponses"] = Match.ArrayEquals(
                [
                    Match.ObjectLike(new J { ["ErrorCode"] = 403, ["ResponseCode"] = 404, ["ResponsePagePath"] = "/404.html" }),
                    Match.ObjectLike(new J { ["ErrorCode"] = 404, ["ResponseCode"] = 404, ["ResponsePagePath"] = "/missing.html" }),
                    Match.ObjectLike(new J { ["ErrorCode"] = 503, ["ResponseCode"] = 503, ["ResponsePagePath"] = "/busy.html" }),
                ]),
            }))
            with { OutDir = () => DerivedBuilds.StaticWithNotFoundPage },

        Template("GeoRestriction", _ => CloudfrontDistribution(new AstroAwsDistributionProps { GeoRestriction = GeoRestriction.Allowlist("NL", "BE") }),
            t => t.DistributionConfig(new J { ["Restrictions"] = new J { ["GeoRestriction"] = new J { ["Locations"] = new[] { "NL", "BE" }, ["RestrictionType"] = "whitelist" } } })),

        Template("HttpVersion", _ => CloudfrontDistribution(new AstroAwsDistributionProps { HttpVersion = HttpVersion.HTTP1_1 }),
            t => t.DistributionConfig(new J { ["HttpVersion"] = "http1.1" })),

        // CloudFront standard logs need ACLs, hence OBJECT_WRITER on the user's bucket.
        Template("LogBucket", stack => CloudfrontDistribution(new AstroAwsDistributionProps { LogBucket = new Bucket(stack, "UserLogBucket", new BucketProps { ObjectOwnership = ObjectOwnership.OBJECT_WRITER }) }),
            t => t.DistributionConfig(new J { ["Logging"] = new J { ["Bucket"] = t.GetAtt("UserLogBucket", "RegionalDomainName") } })),

        // Prefix and cookies are read only when logging is on.
        Template("LogFilePrefix", _ => CloudfrontDistribution(new AstroAwsDistributionProps { EnableLogging = true, LogFilePrefix = "cloudfront/" }),
            t => t.DistributionConfig(new J { ["Logging"] = new J { ["Prefix"] = "cloudfront/" } }))
            with { Companions = ["EnableLogging"] },

        Template("LogIncludesCookies", _ => CloudfrontDistribution(new AstroAwsDistributionProps { EnableLogging = true, LogIncludesCookies = true }),
            t => t.DistributionConfig(new J { ["Logging"] = new J { ["IncludeCookies"] = true } }))
            with { Companions = ["EnableLogging"] },

        // Protocol version and SSL method are read only with a certificate; CDK's defaults with one are TLSv1.2_2021 and sni-only.
        Template("MinimumProtocolVersion", stack => CloudfrontDistribution(new AstroAwsDistributionProps { Certificate = UserCertificate(stack), MinimumProtocolVersion = SecurityPolicyProtocol.TLS_V1_2_2019 }),
            t => t.DistributionConfig(new J { ["ViewerCertificate"] = new J { ["MinimumProtocolVersion"] = "TLSv1.2_2019" } }))
            with { Companions = ["Certificate"] },

        Template("PriceClass", _ => CloudfrontDistribution(new AstroAwsDistributionProps { PriceClass = PriceClass.PRICE_CLASS_100 }),
            t => t.DistributionConfig(new J { ["PriceClass"] = "PriceClass_100" })),

        Template("PublishAdditionalMetrics", _ => CloudfrontDistribution(new AstroAwsDistributionProps { PublishAdditionalMetrics = true }),
            t => t.Has("AWS::CloudFront::MonitoringSubscription", new J { ["DistributionId"] = t.Ref(t.Site.Distribution) })),

        Template("SslSupportMethod", stack => CloudfrontDistribution(new AstroAwsDistributionProps { Certificate = UserCertificate(stack), SslSupportMethod = SSLMethod.VIP }),
            t => t.DistributionConfig(new J { ["ViewerCertificate"] = new J { ["SslSupportMethod"] = "vip" } }))
            with { Companions = ["Certificate"] },

        Template("WebAclId", _ => CloudfrontDistribution(new AstroAwsDistributionProps { WebAclId = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/enum/abc" }),
            t => t.DistributionConfig(new J { ["WebACLId"] = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/enum/abc" })),
    ];

    /// <summary>
    /// AstroAwsDistributionProps.DefaultBehavior or .ApiBehavior (IAddBehaviorOptions): lands on DefaultCacheBehavior or on
    /// the <c>/api/*</c> cache behavior. Every value differs from both our defaults (default: ALLOW_ALL, our cache policy,
    /// ALL_VIEWER_EXCEPT_HOST_HEADER, SECURITY_HEADERS, redirect-to-https, compress, our viewer-request function; api:
    /// CACHING_DISABLED and CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT_AND_SECURITY_HEADERS instead).
    /// </summary>
    public static OverrideCase[] Behavior(BehaviorKind kind)
    {
        AstroAwsCdkProps Set(IAddBehaviorOptions options) => CloudfrontDistribution(
            kind == BehaviorKind.Default ? new AstroAwsDistributionProps { DefaultBehavior = options } : new AstroAwsDistributionProps { ApiBehavior = options });
        void Expect(Synthesized t, J behavior)
        {
            if (kind == BehaviorKind.Default)
            {
                t.DistributionConfig(new J { ["DefaultCacheBehavior"] = behavior });
            }
            else
            {
                ApiCacheBehavior(t, behavior);
            }
        }

        return
        [
            Template("AllowedMethods", _ => Set(new AddBehaviorOptions { AllowedMethods = AllowedMethods.ALLOW_GET_HEAD_OPTIONS }),
                t => Expect(t, new J { ["AllowedMethods"] = new[] { "GET", "HEAD", "OPTIONS" } })),

            Template("CachedMethods", _ => Set(new AddBehaviorOptions { CachedMethods = CachedMethods.CACHE_GET_HEAD_OPTIONS }),
                t => Expect(t, new J { ["CachedMethods"] = new[] { "GET", "HEAD", "OPTIONS" } })),

            // CACHING_OPTIMIZED's managed ID.
            Template("CachePolicy", _ => Set(new AddBehaviorOptions { CachePolicy = CachePolicy.CACHING_OPTIMIZED }),
                t => Expect(t, new J { ["CachePolicyId"] = "658327ea-f89d-4fab-a63d-7e88639e58f6" })),

            Template("Compress", _ => Set(new AddBehaviorOptions { Compress = false }),
                t => Expect(t, new J { ["Compress"] = false })),

            // In ssr mode the origin events are free (the viewer events are not: CloudFront refuses Lambda@Edge beside our
            // viewer-request CloudFront Function there). Versions must be in us-east-1, so an imported one is used.
            Template("EdgeLambdas", stack => Set(new AddBehaviorOptions { EdgeLambdas = [new EdgeLambda { EventType = LambdaEdgeEventType.ORIGIN_RESPONSE, FunctionVersion = Version_.FromVersionArn(stack, "UserEdgeVersion", UserEdgeVersionArn) }] }),
                t => Expect(t, new J
                {
                    ["LambdaFunctionAssociations"] = Match.ArrayEquals(
                    [
                        Match.ObjectLike(new J { ["EventType"] = "origin-response", ["LambdaFunctionARN"] = UserEdgeVersionArn }),
                    ]),
                })),

            // Combined with ours: our viewer-request function stays, theirs is added on viewer-response (viewer-request is refused).
            Template("FunctionAssociations", stack => Set(new AddBehaviorOptions { FunctionAssociations = [new FunctionAssociation { EventType = FunctionEventType.VIEWER_RESPONSE, Function = UserViewerResponseFunction(stack) }] }),
                t => Expect(t, new J
                {
                    ["FunctionAssociations"] = Match.ArrayEquals(
                    [
                        new J { ["EventType"] = "viewer-request", ["FunctionARN"] = t.GetAtt(t.Site.RequestFunction, "FunctionARN") },
                        new J { ["EventType"] = "viewer-response", ["FunctionARN"] = t.GetAtt("UserViewerResponse", "FunctionARN") },
                    ]),
                })),

            // A managed policy that leaves Host alone (ALL_VIEWER would send the viewer's Host to the function URL, which is refused).
            Template("OriginRequestPolicy", _ => Set(new AddBehaviorOptions { OriginRequestPolicy = OriginRequestPolicy.USER_AGENT_REFERER_HEADERS }),
                t => Expect(t, new J { ["OriginRequestPolicyId"] = OriginRequestPolicy.USER_AGENT_REFERER_HEADERS.OriginRequestPolicyId })),

            Template("RealtimeLogConfig", stack => Set(new AddBehaviorOptions { RealtimeLogConfig = UserRealtimeLogConfig(stack) }),
                t => Expect(t, new J { ["RealtimeLogConfigArn"] = t.GetAtt("UserRealtimeLogs", "Arn") })),

            // CORS_ALLOW_ALL_ORIGINS's managed ID.
            Template("ResponseHeadersPolicy", _ => Set(new AddBehaviorOptions { ResponseHeadersPolicy = ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS }),
                t => Expect(t, new J { ["ResponseHeadersPolicyId"] = "60669652-455b-4ae9-85a4-c4c02393f86c" })),

            Template("SmoothStreaming", _ => Set(new AddBehaviorOptions { SmoothStreaming = true }),
                t => Expect(t, new J { ["SmoothStreaming"] = true })),

            Template("TrustedKeyGroups", stack => Set(new AddBehaviorOptions { TrustedKeyGroups = [KeyGroup.FromKeyGroupId(stack, "UserKeyGroup", "K2ENUMKEYGROUP")] }),
                t => Expect(t, new J { ["TrustedKeyGroups"] = new[] { "K2ENUMKEYGROUP" } })),

            Template("ViewerProtocolPolicy", _ => Set(new AddBehaviorOptions { ViewerProtocolPolicy = ViewerProtocolPolicy.HTTPS_ONLY }),
                t => Expect(t, new J { ["ViewerProtocolPolicy"] = "https-only" })),
        ];
    }

    private const string UserEdgeVersionArn = "arn:aws:lambda:us-east-1:123456789012:function:enum-edge:1";

    private static AstroAwsCdkProps CloudfrontDistribution(AstroAwsDistributionProps props) => new() { CloudfrontDistribution = props };

    private static void ApiCacheBehavior(Synthesized t, J behavior)
    {
        var withPattern = new J(behavior) { ["PathPattern"] = "/api/*" };
        t.DistributionConfig(new J { ["CacheBehaviors"] = Match.ArrayWith([Match.ObjectLike(withPattern)]) });
    }

    private static ICertificate UserCertificate(Constructs.Construct scope) => Certificate.FromCertificateArn(scope, "UserCertificate", UserCertificateArn);

    private static CloudFrontFunction UserViewerResponseFunction(Constructs.Construct scope) => new(scope, "UserViewerResponse", new CloudFrontFunctionProps
    {
        Code = FunctionCode.FromInline("function handler(event) { return event.response; }"),
        Runtime = FunctionRuntime.JS_2_0,
    });

    private static RealtimeLogConfig UserRealtimeLogConfig(Constructs.Construct scope) => new(scope, "UserRealtimeLogs", new RealtimeLogConfigProps
    {
        EndPoints = [Endpoint.FromKinesisStream(new Amazon.CDK.AWS.Kinesis.Stream(scope, "UserLogStream"))],
        Fields = ["timestamp", "c-ip", "cs-uri-stem"],
        SamplingRate = 100,
    });
}
