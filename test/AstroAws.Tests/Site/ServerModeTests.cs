using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CloudFront;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site;

/// <summary>The request path in ssr and ssr-stream mode, asserted on the synthesized template and its routing.</summary>
public class ServerModeTests
{
    public static TheoryData<string> ServerModes => ["ssr", "ssr-stream"];

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Mode_is_read_from_metadata(string mode)
    {
        var (_, site) = SiteStacks.ForFixture(mode);
        site.Mode.Should().Be(mode == "ssr" ? AstroAwsMode.Ssr : AstroAwsMode.SsrStream);
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Static_files_reach_s3_and_never_the_function(string mode)
    {
        var model = Model(mode, out var build);
        var hashed = build.StaticFiles.First(f => f.StartsWith("_astro/", StringComparison.Ordinal));
        var requests = new[]
        {
            new ViewerRequest("GET", "/" + hashed),
            new ViewerRequest("GET", "/about"),
            new ViewerRequest("GET", "/about/"),
            new ViewerRequest("HEAD", "/about/index.html"),
            new ViewerRequest("GET", "/robots.txt", Query: new Dictionary<string, string> { ["utm"] = "x" }),
            new ViewerRequest("GET", "/favicon.svg"),
            new ViewerRequest("GET", "/images/logo.svg"),
        };

        var routed = model.Route(requests);

        routed.Should().AllSatisfy(r => r.Origin.Should().Be("s3"));
        routed.Should().AllSatisfy(r => r.MethodAllowed.Should().BeTrue());
        routed[0].PathPattern.Should().Be("/_astro/*");
        routed[1].OriginUri.Should().Be("/about/index.html");
        routed[2].OriginUri.Should().Be("/about/index.html");
        routed[3].OriginUri.Should().Be("/about/index.html");
        routed[4].QueryStringsReachOrigin.Should().BeFalse("S3 must not see viewer query strings (subresources such as ?acl)");
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Server_paths_reach_the_function_with_every_method_query_and_cookie(string mode)
    {
        var model = Model(mode, out _);
        var cookies = new Dictionary<string, string> { ["theme"] = "dark" };
        var requests = new[]
        {
            new ViewerRequest("GET", "/ssr", Query: new Dictionary<string, string> { ["name"] = "Ada" }, Cookies: cookies),
            new ViewerRequest("GET", "/"),
            new ViewerRequest("POST", "/form", Cookies: cookies, Headers: new Dictionary<string, string> { ["content-type"] = "application/x-www-form-urlencoded", ["origin"] = "https://www.example.com" }),
            new ViewerRequest("POST", "/_actions/greet"),
            new ViewerRequest("GET", "/_server-islands/Island", Query: new Dictionary<string, string> { ["e"] = "1" }),
            new ViewerRequest("POST", "/about"),
            new ViewerRequest("GET", "/about2"),
            new ViewerRequest("GET", "/images2/logo.svg"),
            new ViewerRequest("GET", "/imageslogo.svg"),
            new ViewerRequest("GET", "/no-such-page"),
            new ViewerRequest("DELETE", "/ssr"),
        };

        var routed = model.Route(requests);

        routed.Should().AllSatisfy(r =>
        {
            r.Origin.Should().Be("lambda-url");
            r.PathPattern.Should().Be("(default)");
            r.MethodAllowed.Should().BeTrue();
            r.QueryStringsReachOrigin.Should().BeTrue();
            r.CookiesReachOrigin.Should().BeTrue();
            r.DefaultTtl.Should().Be(0, "a server response without Cache-Control must not be cached");
            r.OriginHeaders.Should().ContainKey("x-forwarded-host").WhoseValue.Should().Be(ViewerRequest.Host);
            r.OriginHeaders.Should().NotContainKey("host", "a function URL rejects a foreign Host");
        });
        routed[2].OriginHeaders.Should().Contain("origin", "https://www.example.com");
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Api_routes_reach_the_function_uncached_with_cors(string mode)
    {
        var model = Model(mode, out _);
        var routed = model.Route(
            new ViewerRequest("GET", "/api/hello", Query: new Dictionary<string, string> { ["x"] = "1" }, Headers: new Dictionary<string, string> { ["authorization"] = "Bearer t" }),
            new ViewerRequest("POST", "/api/hello", Cookies: new Dictionary<string, string> { ["session"] = "s" }),
            new ViewerRequest("OPTIONS", "/api/hello"),
            new ViewerRequest("PUT", "/api/42"));

        routed.Should().AllSatisfy(r =>
        {
            r.PathPattern.Should().Be("/api/*");
            r.Origin.Should().Be("lambda-url");
            r.MethodAllowed.Should().BeTrue();
            r.QueryStringsReachOrigin.Should().BeTrue();
            r.CookiesReachOrigin.Should().BeTrue();
            r.DefaultTtl.Should().Be(0);
            r.ResponseHeadersPolicy.Should().Be(ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT_AND_SECURITY_HEADERS.ResponseHeadersPolicyId);
            r.OriginHeaders.Should().ContainKey("x-forwarded-host").WhoseValue.Should().Be(ViewerRequest.Host);
        });
        routed[0].OriginHeaders.Should().Contain("authorization", "Bearer t");
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void A_client_sent_forwarded_host_is_overwritten(string mode)
    {
        var routed = Model(mode, out _).Route(new ViewerRequest("POST", "/form", Headers: new Dictionary<string, string> { ["X-Forwarded-Host"] = "evil.example" }));

        routed.OriginHeaders["x-forwarded-host"].Should().Be(ViewerRequest.Host);
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void No_origin_group_and_no_error_pages_in_server_mode(string mode)
    {
        var (stack, _) = SiteStacks.ForFixture(mode);
        var config = TemplateQueries.DistributionConfig(SiteStacks.Json(stack));

        config.ContainsKey("OriginGroups").Should().BeFalse();
        config.ContainsKey("CustomErrorResponses").Should().BeFalse("the server renders 404s and APIs keep their JSON errors");
        config.ContainsKey("DefaultRootObject").Should().BeFalse();
        config["HttpVersion"]!.GetValue<string>().Should().Be("http2and3");
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Behaviors_carry_the_documented_policies(string mode)
    {
        var (stack, _) = SiteStacks.ForFixture(mode);
        var template = SiteStacks.Template(stack);
        var all = new[] { "GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE" };

        template.HasResourceProperties("AWS::CloudFront::Distribution", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DistributionConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["DefaultCacheBehavior"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["AllowedMethods"] = all,
                    ["OriginRequestPolicyId"] = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.OriginRequestPolicyId,
                    ["ResponseHeadersPolicyId"] = ResponseHeadersPolicy.SECURITY_HEADERS.ResponseHeadersPolicyId,
                    ["ViewerProtocolPolicy"] = "redirect-to-https",
                    ["FunctionAssociations"] = new[] { Match.ObjectLike(new Dictionary<string, object> { ["EventType"] = "viewer-request" }) },
                }),
                ["CacheBehaviors"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["PathPattern"] = "/_astro/*",
                        ["AllowedMethods"] = new[] { "GET", "HEAD" },
                        ["CachePolicyId"] = CachePolicy.CACHING_OPTIMIZED.CachePolicyId,
                        ["ResponseHeadersPolicyId"] = ResponseHeadersPolicy.SECURITY_HEADERS.ResponseHeadersPolicyId,
                    }),
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["PathPattern"] = "/api/*",
                        ["AllowedMethods"] = all,
                        ["CachePolicyId"] = CachePolicy.CACHING_DISABLED.CachePolicyId,
                        ["OriginRequestPolicyId"] = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.OriginRequestPolicyId,
                        ["ResponseHeadersPolicyId"] = ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT_AND_SECURITY_HEADERS.ResponseHeadersPolicyId,
                        ["ViewerProtocolPolicy"] = "redirect-to-https",
                    }),
                },
            }),
        }));
        template.HasResourceProperties("AWS::CloudFront::CachePolicy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["CachePolicyConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["DefaultTTL"] = 0,
                ["MinTTL"] = 0,
                ["MaxTTL"] = 31536000,
                ["ParametersInCacheKeyAndForwardedToOrigin"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["QueryStringsConfig"] = new Dictionary<string, object> { ["QueryStringBehavior"] = "all" },
                    ["CookiesConfig"] = new Dictionary<string, object> { ["CookieBehavior"] = "none" },
                }),
            }),
        }));
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Server_function_has_the_documented_defaults(string mode)
    {
        var (stack, _) = SiteStacks.ForFixture(mode);
        var template = SiteStacks.Template(stack);

        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Handler"] = "entry.handler",
            ["Runtime"] = "nodejs24.x",
            ["Architectures"] = new[] { "arm64" },
            ["MemorySize"] = 1024,
            ["Timeout"] = 25,
            ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["LogGroup"] = Match.AnyValue() }),
        }));
        template.HasResourceProperties("AWS::Logs::LogGroup", Match.ObjectLike(new Dictionary<string, object> { ["RetentionInDays"] = 30 }));
        template.HasResourceProperties("AWS::Lambda::Url", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AuthType"] = "NONE",
            ["InvokeMode"] = mode == "ssr" ? "BUFFERED" : "RESPONSE_STREAM",
        }));
        var origin = TemplateQueries.DistributionConfig(SiteStacks.Json(stack))["Origins"]!.AsArray().Single(o => o!["CustomOriginConfig"] is not null)!;
        origin["CustomOriginConfig"]!["OriginReadTimeout"]!.GetValue<int>().Should().BeGreaterThan(25, "the function must time out before CloudFront gives up");
    }

    [Fact]
    public void A_log_group_of_the_callers_replaces_ours()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr", build: s => new AstroAwsProps
        {
            OutDir = TestPaths.Fixture("ssr"),
            Cdk = new AstroAwsCdkProps { LambdaFunction = new AstroAwsFunctionOptions { LogGroup = new Amazon.CDK.AWS.Logs.LogGroup(s, "MyLogs") } },
        });

        site.ServerLogGroup.Should().BeNull();
        var logGroups = SiteStacks.Json(stack)["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::Logs::LogGroup").Select(r => r.Key);
        logGroups.Should().ContainSingle().Which.Should().StartWith("MyLogs");
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Hashed_files_are_immutable_and_kept_other_files_revalidated_and_invalidated(string mode)
    {
        var (stack, _) = SiteStacks.ForFixture(mode);
        var json = SiteStacks.Json(stack);
        var assets = TemplateQueries.Deployment(json, "SiteAssetsDeployment");
        var files = TemplateQueries.Deployment(json, "SiteFilesDeployment");
        var assetsProps = assets["Properties"]!;
        var filesProps = files["Properties"]!;

        assetsProps["SystemMetadata"]!["cache-control"]!.GetValue<string>().Should().Be("public,max-age=31536000,immutable");
        assetsProps["Prune"]!.GetValue<bool>().Should().BeFalse();
        Strings(assetsProps["Include"]).Should().Equal("_astro/*");
        Strings(assetsProps["Exclude"]).Should().Equal("*");
        assetsProps["DistributionId"].Should().BeNull("hashed files never change under a name, so nothing to invalidate");

        filesProps["SystemMetadata"]!["cache-control"]!.GetValue<string>().Should().Be("public,max-age=0,s-maxage=86400,stale-while-revalidate=86400");
        filesProps["Prune"]?.GetValue<bool>().Should().NotBe(false);
        Strings(filesProps["Exclude"]).Should().Equal("_astro/*");
        Strings(filesProps["DistributionPaths"]).Should().Equal("/*");
        filesProps["DistributionId"].Should().NotBeNull();
        Strings(files["DependsOn"]).Should().Contain(d => d.StartsWith("SiteAssetsDeployment", StringComparison.Ordinal), "HTML must not arrive before the assets it references");
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Outputs_name_the_site_url_distribution_and_bucket(string mode)
    {
        var (stack, _) = SiteStacks.ForFixture(mode);
        var outputs = SiteStacks.Json(stack)["Outputs"]!.AsObject();

        outputs.Select(o => o.Key).Should().Contain(k => k.StartsWith("SiteSiteUrl", StringComparison.Ordinal))
            .And.Contain(k => k.StartsWith("SiteDistributionId", StringComparison.Ordinal))
            .And.Contain(k => k.StartsWith("SiteBucketName", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Bucket_is_private_encrypted_and_ssl_only(string mode)
    {
        var (stack, _) = SiteStacks.ForFixture(mode);
        var template = SiteStacks.Template(stack);

        template.HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
            ["OwnershipControls"] = Match.AnyValue(),
            ["BucketEncryption"] = Match.AnyValue(),
        }));
        template.HasResourceProperties("AWS::S3::BucketPolicy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Effect"] = "Deny",
                    ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                })]),
            }),
        }));
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Template_matches_snapshot(string mode)
    {
        var (stack, _) = SiteStacks.ForFixture(mode);
        Snapshot.Match($"site-{mode}", SiteStacks.Json(stack));
    }

    private static CloudFrontModel Model(string mode, out AstroBuild build)
    {
        var (stack, site) = SiteStacks.ForFixture(mode);
        build = site.Build;
        return SiteStacks.Model(stack);
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node?.AsArray().Select(n => n!.GetValue<string>()) ?? [];
}
