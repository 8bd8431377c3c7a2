using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Experimental;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// <see cref="FunctionUrlProtection.OriginAccessControlWithEdgeSigning"/>: the Origin Access Control of
/// OriginAccessControl, plus a Lambda@Edge origin-request function with the body on every behavior that reaches the
/// function URL, because Lambda refuses a signed POST or PUT without the body's SHA-256 (rule lambda/oac-request-body).
/// The function's code is tested on real bodies in test/handler/url-signer.test.mjs.
/// </summary>
public class EdgeSigningTests
{
    private static readonly string SignerSource = Path.Combine(TestPaths.RepoRoot, "src", "AstroAws", "Site", "EdgeSigning", "url-signer.js");

    public static TheoryData<string> ServerModes => ["ssr", "ssr-stream"];

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void The_server_behaviors_run_the_signer_on_origin_requests_with_the_body(string mode)
    {
        var (stack, site) = Signed(mode);
        var json = SiteStacks.Json(stack);

        foreach (var behavior in new[] { TemplateQueries.DefaultBehavior(json), TemplateQueries.Behavior(json, "/api/*") })
        {
            var associations = behavior["LambdaFunctionAssociations"]!.AsArray();
            associations.Should().ContainSingle();
            associations[0]!["EventType"]!.GetValue<string>().Should().Be("origin-request");
            associations[0]!["IncludeBody"]!.GetValue<bool>().Should().BeTrue("the signer must read the body to hash it");
        }

        TemplateQueries.Behavior(json, "/_astro/*").ContainsKey("LambdaFunctionAssociations").Should().BeFalse("files in S3 need no signature of a body");
        SiteStacks.Template(stack).HasResourceProperties("AWS::Lambda::Url", Match.ObjectLike(new J { ["AuthType"] = "AWS_IAM" }));
        site.ServerOriginAccessControl.Should().NotBeNull();
        site.UrlSigner.Should().NotBeNull();
    }

    [Fact]
    public void The_signer_is_lambda_at_edge_in_us_east_1_on_x86_with_the_shipped_code()
    {
        var (_, site) = Signed("ssr");
        var signerStack = Stack.Of(site.UrlSigner!.Lambda);

        signerStack.Region.Should().Be("us-east-1", "Lambda@Edge functions live in us-east-1");
        var function = SiteStacks.Template(signerStack).FindResources("AWS::Lambda::Function", Match.ObjectLike(new J { ["Properties"] = Match.ObjectLike(new J { ["Handler"] = "index.handler" }) })).Values.Single();
        var properties = (IDictionary<string, object>)((IDictionary<string, object>)function)["Properties"];
        ((IDictionary<string, object>)properties["Code"])["ZipFile"].Should().Be(File.ReadAllText(SignerSource), "the deployed code is the file test/handler tests");
        properties["Runtime"].Should().Be("nodejs22.x");
        properties["Architectures"].Should().BeEquivalentTo(new[] { "x86_64" }, "Lambda@Edge runs only x86_64");
        properties.Should().NotContainKey("Environment", "Lambda@Edge has no environment variables");
    }

    [Fact]
    public void Form_posts_and_actions_reach_the_server_through_the_signer()
    {
        var (stack, _) = Signed("ssr");
        var model = SiteStacks.Model(stack);

        foreach (var routed in model.Route(ViewerRequest.Post("/form"), ViewerRequest.Post("/_actions/greet"), ViewerRequest.Post("/api/hello")))
        {
            routed.ReachesServer.Should().BeTrue();
            routed.MethodAllowed.Should().BeTrue();
            routed.EdgeFunctionEvents.Should().Equal("origin-request");
        }

        // CloudFront runs a behavior's origin-request function on every request it sends an origin, so the signer also
        // sees a prerendered page the request function switched to the bucket: it has no body, and the page is a file.
        var page = model.Get("/about");
        page.ReachesBucket.Should().BeTrue();
        page.EdgeFunctionEvents.Should().Equal("origin-request");
    }

    [Fact]
    public void It_reports_the_limit_and_cost_instead_of_the_broken_bodies_warning()
    {
        var (stack, _) = Signed("ssr");

        var annotations = Amazon.CDK.Assertions.Annotations.FromStack(stack);
        annotations.HasNoWarning("*", Match.StringLikeRegexp("x-amz-content-sha256"));
        annotations.HasInfo("/TestStack/Site", Match.StringLikeRegexp("OriginAccessControlWithEdgeSigning.*Bodies over 1 MB are answered with 413.*billed, on every server request"));
    }

    [Fact]
    public void The_templates_keep_the_aws_rules()
    {
        var (stack, _) = Signed("ssr");

        RulesCheck.PassesAssembly(((Stage)stack.Node.Root).Synth().Directory);
    }

    [Fact]
    public void An_environment_agnostic_stack_is_refused()
    {
        var stack = new Stack(new App(), "Agnostic");

        Refusal.Expect(
            () => new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), FunctionUrlProtection = FunctionUrlProtection.OriginAccessControlWithEdgeSigning }),
            "AstroAwsProps.FunctionUrlProtection",
            "OriginAccessControlWithEdgeSigning",
            "no explicit region",
            "Env = new Amazon.CDK.Environment");
    }

    [Fact]
    public void A_callers_origin_request_handler_on_a_server_behavior_is_refused()
    {
        var stack = SiteStacks.NewStack();
        var theirs = new EdgeFunction(stack, "Theirs", new EdgeFunctionProps
        {
            Code = Code.FromInline("exports.handler = async (e) => e.Records[0].cf.request;"),
            Handler = "index.handler",
            Runtime = Runtime.NODEJS_20_X,
        });

        Refusal.Expect(
            () => new AstroAws(stack, "Site", new AstroAwsProps
            {
                OutDir = TestPaths.Fixture("ssr"),
                FunctionUrlProtection = FunctionUrlProtection.OriginAccessControlWithEdgeSigning,
                Cdk = new AstroAwsCdkProps
                {
                    CloudfrontDistribution = new AstroAwsDistributionProps
                    {
                        ApiBehavior = new AddBehaviorOptions { EdgeLambdas = [new EdgeLambda { EventType = LambdaEdgeEventType.ORIGIN_REQUEST, FunctionVersion = theirs.CurrentVersion }] },
                    },
                },
            }),
            "AstroAwsCdkProps.CloudfrontDistribution.ApiBehavior.EdgeLambdas",
            "ORIGIN_REQUEST",
            "body signer");
    }

    [Theory]
    [InlineData("edge")]
    [InlineData("static")]
    public void Builds_without_a_function_url_refuse_it(string mode)
    {
        Refusal.Expect(
            () => SiteStacks.ForFixture(mode, p => new AstroAwsProps { OutDir = p.OutDir, FunctionUrlProtection = FunctionUrlProtection.OriginAccessControlWithEdgeSigning }),
            "AstroAwsProps.FunctionUrlProtection",
            "OriginAccessControlWithEdgeSigning");
    }

    internal static (Stack Stack, AstroAws Site) Signed(string mode) =>
        SiteStacks.ForFixture(mode, p => new AstroAwsProps { OutDir = p.OutDir, FunctionUrlProtection = FunctionUrlProtection.OriginAccessControlWithEdgeSigning });
}
