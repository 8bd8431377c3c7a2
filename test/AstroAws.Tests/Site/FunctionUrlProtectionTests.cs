using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// <see cref="AstroAwsProps.FunctionUrlProtection"/>: the public URL by default; with OriginAccessControl an OAC of type
/// lambda on the function URL origin, auth AWS_IAM and the two CloudFront permissions AWS requires.
/// </summary>
public class FunctionUrlProtectionTests
{
    public static TheoryData<string> ServerModes => ["ssr", "ssr-stream"];

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void By_default_the_url_is_public_and_no_oac_is_made(string mode)
    {
        var (stack, site) = SiteStacks.ForFixture(mode);
        var template = SiteStacks.Template(stack);

        site.ServerOriginAccessControl.Should().BeNull();
        template.HasResourceProperties("AWS::Lambda::Url", new J { ["AuthType"] = "NONE" });
        template.ResourceCountIs("AWS::CloudFront::OriginAccessControl", 1); // the S3 origin's only
        template.HasResourceProperties("AWS::Lambda::Permission", new J { ["Action"] = "lambda:InvokeFunctionUrl", ["Principal"] = "*", ["FunctionUrlAuthType"] = "NONE" });
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void A_public_url_may_also_invoke_the_function_but_only_through_the_url(string mode)
    {
        // Lambda since October 2025: a URL with auth NONE needs lambda:InvokeFunction with InvokedViaFunctionUrl as well,
        // or it answers 403 before the function runs (docs/aws-rules.md, lambda/url-invoke-function).
        var (stack, site) = SiteStacks.ForFixture(mode);
        var json = SiteStacks.Json(stack);
        var function = new J { ["Fn::GetAtt"] = new object[] { LogicalId(json, site.ServerFunction!), "Arn" } };

        SiteStacks.Template(stack).HasResourceProperties("AWS::Lambda::Permission", new J
        {
            ["Action"] = "lambda:InvokeFunction",
            ["FunctionName"] = function,
            ["Principal"] = "*",
            ["InvokedViaFunctionUrl"] = true,
        });
        SiteStacks.Template(stack).ResourcePropertiesCountIs("AWS::Lambda::Permission", Match.ObjectLike(new J { ["Principal"] = "*" }), 2);
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Oac_makes_the_url_iam_only(string mode)
    {
        var (stack, _) = Protected(mode);
        var template = SiteStacks.Template(stack);

        template.HasResourceProperties("AWS::Lambda::Url", Match.ObjectLike(new J
        {
            ["AuthType"] = "AWS_IAM",
            ["InvokeMode"] = mode == "ssr" ? "BUFFERED" : "RESPONSE_STREAM",
        }));
        template.ResourcePropertiesCountIs("AWS::Lambda::Permission", Match.ObjectLike(new J { ["Principal"] = "*" }), 0);
    }

    [Fact]
    public void Oac_is_of_type_lambda_always_signing_with_sigv4_and_a_unique_name()
    {
        var (stack, site) = Protected("ssr");
        var template = SiteStacks.Template(stack);

        site.ServerOriginAccessControl.Should().NotBeNull();
        template.HasResourceProperties("AWS::CloudFront::OriginAccessControl", new J
        {
            ["OriginAccessControlConfig"] = new J
            {
                ["Name"] = Match.StringLikeRegexp("^TestStackSite.*-ServerUrl-eu-west-1$"),
                ["Description"] = Match.AnyValue(),
                ["OriginAccessControlOriginType"] = "lambda",
                ["SigningBehavior"] = "always",
                ["SigningProtocol"] = "sigv4",
            },
        });
        var names = TemplateQueries.OfType(SiteStacks.Json(stack), "AWS::CloudFront::OriginAccessControl")
            .Select(r => (string)r.Value!["Properties"]!["OriginAccessControlConfig"]!["Name"]!).ToList();
        names.Should().HaveCount(2).And.OnlyHaveUniqueItems("the S3 and the function URL OACs need names of their own");
        names.Should().AllSatisfy(n => n.Length.Should().BeLessThanOrEqualTo(64));
        names.Should().AllSatisfy(n => n.Should().EndWith("-eu-west-1", "OAC names are unique per account, so the same stack in two regions needs two names"));
    }

    [Fact]
    public void Oac_names_of_a_region_agnostic_stack_take_the_region_at_deploy_time()
    {
        var stack = new Amazon.CDK.Stack(new Amazon.CDK.App(new Amazon.CDK.AppProps { Outdir = Path.Combine(Path.GetTempPath(), "astroaws-tests", Guid.NewGuid().ToString("N")) }), "Agnostic");
        _ = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), FunctionUrlProtection = FunctionUrlProtection.OriginAccessControl });
        var names = TemplateQueries.OfType(SiteStacks.Json(stack), "AWS::CloudFront::OriginAccessControl")
            .Select(r => r.Value!["Properties"]!["OriginAccessControlConfig"]!["Name"]!.ToJsonString()).ToList();

