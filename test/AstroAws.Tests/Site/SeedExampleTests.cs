using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CloudFront;
using Astro.Aws.Tests.Support;
using Xunit;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// The examples of the "API Routes Configuration" guide the construct ports, in C#: each override merges onto our
/// defaults property by property, so what the example does not set keeps our value.
/// </summary>
public class SeedExampleTests
{
    public static TheoryData<string> ServerModes => ["ssr", "ssr-stream", "edge"];

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Viewer_protocol_override_keeps_every_other_api_default(string mode)
    {
        var stack = Site(mode, _ => new AstroAwsDistributionProps
        {
            ApiBehavior = new AddBehaviorOptions { ViewerProtocolPolicy = ViewerProtocolPolicy.HTTPS_ONLY },
        });

        AssertApiBehavior(stack, new Dictionary<string, object>
        {
            ["ViewerProtocolPolicy"] = "https-only",
            ["CachePolicyId"] = CachePolicy.CACHING_DISABLED.CachePolicyId,
            ["ResponseHeadersPolicyId"] = ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT_AND_SECURITY_HEADERS.ResponseHeadersPolicyId,
            ["OriginRequestPolicyId"] = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.OriginRequestPolicyId,
        });
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Custom_api_cache_policy_keeps_cors_origin_request_and_viewer_protocol(string mode)
    {
        var stack = Site(mode, scope => new AstroAwsDistributionProps
        {
            ApiBehavior = new AddBehaviorOptions
            {
                // The guide's "No-Cache Policy for Dynamic APIs" has MaxTtl 0 too, which CloudFront refuses with this key
                // (rule cloudfront/caching-disabled-empty-key; refused in BadInputTests): MaxTtl 1 s keeps the key, and
                // DefaultTtl 0 still caches nothing the API does not mark cacheable.
                CachePolicy = new CachePolicy(scope, "ApiCachePolicy", new CachePolicyProps
                {
                    CookieBehavior = CacheCookieBehavior.All(),
                    HeaderBehavior = CacheHeaderBehavior.AllowList("Authorization", "Content-Type"),
                    QueryStringBehavior = CacheQueryStringBehavior.All(),
                    DefaultTtl = Duration.Seconds(0),
                    MinTtl = Duration.Seconds(0),
                    MaxTtl = Duration.Seconds(1),
                }),
            },
        });

        AssertApiBehavior(stack, new Dictionary<string, object>
        {
            ["CachePolicyId"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^ApiCachePolicy") },
            ["ResponseHeadersPolicyId"] = ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT_AND_SECURITY_HEADERS.ResponseHeadersPolicyId,
            ["OriginRequestPolicyId"] = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.OriginRequestPolicyId,
            ["ViewerProtocolPolicy"] = "redirect-to-https",
        });
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Custom_cors_policy_keeps_the_other_api_defaults(string mode)
    {
        var stack = Site(mode, scope => new AstroAwsDistributionProps
        {
            ApiBehavior = new AddBehaviorOptions
            {
                ResponseHeadersPolicy = new ResponseHeadersPolicy(scope, "CorsPolicy", new ResponseHeadersPolicyProps
                {
                    // The name is unique in the account, and aws-cdk-lib 2.160's default has no region in it.
                    ResponseHeadersPolicyName = $"site-api-cors-{scope.Region}",
                    CorsBehavior = new ResponseHeadersCorsBehavior
                    {
                        AccessControlAllowCredentials = false,
                        AccessControlAllowHeaders = ["Content-Type", "Authorization"],
                        AccessControlAllowMethods = ["GET", "POST", "PUT", "DELETE"],
                        AccessControlAllowOrigins = ["https://example.com"],
                        AccessControlExposeHeaders = ["Content-Length"],
                        AccessControlMaxAge = Duration.Seconds(3600),
                        OriginOverride = true,
                    },
                }),
            },
        });

        AssertApiBehavior(stack, new Dictionary<string, object>
        {
            ["ResponseHeadersPolicyId"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^CorsPolicy") },
            ["CachePolicyId"] = CachePolicy.CACHING_DISABLED.CachePolicyId,
            ["OriginRequestPolicyId"] = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.OriginRequestPolicyId,
            ["ViewerProtocolPolicy"] = "redirect-to-https",
        });
        SiteStacks.Template(stack).HasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ResponseHeadersPolicyConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["CorsConfig"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["AccessControlAllowOrigins"] = new Dictionary<string, object> { ["Items"] = new[] { "https://example.com" } },
                }),
            }),
        }));
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Different_cache_policies_for_api_and_pages_each_keep_their_other_defaults(string mode)
    {
        var stack = Site(mode, scope => new AstroAwsDistributionProps
        {
            ApiBehavior = new AddBehaviorOptions
            {
                // The guide's API policy has MaxTtl 0, which CloudFront refuses with cookies and query strings in the key;
                // the managed CachingDisabled is the fix (the origin request policy still forwards both).
                CachePolicy = CachePolicy.CACHING_DISABLED,
            },
            DefaultBehavior = new AddBehaviorOptions
            {
                CachePolicy = new CachePolicy(scope, "PageCachePolicy", new CachePolicyProps
                {
                    CookieBehavior = CacheCookieBehavior.None(),
                    QueryStringBehavior = CacheQueryStringBehavior.None(),
                    DefaultTtl = Duration.Days(365),
                    MinTtl = Duration.Days(1),
                    MaxTtl = Duration.Days(365),
                }),
            },
        });

        AssertApiBehavior(stack, new Dictionary<string, object>
        {
            ["CachePolicyId"] = CachePolicy.CACHING_DISABLED.CachePolicyId,
            ["ResponseHeadersPolicyId"] = ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT_AND_SECURITY_HEADERS.ResponseHeadersPolicyId,
        });
        SiteStacks.Template(stack).HasResourceProperties("AWS::CloudFront::Distribution", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DistributionConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["DefaultCacheBehavior"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["CachePolicyId"] = new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^PageCachePolicy") },
                    ["ResponseHeadersPolicyId"] = ResponseHeadersPolicy.SECURITY_HEADERS.ResponseHeadersPolicyId,
                    ["OriginRequestPolicyId"] = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.OriginRequestPolicyId,
                    ["AllowedMethods"] = Match.ArrayWith(["POST"]),
                }),
            }),
        }));
        SiteStacks.Template(stack).ResourceCountIs("AWS::CloudFront::CachePolicy", 1);
    }

    private static Stack Site(string mode, Func<Stack, AstroAwsDistributionProps> distribution)
    {
        var (stack, _) = SiteStacks.ForFixture(mode, build: s => new AstroAwsProps
        {
            OutDir = TestPaths.Fixture(mode),
            Cdk = new AstroAwsCdkProps { CloudfrontDistribution = distribution(s) },
        });
        return stack;
    }

    private static void AssertApiBehavior(Stack stack, Dictionary<string, object> expected)
    {
        expected["PathPattern"] = "/api/*";
        SiteStacks.Template(stack).HasResourceProperties("AWS::CloudFront::Distribution", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DistributionConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["CacheBehaviors"] = Match.ArrayWith([Match.ObjectLike(expected)]),
            }),
        }));
    }
}
