using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Constructs;
using Xunit;
using CloudFrontFunction = Amazon.CDK.AWS.CloudFront.Function;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// Every refusal at synth time: the message names the prop, shows what was received and says what to do. None may
/// surface as an error from inside jsii.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly ScratchFolder scratch = new("astroaws-bad-input");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Neither_website_dir_nor_out_dir() =>
        Refused(new AstroAwsProps(), "neither WebsiteDir nor OutDir", "Set WebsiteDir");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_website_dir(string value) =>
        Refused(new AstroAwsProps { WebsiteDir = value }, "AstroAwsProps.WebsiteDir", "empty path");

    [Fact]
    public void Empty_out_dir() =>
        Refused(new AstroAwsProps { OutDir = "" }, "AstroAwsProps.OutDir", "empty path");

    [Fact]
    public void Missing_dist_folder()
    {
        Directory.CreateDirectory(scratch.Path);
        Refused(new AstroAwsProps { WebsiteDir = scratch.Path }, "AstroAwsProps.WebsiteDir", scratch.Combine("dist"), "npm run build");
    }

    [Fact]
    public void Website_dir_that_does_not_exist()
    {
        var missing = scratch.Combine("no-such-project");
        Refused(new AstroAwsProps { WebsiteDir = missing }, "AstroAwsProps.WebsiteDir", $"the folder '{missing}' does not exist", "where `cdk synth` runs", "astro.config.mjs");
    }

    [Fact]
    public void Website_dir_that_is_a_build()
    {
        var dist = scratch.CopyFixture("ssr");
        Refused(new AstroAwsProps { WebsiteDir = dist }, "AstroAwsProps.WebsiteDir", "looks like an Astro build itself", "metadata.json", $"Set OutDir = \"{dist}\" instead");
    }

    [Fact]
    public void Missing_client_folder()
    {
        var dist = scratch.CopyFixture("ssr");
        Directory.Delete(Path.Combine(dist, "client"), recursive: true);
        Refused(new AstroAwsProps { OutDir = dist }, "AstroAwsProps.OutDir", "no client/ folder", "npm run build");
    }

    [Fact]
    public void Missing_lambda_folder()
    {
        var dist = scratch.CopyFixture("ssr");
        Directory.Delete(Path.Combine(dist, "lambda"), recursive: true);
        Refused(new AstroAwsProps { OutDir = dist }, "AstroAwsProps.OutDir", "no lambda/ folder", "npm run build");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"args\":{\"mode\":\"ssr\"}}")]
    [InlineData("[{\"args\":\"7\"}]")]
    [InlineData("[]")]
    public void Unreadable_metadata(string content)
    {
        var dist = scratch.CopyFixture("ssr");
        File.WriteAllText(Path.Combine(dist, "metadata.json"), content);
        Refused(new AstroAwsProps { OutDir = dist }, "AstroAwsProps.OutDir", "metadata.json", "npm run build");
    }

    [Fact]
    public void Unknown_mode()
    {
        var dist = scratch.CopyFixture("ssr");
        var metadata = Path.Combine(dist, "metadata.json");
        File.WriteAllText(metadata, File.ReadAllText(metadata).Replace("\"ssr\"", "\"serverless\"", StringComparison.Ordinal));
        Refused(new AstroAwsProps { OutDir = dist }, "AstroAwsProps.OutDir", "mode 'serverless'", "ssr-stream");
    }

    [Fact]
    public void Server_build_from_another_adapter()
    {
        var dist = scratch.Combine("dist");
        Directory.CreateDirectory(Path.Combine(dist, "client"));
        Directory.CreateDirectory(Path.Combine(dist, "server"));
        Refused(new AstroAwsProps { OutDir = dist }, "AstroAwsProps.OutDir", "another adapter", "@astro-aws/adapter");
    }

    [Fact]
    public void Api_behavior_on_a_static_build() =>
        Refused(Props("static", new AstroAwsCdkProps { CloudfrontDistribution = new AstroAwsDistributionProps { ApiBehavior = new AddBehaviorOptions { Compress = false } } }),
            "CloudfrontDistribution.ApiBehavior", "static", "Remove ApiBehavior");

    [Fact]
    public void Lambda_overrides_on_a_static_build() =>
        Refused(Props("static", new AstroAwsCdkProps { LambdaFunction = new AstroAwsFunctionOptions { MemorySize = 2048 } }),
            "AstroAwsCdkProps.LambdaFunction", "static build has no server");

    [Fact]
    public void Function_url_overrides_in_edge_mode() =>
        Refused(Props("edge", new AstroAwsCdkProps { LambdaFunctionUrl = new FunctionUrlOptions { AuthType = FunctionUrlAuthType.AWS_IAM } }),
            "AstroAwsCdkProps.LambdaFunctionUrl", "no function URL");

    [Fact]
    public void Environment_variables_in_edge_mode() =>
        Refused(Props("edge", new AstroAwsCdkProps { LambdaFunction = new AstroAwsFunctionOptions { Environment = new Dictionary<string, string> { ["API_KEY"] = "x" } } }),
            "LambdaFunction.Environment", "API_KEY", "no environment variables", "ssr mode");

    [Fact]
    public void Arm64_in_edge_mode() =>
        Refused(Props("edge", new AstroAwsCdkProps { LambdaFunction = new AstroAwsFunctionOptions { Architecture = Architecture.ARM_64 } }),
            "LambdaFunction.Architecture", "arm64", "x86_64");

    [Fact]
    public void Edge_mode_without_a_stack_region()
    {
        var stack = new Stack(new App(new AppProps { Outdir = scratch.Combine("out") }), "NoRegion");
        var act = () => new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture("edge") });
        act.Should().Throw<ArgumentException>().WithMessage("*edge mode*no explicit region*Region = ...*");
    }

    [Fact]
    public void Edge_timeout_over_thirty_seconds() =>
        Refused(Props("edge", new AstroAwsCdkProps { LambdaFunction = new AstroAwsFunctionOptions { Timeout = Duration.Seconds(45) } }),
            "LambdaFunction.Timeout", "45 s", "Lambda@Edge");

    [Theory]
    [InlineData(100)]
    [InlineData(20000)]
    [InlineData(1024.5)]
    public void Memory_out_of_range(double memory) =>
        Refused(Props("ssr", new AstroAwsCdkProps { LambdaFunction = new AstroAwsFunctionOptions { MemorySize = memory } }),
            "LambdaFunction.MemorySize", memory.ToString(System.Globalization.CultureInfo.InvariantCulture), "128 to 10240");

    [Theory]
    [InlineData(30)]
    [InlineData(960)]
    public void Timeout_not_below_the_origin_read_timeout(int seconds) =>
        Refused(Props("ssr", new AstroAwsCdkProps { LambdaFunction = new AstroAwsFunctionOptions { Timeout = Duration.Seconds(seconds) } }),
            "LambdaFunction.Timeout", $"{seconds} s", "below 30 s", "ReadTimeout");

    [Fact]
    public void A_longer_origin_read_timeout_admits_a_longer_function_timeout()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr", build: _ => Props("ssr", new AstroAwsCdkProps
        {
            LambdaFunction = new AstroAwsFunctionOptions { Timeout = Duration.Seconds(50) },
            LambdaFunctionOrigin = new Amazon.CDK.AWS.CloudFront.Origins.FunctionUrlOriginProps { ReadTimeout = Duration.Seconds(60) },
        }));

        SiteStacks.Template(stack).HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object> { ["Timeout"] = 50, ["Handler"] = "entry.handler" }.ToObjectLike());
    }

    [Fact]
    public void Override_domain_names_without_a_certificate() =>
        Refused(Props("ssr", new AstroAwsCdkProps { CloudfrontDistribution = new AstroAwsDistributionProps { DomainNames = ["www.example.com"] } }),
            "CloudfrontDistribution.DomainNames", "www.example.com", "without a certificate", "AstroAwsProps.Certificate");

    [Fact]
    public void Sub_second_timeout() =>
        Refused(Props("ssr", new AstroAwsCdkProps { LambdaFunction = new AstroAwsFunctionOptions { Timeout = Duration.Millis(500) } }),
            "LambdaFunction.Timeout", "0.5 s", "at least 1 s");

    [Fact]
    public void Negative_reserved_concurrency() =>
        Refused(Props("ssr", new AstroAwsCdkProps { LambdaFunction = new AstroAwsFunctionOptions { ReservedConcurrentExecutions = -1 } }),
            "LambdaFunction.ReservedConcurrentExecutions", "-1", "0 or more");

    [Fact]
    public void Viewer_request_function_on_the_default_behavior_is_refused_not_dropped() =>
        RefusedWithScope("ssr", scope => new AstroAwsCdkProps
        {
            CloudfrontDistribution = new AstroAwsDistributionProps
            {
                DefaultBehavior = new AddBehaviorOptions
                {
                    FunctionAssociations = [new FunctionAssociation { EventType = FunctionEventType.VIEWER_REQUEST, Function = UserFunction(scope) }],
                },
            },
        }, "DefaultBehavior.FunctionAssociations", "VIEWER_REQUEST", "VIEWER_RESPONSE");

    [Fact]
    public void Viewer_request_function_on_the_api_behavior_is_refused_not_dropped() =>
        RefusedWithScope("ssr", scope => new AstroAwsCdkProps
        {
            CloudfrontDistribution = new AstroAwsDistributionProps
            {
                ApiBehavior = new AddBehaviorOptions
                {
                    FunctionAssociations = [new FunctionAssociation { EventType = FunctionEventType.VIEWER_REQUEST, Function = UserFunction(scope) }],
                },
            },
        }, "ApiBehavior.FunctionAssociations", "VIEWER_REQUEST");

    [Fact]
    public void Origin_request_edge_lambda_in_edge_mode_is_refused_not_dropped() =>
        RefusedWithScope("edge", scope => new AstroAwsCdkProps
        {
            CloudfrontDistribution = new AstroAwsDistributionProps
            {
                DefaultBehavior = new AddBehaviorOptions
                {
                    EdgeLambdas =
                    [
                        new EdgeLambda
                        {
                            EventType = LambdaEdgeEventType.ORIGIN_REQUEST,
                            FunctionVersion = Version_.FromVersionArn(scope, "V", "arn:aws:lambda:us-east-1:123456789012:function:f:1"),
                        },
                    ],
                },
            },
        }, "DefaultBehavior.EdgeLambdas", "ORIGIN_REQUEST", "Astro edge handler");

    [Fact]
    public void Two_viewer_response_handlers_of_the_callers_own_are_refused() =>
        RefusedWithScope("ssr", scope => new AstroAwsCdkProps
        {
            CloudfrontDistribution = new AstroAwsDistributionProps
            {
                DefaultBehavior = new AddBehaviorOptions
                {
                    FunctionAssociations = [new FunctionAssociation { EventType = FunctionEventType.VIEWER_RESPONSE, Function = UserFunction(scope) }],
                    EdgeLambdas =
                    [
                        new EdgeLambda
                        {
                            EventType = LambdaEdgeEventType.VIEWER_RESPONSE,
                            FunctionVersion = Version_.FromVersionArn(scope, "V", "arn:aws:lambda:us-east-1:123456789012:function:f:1"),
                        },
                    ],
                },
            },
        }, "DefaultBehavior.EdgeLambdas", "VIEWER_RESPONSE", "your earlier VIEWER_RESPONSE handler");

    [Fact]
    public void Additional_behavior_on_the_api_path() =>
        RefusedWithScope("ssr", scope => new AstroAwsCdkProps
        {
            CloudfrontDistribution = new AstroAwsDistributionProps
            {
                AdditionalBehaviors = new Dictionary<string, IBehaviorOptions> { ["/api/*"] = new BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("example.com") } },
            },
        }, "AdditionalBehaviors[\"/api/*\"]", "ApiBehavior");

    [Fact]
    public void Additional_behavior_with_an_empty_pattern() =>
        RefusedWithScope("ssr", scope => new AstroAwsCdkProps
        {
            CloudfrontDistribution = new AstroAwsDistributionProps
            {
                AdditionalBehaviors = new Dictionary<string, IBehaviorOptions> { [" "] = new BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("example.com") } },
            },
        }, "AdditionalBehaviors", "empty path pattern");

    [Fact]
    public void Route_table_forced_into_the_function_code_of_a_large_site()
    {
        var dist = scratch.CopyFixture("ssr");
        for (var i = 0; i < 600; i++)
        {
            File.WriteAllText(Path.Combine(dist, "client", $"public-file-number-{i:D4}.txt"), "x");
        }

        Refused(new AstroAwsProps { OutDir = dist, RoutePlacement = RoutePlacement.FunctionCode }, "AstroAwsProps.RoutePlacement", "604 files outside _astro/", "10240-byte limit", "Automatic");
    }

    private static CloudFrontFunction UserFunction(Construct scope) => new(scope, "UserFunction", new Amazon.CDK.AWS.CloudFront.FunctionProps
    {
        Code = FunctionCode.FromInline("function handler(event) { return event.request; }"),
    });

    private static AstroAwsProps Props(string mode, AstroAwsCdkProps cdk) => new() { OutDir = TestPaths.Fixture(mode), Cdk = cdk };

    private static void Refused(AstroAwsProps props, params string[] fragments)
    {
        var stack = SiteStacks.NewStack();
        var act = () => new AstroAws(stack, "Site", props);
        Refusal.Expect(act, fragments);
    }

    private static void RefusedWithScope(string mode, Func<Stack, AstroAwsCdkProps> cdk, params string[] fragments)
    {
        var stack = SiteStacks.NewStack();
        var act = () => new AstroAws(stack, "Site", Props(mode, cdk(stack)));
        Refusal.Expect(act, fragments);
    }
}