        names.Should().HaveCount(2).And.AllSatisfy(n => n.Should().Contain("{\"Ref\":\"AWS::Region\"}"));
    }

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void Oac_id_lands_on_the_function_url_origin_and_not_on_s3(string mode)
    {
        var (stack, site) = Protected(mode);
        var json = SiteStacks.Json(stack);
        var origins = TemplateQueries.DistributionConfig(json)["Origins"]!.AsArray().Select(o => o!.AsObject()).ToList();
        var oacId = LogicalId(json, site.ServerOriginAccessControl!);

        var server = origins.Single(o => o["CustomOriginConfig"] is not null);
        server["OriginAccessControlId"]!.ToJsonString().Should().Be($"{{\"Fn::GetAtt\":[\"{oacId}\",\"Id\"]}}");
        server["DomainName"]!.ToJsonString().Should().Contain("FunctionUrl");
        var s3 = origins.Single(o => o["S3OriginConfig"] is not null);
        s3["OriginAccessControlId"]!.ToJsonString().Should().NotContain(oacId);
    }

    [Fact]
    public void Oac_is_attached_to_the_url_origin_only_among_other_origins_and_reused_behaviors()
    {
        // Origins of the caller's own behaviors stay unsigned; a behavior added after construction that reuses ServerOrigin shares the patched origin.
        var (stack, site) = SiteStacks.ForFixture("ssr", p => new AstroAwsProps
        {
            OutDir = p.OutDir,
            FunctionUrlProtection = FunctionUrlProtection.OriginAccessControl,
            Cdk = new AstroAwsCdkProps
            {
                CloudfrontDistribution = new AstroAwsDistributionProps
                {
                    AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>
                    {
                        ["/images/*"] = new BehaviorOptions { Origin = new HttpOrigin("images.example.com") },
                        ["/legacy/*"] = new BehaviorOptions { Origin = new HttpOrigin("legacy.example.com") },
                    },
                },
            },
        });
        // With the site's request function, which carries the viewer's Authorization past the OAC (rule cloudfront/oac-overwrites-authorization).
        site.Distribution.AddBehavior("/late/*", site.ServerOrigin!, new AddBehaviorOptions
        {
            AllowedMethods = AllowedMethods.ALLOW_ALL,
            OriginRequestPolicy = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            FunctionAssociations = [new FunctionAssociation { EventType = FunctionEventType.VIEWER_REQUEST, Function = site.RequestFunction }],
        });
        var json = SiteStacks.Json(stack);
        var oacId = LogicalId(json, site.ServerOriginAccessControl!);

        var origins = TemplateQueries.DistributionConfig(json)["Origins"]!.AsArray().Select(o => o!.AsObject()).ToList();
        var urlIndex = origins.FindIndex(o => o["DomainName"]!.ToJsonString().Contains("FunctionUrl", StringComparison.Ordinal));
        urlIndex.Should().BeGreaterThanOrEqualTo(0);
        origins.Where(o => o["OriginAccessControlId"]?.ToJsonString().Contains(oacId, StringComparison.Ordinal) == true).Should().ContainSingle()
            .Which.Should().BeSameAs(origins[urlIndex]);
        origins.Where(o => o["DomainName"]!.ToJsonString().Contains("example.com", StringComparison.Ordinal))
            .Should().HaveCount(2).And.AllSatisfy(o => o.ContainsKey("OriginAccessControlId").Should().BeFalse());
    }

    [Fact]
    public void Cloudfront_may_invoke_the_url_with_iam_auth_from_this_distribution_only()
    {
        var (stack, site) = Protected("ssr");
        var template = SiteStacks.Template(stack);
        var json = SiteStacks.Json(stack);

        template.HasResourceProperties("AWS::Lambda::Permission", new J
        {
            ["Action"] = "lambda:InvokeFunctionUrl",
            ["FunctionName"] = new J { ["Fn::GetAtt"] = new object[] { LogicalId(json, site.ServerFunction!), "Arn" } },
            ["Principal"] = "cloudfront.amazonaws.com",
            ["FunctionUrlAuthType"] = "AWS_IAM",
            ["SourceArn"] = DistributionArn(json),
        });
    }

    [Fact]
    public void Cloudfront_may_invoke_the_function_only_through_its_url()
    {
        var (stack, site) = Protected("ssr");
        var template = SiteStacks.Template(stack);
        var json = SiteStacks.Json(stack);

        template.HasResourceProperties("AWS::Lambda::Permission", new J
        {
            ["Action"] = "lambda:InvokeFunction",
            ["FunctionName"] = new J { ["Fn::GetAtt"] = new object[] { LogicalId(json, site.ServerFunction!), "Arn" } },
            ["Principal"] = "cloudfront.amazonaws.com",
            ["SourceArn"] = DistributionArn(json),
            ["InvokedViaFunctionUrl"] = true,
        });
        template.ResourcePropertiesCountIs("AWS::Lambda::Permission", Match.ObjectLike(new J { ["Principal"] = "cloudfront.amazonaws.com" }), 2);
    }

    [Fact]
    public void Routing_is_unchanged_under_oac()
    {
        var (stack, _) = Protected("ssr");
        var model = SiteStacks.Model(stack);

        var routed = model.Route(new ViewerRequest("GET", "/ssr"), new ViewerRequest("POST", "/api/hello"), new ViewerRequest("GET", "/about"));

        routed[0].Origin.Should().Be("lambda-url");
        routed[1].Origin.Should().Be("lambda-url");
        routed[2].Origin.Should().Be("s3");
    }

    [Fact]
    public void A_bearer_token_reaches_the_server_under_oac_in_x_forwarded_authorization()
    {
        // CloudFront's signature replaces the viewer's Authorization on every request to an always-signing OAC origin, so
        // the request function carries the viewer's value in x-forwarded-authorization.
        var (stack, _) = Protected("ssr");
        var model = SiteStacks.Model(stack);

        var routed = model.Route(
            new ViewerRequest("GET", "/api/hello", Headers: new Dictionary<string, string> { ["authorization"] = "Bearer abc" }),
            new ViewerRequest("POST", "/ssr", Headers: new Dictionary<string, string> { ["authorization"] = "Bearer abc" }),
            new ViewerRequest("GET", "/api/hello", Headers: new Dictionary<string, string> { ["x-forwarded-authorization"] = "Bearer forged" }));

        routed[0].OriginHeaders["authorization"].Should().Be(CloudFrontModel.CloudFrontSignature);
        routed[0].OriginHeaders["x-forwarded-authorization"].Should().Be("Bearer abc");
        routed[1].OriginHeaders["x-forwarded-authorization"].Should().Be("Bearer abc");
        routed[2].OriginHeaders.Should().NotContainKey("x-forwarded-authorization", "only the viewer's own Authorization is carried; a value sent in the header itself is dropped");
    }

    [Fact]
    public void Without_oac_the_viewers_authorization_reaches_the_server_as_it_is()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr");
        var routed = SiteStacks.Model(stack).Route(new ViewerRequest("GET", "/api/hello", Headers: new Dictionary<string, string> { ["authorization"] = "Bearer abc" }));

        routed.OriginHeaders["authorization"].Should().Be("Bearer abc");
        routed.OriginHeaders.Should().NotContainKey("x-forwarded-authorization");
    }

    [Fact]
    public void A_matching_auth_type_is_accepted()
    {
        var (stack, _) = Protected("ssr", new AstroAwsCdkProps { LambdaFunctionUrl = new FunctionUrlOptions { AuthType = FunctionUrlAuthType.AWS_IAM } });
        SiteStacks.Template(stack).HasResourceProperties("AWS::Lambda::Url", new J { ["AuthType"] = "AWS_IAM", ["InvokeMode"] = "BUFFERED", ["TargetFunctionArn"] = Match.AnyValue() });
    }

    [Fact]
    public void Auth_type_none_under_oac_is_refused() =>
        Refused(
            new AstroAwsProps
            {
                OutDir = TestPaths.Fixture("ssr"),
                FunctionUrlProtection = FunctionUrlProtection.OriginAccessControl,
                Cdk = new AstroAwsCdkProps { LambdaFunctionUrl = new FunctionUrlOptions { AuthType = FunctionUrlAuthType.NONE } },
            },
            "AstroAwsCdkProps.LambdaFunctionUrl.AuthType", "received NONE", "FunctionUrlProtection is OriginAccessControl", "Remove AuthType");

    [Fact]
    public void Auth_type_iam_without_oac_is_refused() =>
        Refused(
            new AstroAwsProps
            {
                OutDir = TestPaths.Fixture("ssr"),
                Cdk = new AstroAwsCdkProps { LambdaFunctionUrl = new FunctionUrlOptions { AuthType = FunctionUrlAuthType.AWS_IAM } },
            },
            "AstroAwsCdkProps.LambdaFunctionUrl.AuthType", "received AWS_IAM", "FunctionUrlProtection is None", "FunctionUrlProtection.OriginAccessControl");

    [Theory]
    [InlineData("edge", "Lambda@Edge")]
    [InlineData("static", "static build has no server")]
    public void Oac_without_a_function_url_is_refused(string mode, string why) =>
        Refused(
            new AstroAwsProps { OutDir = TestPaths.Fixture(mode), FunctionUrlProtection = FunctionUrlProtection.OriginAccessControl },
            "AstroAwsProps.FunctionUrlProtection", "received OriginAccessControl", why, "no function URL to protect", "Leave FunctionUrlProtection at None");

    [Fact]
    public void Origin_access_control_id_on_the_function_origin_points_at_the_protection() =>
        Refused(
            new AstroAwsProps
            {
                OutDir = TestPaths.Fixture("ssr"),
                Cdk = new AstroAwsCdkProps { LambdaFunctionOrigin = new FunctionUrlOriginProps { OriginAccessControlId = "E2OAC" } },
            },
            "AstroAwsCdkProps.LambdaFunctionOrigin.OriginAccessControlId", "'E2OAC'", "FunctionUrlProtection = FunctionUrlProtection.OriginAccessControl");

    internal static (Amazon.CDK.Stack Stack, AstroAws Site) Protected(string mode, AstroAwsCdkProps? cdk = null) =>
        SiteStacks.ForFixture(mode, p => new AstroAwsProps { OutDir = p.OutDir, FunctionUrlProtection = FunctionUrlProtection.OriginAccessControl, Cdk = cdk });

    private static J DistributionArn(JsonObject json)
    {
        var distribution = TemplateQueries.OfType(json, "AWS::CloudFront::Distribution").Single().Key;
        return new J
        {
            ["Fn::Join"] = new object[]
            {
                "",
                new object[] { "arn:", new J { ["Ref"] = "AWS::Partition" }, ":cloudfront::123456789012:distribution/", new J { ["Ref"] = distribution } },
            },
        };
    }

    private static string LogicalId(JsonObject json, Constructs.IConstruct construct)
    {
        var element = construct as Amazon.CDK.CfnElement ?? (Amazon.CDK.CfnElement)construct.Node.DefaultChild!;
        return (string)Amazon.CDK.Stack.Of(element).Resolve(element.LogicalId);
    }

    private static void Refused(AstroAwsProps props, params string[] fragments)
    {
        var stack = SiteStacks.NewStack();
        var act = () => new AstroAws(stack, "Site", props);
        Refusal.Expect(act, fragments);
    }
}
