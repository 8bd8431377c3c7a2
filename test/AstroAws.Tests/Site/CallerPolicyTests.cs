using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Astro.Aws.Tests.Support;
using Xunit;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// What a caller hands to a behavior of the site that CloudFront would refuse at deploy, or that would break the
/// function URL: refused at construction, naming the prop, with the fix (docs/aws-rules.md).
/// </summary>
public sealed class CallerPolicyTests
{
    private const string Distribution = "AstroAwsCdkProps.CloudfrontDistribution";

    /// <summary>The guide's "No-Cache Policy for Dynamic APIs", as the guide writes it.</summary>
    private static CachePolicy SeedNoCachePolicy(Stack scope) => new(scope, "ApiCachePolicy", new CachePolicyProps
    {
        CookieBehavior = CacheCookieBehavior.All(),
        HeaderBehavior = CacheHeaderBehavior.AllowList("Authorization", "Content-Type"),
        QueryStringBehavior = CacheQueryStringBehavior.All(),
        DefaultTtl = Duration.Seconds(0),
        MinTtl = Duration.Seconds(0),
        MaxTtl = Duration.Seconds(0),
    });

    [Fact]
    public void The_guides_no_cache_policy_on_the_api_behavior()
    {
        // CloudFront: "Invalid request provided: AWS::CloudFront::CachePolicy" for a caching-disabled policy with a key.
        Refused("ssr", scope => new AstroAwsDistributionProps { ApiBehavior = new AddBehaviorOptions { CachePolicy = SeedNoCachePolicy(scope) } },
            $"{Distribution}.ApiBehavior.CachePolicy", "TestStack/ApiCachePolicy", "all 0 (caching disabled)", "cookies (all)", "headers (whitelist)", "query strings (all)",
            "CachePolicy.CACHING_DISABLED", "MaxTtl to at least 1 second");
    }

    [Theory]
    [InlineData("edge")]
    [InlineData("static")]
    public void A_caching_disabled_policy_with_a_key_on_the_default_behavior(string mode) =>
        Refused(mode, scope => new AstroAwsDistributionProps { DefaultBehavior = new AddBehaviorOptions { CachePolicy = SeedNoCachePolicy(scope) } },
            $"{Distribution}.DefaultBehavior.CachePolicy", "caching disabled");

    [Fact]
    public void A_caching_disabled_policy_with_a_key_on_an_additional_behavior() =>
        Refused("ssr", scope => new AstroAwsDistributionProps
        {
            AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>
            {
                ["/reports/*"] = new BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("reports.example.com"), CachePolicy = SeedNoCachePolicy(scope) },
            },
        }, $"{Distribution}.AdditionalBehaviors[\"/reports/*\"].CachePolicy", "caching disabled");

    [Fact]
    public void Compression_alone_in_a_caching_disabled_key() =>
        Refused("ssr", scope => new AstroAwsDistributionProps
        {
            ApiBehavior = new AddBehaviorOptions
            {
                CachePolicy = new CachePolicy(scope, "Gzip", new CachePolicyProps { MinTtl = Duration.Seconds(0), DefaultTtl = Duration.Seconds(0), MaxTtl = Duration.Seconds(0), EnableAcceptEncodingGzip = true }),
            },
        }, "ApiBehavior.CachePolicy", "Accept-Encoding gzip");

    [Fact]
    public void A_caching_disabled_policy_with_an_empty_key_and_the_fixed_guide_policy_are_accepted()
    {
        Accepted("ssr", scope => new AstroAwsDistributionProps
        {
            ApiBehavior = new AddBehaviorOptions
            {
                CachePolicy = new CachePolicy(scope, "Empty", new CachePolicyProps { MinTtl = Duration.Seconds(0), DefaultTtl = Duration.Seconds(0), MaxTtl = Duration.Seconds(0) }),
            },
        });
        Accepted("ssr", scope => new AstroAwsDistributionProps
        {
            ApiBehavior = new AddBehaviorOptions
            {
                CachePolicy = new CachePolicy(scope, "Keyed", new CachePolicyProps
                {
                    CookieBehavior = CacheCookieBehavior.All(),
                    QueryStringBehavior = CacheQueryStringBehavior.All(),
                    MinTtl = Duration.Seconds(0),
                    DefaultTtl = Duration.Seconds(0),
                    MaxTtl = Duration.Seconds(1),
                }),
            },
        });
    }

    [Theory]
    [InlineData("DefaultBehavior")]
    [InlineData("ApiBehavior")]
    public void The_all_viewer_policy_onto_the_function_url(string behavior) =>
        Refused("ssr", _ => Behavior(behavior, new AddBehaviorOptions { OriginRequestPolicy = OriginRequestPolicy.ALL_VIEWER }),
            $"{Distribution}.{behavior}.OriginRequestPolicy", "216adef6-5c7f-47e4-b989-5492eafa07d3", "forwards the viewer's Host", "ALL_VIEWER_EXCEPT_HOST_HEADER");

    [Fact]
    public void An_origin_request_policy_of_the_callers_that_forwards_host_onto_the_function_url() =>
        Refused("ssr-stream", scope => Behavior("ApiBehavior", new AddBehaviorOptions
        {
            OriginRequestPolicy = new OriginRequestPolicy(scope, "WithHost", new OriginRequestPolicyProps { HeaderBehavior = OriginRequestHeaderBehavior.AllowList("Host", "Accept") }),
        }), "ApiBehavior.OriginRequestPolicy", "TestStack/WithHost", "forwards the viewer's Host");

    [Fact]
    public void A_cache_key_with_host_onto_the_function_url() =>
        Refused("ssr", scope => Behavior("DefaultBehavior", new AddBehaviorOptions
        {
            CachePolicy = new CachePolicy(scope, "ByHost", new CachePolicyProps { HeaderBehavior = CacheHeaderBehavior.AllowList("host") }),
        }), "DefaultBehavior.CachePolicy", "puts Host in its cache key");

    [Fact]
    public void The_all_viewer_policy_in_edge_mode_is_not_judged_here() =>
        Accepted("edge", _ => Behavior("DefaultBehavior", new AddBehaviorOptions { OriginRequestPolicy = OriginRequestPolicy.ALL_VIEWER }));

    [Theory]
    [InlineData(true, false, "AccessControlAllowHeaders")]
    [InlineData(false, true, "AccessControlAllowOrigins")]
    public void Cors_with_credentials_and_a_wildcard(bool wildcardHeaders, bool wildcardOrigins, string list) =>
        Refused("ssr", scope => Behavior("ApiBehavior", new AddBehaviorOptions
        {
            ResponseHeadersPolicy = new ResponseHeadersPolicy(scope, "Cors", new ResponseHeadersPolicyProps
            {
                ResponseHeadersPolicyName = "cors-eu-west-1",
                CorsBehavior = new ResponseHeadersCorsBehavior
                {
                    AccessControlAllowCredentials = true,
                    AccessControlAllowHeaders = [wildcardHeaders ? "*" : "Content-Type"],
                    AccessControlAllowMethods = ["GET", "POST"],
                    AccessControlAllowOrigins = [wildcardOrigins ? "*" : "https://www.example.com"],
                    OriginOverride = true,
                },
            }),
        }), "ApiBehavior.ResponseHeadersPolicy", "allow credentials and '*'", list, "List the origins and headers");

    [Fact]
    public void Lambda_at_edge_on_viewer_response_beside_the_request_function() =>
        // VIEWER_REQUEST is refused sooner, as the event the request function itself uses (BadInputTests).
        Refused("ssr", scope => Behavior("DefaultBehavior", new AddBehaviorOptions
        {
            EdgeLambdas =
            [
                new EdgeLambda
                {
                    EventType = LambdaEdgeEventType.VIEWER_RESPONSE,
                    FunctionVersion = Version_.FromVersionArn(scope, "V", "arn:aws:lambda:us-east-1:123456789012:function:f:1"),
                },
            ],
        }), "DefaultBehavior.EdgeLambdas", "VIEWER_RESPONSE", "CloudFront refuses CloudFront Functions and Lambda@Edge together on viewer events", "ORIGIN_REQUEST or ORIGIN_RESPONSE");

    [Fact]
    public void Object_writer_ownership_on_the_site_bucket()
    {
        var stack = SiteStacks.NewStack();
        var act = () => new AstroAws(stack, "Site", new AstroAwsProps
        {
            OutDir = TestPaths.Fixture("static"),
            Cdk = new AstroAwsCdkProps { S3Bucket = new BucketProps { ObjectOwnership = ObjectOwnership.OBJECT_WRITER } },
        });
        Refusal.Expect(act, "AstroAwsCdkProps.S3Bucket.ObjectOwnership", "received OBJECT_WRITER", "Origin Access Control", "BUCKET_OWNER_PREFERRED");
    }

    private static AstroAwsDistributionProps Behavior(string which, AddBehaviorOptions options) =>
        which == "ApiBehavior" ? new AstroAwsDistributionProps { ApiBehavior = options } : new AstroAwsDistributionProps { DefaultBehavior = options };

    private static void Refused(string mode, Func<Stack, AstroAwsDistributionProps> distribution, params string[] fragments)
    {
        var stack = SiteStacks.NewStack();
        var act = () => new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture(mode), Cdk = new AstroAwsCdkProps { CloudfrontDistribution = distribution(stack) } });
        Refusal.Expect(act, fragments);
    }

    private static void Accepted(string mode, Func<Stack, AstroAwsDistributionProps> distribution)
    {
        var stack = SiteStacks.NewStack();
        _ = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture(mode), Cdk = new AstroAwsCdkProps { CloudfrontDistribution = distribution(stack) } });
        SiteStacks.Template(stack);
    }
}
