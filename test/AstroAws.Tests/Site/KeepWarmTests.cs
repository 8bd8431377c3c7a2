using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Constructs;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// <see cref="AstroAwsProps.Warm"/>: a warmer invoked every 5 minutes (EventBridge's minimum is 1, rule
/// events/schedule-rate) and once after deploy, allowed to invoke the server function only, and the server's handler
/// moved to the warm-up entry in front of the adapter's. The warmer's and the entry's code run in test/handler/warmer.test.mjs.
/// </summary>
public sealed class KeepWarmTests
{
    private static readonly string KeepWarmSource = Path.Combine(TestPaths.RepoRoot, "src", "AstroAws", "Site", "KeepWarm");

    public static TheoryData<string, string> ServerModes => new() { { "ssr", "astro-aws-warm.handler" }, { "ssr-stream", "astro-aws-warm.streamingHandler" } };

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void The_server_handler_becomes_the_warm_up_entry_staged_beside_the_adapters_bundle(string mode, string handler)
    {
        var (stack, site) = Warm(mode, 3);
        var json = SiteStacks.Json(stack);

        var server = Resource(json, site.ServerFunction!);
        ((string)server["Handler"]!).Should().Be(handler);
        var staged = StagedAsset(stack, (string)server["Code"]!["S3Key"]!);
        File.ReadAllText(Path.Combine(staged, "astro-aws-warm.mjs")).Should().Be(File.ReadAllText(Path.Combine(KeepWarmSource, "astro-aws-warm.mjs")), "the entry deployed is the file the Node tests run");
        File.ReadAllText(Path.Combine(staged, "entry.mjs")).Should().Be(File.ReadAllText(Path.Combine(TestPaths.Fixture(mode), "lambda", "entry.mjs")), "the adapter's bundle is staged unchanged beside it");
        File.Exists(Path.Combine(TestPaths.Fixture(mode), "lambda", "astro-aws-warm.mjs")).Should().BeFalse("the build folder is not written to");
    }

    [Fact]
    public void Without_warm_the_server_keeps_the_adapters_handler_and_no_warmer_exists()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr");
        var template = SiteStacks.Template(stack);

        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new J { ["Handler"] = "entry.handler" }));
        template.ResourceCountIs("AWS::Events::Rule", 0);
        template.ResourceCountIs("Custom::AWS", 0);
        site.Warmer.Should().BeNull();
        site.WarmerSchedule.Should().BeNull();
        site.WarmUp.Should().BeNull();
        site.WarmerLogGroup.Should().BeNull();
    }

    [Fact]
    public void Warm_zero_is_off()
    {
        var (stack, site) = Warm("ssr", 0);

        SiteStacks.Template(stack).ResourceCountIs("AWS::Events::Rule", 0);
        site.Warmer.Should().BeNull();
        ((string)Resource(SiteStacks.Json(stack), site.ServerFunction!)["Handler"]!).Should().Be("entry.handler");
    }

    [Fact]
    public void A_rule_runs_the_warmer_every_five_minutes_without_retries()
    {
        var (stack, site) = Warm("ssr", 3);
        var json = SiteStacks.Json(stack);
        var warmerId = LogicalId(stack, site.Warmer!);

        var rule = Resource(json, site.WarmerSchedule!);
        ((string)rule["ScheduleExpression"]!).Should().Be("rate(5 minutes)");
        ((string)rule["State"]!).Should().Be("ENABLED");
        var target = rule["Targets"]!.AsArray().Single()!;
        ((string)target["Arn"]!["Fn::GetAtt"]![0]!).Should().Be(warmerId);
        ((int)target["RetryPolicy"]!["MaximumRetryAttempts"]!).Should().Be(0);
        SiteStacks.Template(stack).HasResourceProperties("AWS::Lambda::Permission", Match.ObjectLike(new J
        {
            ["Action"] = "lambda:InvokeFunction",
            ["Principal"] = "events.amazonaws.com",
            ["FunctionName"] = new J { ["Fn::GetAtt"] = new[] { warmerId, "Arn" } },
            ["SourceArn"] = new J { ["Fn::GetAtt"] = new[] { LogicalId(stack, site.WarmerSchedule!), "Arn" } },
        }));
    }

    [Fact]
    public void The_warmer_runs_the_shipped_code_with_the_count_and_the_server_functions_name()
    {
        var (stack, site) = Warm("ssr-stream", 4);
        var warmer = Resource(SiteStacks.Json(stack), site.Warmer!);

        ((string)warmer["Code"]!["ZipFile"]!).Should().Be(File.ReadAllText(Path.Combine(KeepWarmSource, "warmer.js")));
        ((string)warmer["Runtime"]!).Should().Be("nodejs24.x");
        ((string)warmer["Handler"]!).Should().Be("index.handler");
        var environment = warmer["Environment"]!["Variables"]!;
        ((string)environment["CONCURRENCY"]!).Should().Be("4");
        ((string)environment["FUNCTION_NAME"]!["Ref"]!).Should().Be(LogicalId(stack, site.ServerFunction!));
        ((string)warmer["LoggingConfig"]!["LogGroup"]!["Ref"]!).Should().Be(LogicalId(stack, site.WarmerLogGroup!));
    }

    [Fact]
    public void The_warmer_may_invoke_the_server_function_and_nothing_else()
    {
        var (stack, site) = Warm("ssr", 2);
        var json = SiteStacks.Json(stack);
        var warmerRole = (string)Resource(json, site.Warmer!)["Role"]!["Fn::GetAtt"]![0]!;

        var statements = TemplateQueries.OfType(json, "AWS::IAM::Policy")
            .Where(p => p.Value!["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == warmerRole))
            .SelectMany(p => p.Value!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .ToList();
        statements.Should().ContainSingle("the warmer's role has one statement of its own");
        var statement = statements[0]!;
        ((string)statement["Action"]!).Should().Be("lambda:InvokeFunction");
        ((string)statement["Effect"]!).Should().Be("Allow");
        statement["Resource"]!.ToJsonString().Should().Be(new JsonObject { ["Fn::GetAtt"] = new JsonArray(LogicalId(stack, site.ServerFunction!), "Arn") }.ToJsonString(), "the server function's ARN alone, no versions, no wildcard");
    }

    [Fact]
    public void After_deploy_a_custom_resource_invokes_the_warmer_without_waiting_and_again_for_each_new_server_build()
    {
        var (stack, site) = Warm("ssr", 2);
        var json = SiteStacks.Json(stack);
        var warmerId = LogicalId(stack, site.Warmer!);
        var serverId = LogicalId(stack, site.ServerFunction!);

        var resource = json["Resources"]![LogicalId(stack, (CfnElement)site.WarmUp!.Node.FindChild("Resource").Node.DefaultChild!)]!;
        var parts = resource["Properties"]!["Create"]!["Fn::Join"]![1]!.AsArray();
        var create = JsonNode.Parse(string.Concat(parts.Select(part => part is JsonValue text ? (string)text! : "TOKEN")))!;
        ((string)create["service"]!).Should().Be("Lambda");
        ((string)create["action"]!).Should().Be("invoke");
        ((string)create["parameters"]!["InvocationType"]!).Should().Be("Event", "the deploy does not wait for the warm-up");
        parts.Where(p => p is not JsonValue).Select(p => p!.ToJsonString()).Should().ContainSingle(t => t.Contains(warmerId, StringComparison.Ordinal), "it invokes the warmer");
        var serverKey = (string)Resource(json, site.ServerFunction!)["Code"]!["S3Key"]!;
        string.Concat(parts.Select(p => p is JsonValue text ? (string)text! : string.Empty)).Should().Contain(serverKey, "a new server build changes the resource, so CloudFormation runs it again");
        resource["Properties"]!["Update"].Should().NotBeNull();
        (resource["DependsOn"] as JsonArray ?? []).Select(d => (string)d!).Should().Contain(d => d.StartsWith(serverId, StringComparison.Ordinal), "the warm-up runs after the server function is deployed");

        var handler = TemplateQueries.OfType(json, "AWS::Lambda::Function").Single(f => f.Key.StartsWith("AWS679f53fac002430cb0da5b7982bd2287", StringComparison.Ordinal));
        ((string)handler.Value!["Properties"]!["Runtime"]!).Should().Be("nodejs24.x", "the custom resource's handler is moved off nodejs20.x (rule lambda/deprecated-runtime)");
        SiteStacks.Template(stack).HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(new J
        {
            ["PolicyDocument"] = Match.ObjectLike(new J
            {
                ["Statement"] = new[] { Match.ObjectLike(new J { ["Action"] = "lambda:InvokeFunction", ["Resource"] = new J { ["Fn::GetAtt"] = new[] { warmerId, "Arn" } } }) },
            }),
        }));
    }

    [Fact]
    public void The_templates_keep_the_aws_rules()
    {
        var (stack, _) = Warm("ssr", 2);

        // SiteStacks runs every template rule on what it synthesizes.
        SiteStacks.Template(stack).ResourceCountIs("AWS::Events::Rule", 1);
    }

    [Theory]
    [InlineData("edge", "edge mode", "ssr or ssr-stream")]
    [InlineData("static", "static build", "ssr or ssr-stream")]
    public void Modes_without_a_regional_server_function_refuse_it(string mode, string why, string fix)
    {
        Refusal.Expect(() => Warm(mode, 2), "AstroAwsProps.Warm", "received 2", why, fix).ParamName.Should().Be("AstroAwsProps.Warm");
    }

    [Theory]
    [InlineData(-1, "received -1", "Use 1 or more")]
    [InlineData(1001, "received 1001", "at most 1000")]
    public void Counts_lambda_cannot_keep_are_refused(int warm, string received, string fix)
    {
        Refusal.Expect(() => Warm("ssr", warm), "AstroAwsProps.Warm", received, fix).ParamName.Should().Be("AstroAwsProps.Warm");
    }

    [Fact]
    public void More_than_the_reserved_concurrency_is_refused()
    {
        Refusal.Expect(
            () => SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = p.OutDir, Warm = 5, Cdk = new AstroAwsCdkProps { LambdaFunction = new AstroAwsFunctionOptions { ReservedConcurrentExecutions = 3 } } }),
            "AstroAwsProps.Warm", "received 5", "ReservedConcurrentExecutions is 3", "3 or less");
    }

    private static (Stack Stack, AstroAws Site) Warm(string mode, int warm) => SiteStacks.ForFixture(mode, p => new AstroAwsProps { OutDir = p.OutDir, Warm = warm });

    private static string LogicalId(Stack stack, IConstruct construct) =>
        stack.GetLogicalId((CfnElement)(construct as CfnElement ?? construct.Node.DefaultChild!));

    private static JsonNode Resource(JsonObject template, IConstruct construct) =>
        template["Resources"]![LogicalId(Stack.Of(construct), construct)]!["Properties"]!;

    /// <summary>The folder CDK staged for the asset uploaded as <paramref name="objectKey"/>, from the stack's asset manifest.</summary>
    private static string StagedAsset(Stack stack, string objectKey)
    {
        var assembly = ((App)stack.Node.Root).Synth();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(assembly.Directory, $"{stack.ArtifactId}.assets.json")))!;
        var file = manifest["files"]!.AsObject().Single(f => f.Value!["destinations"]!.AsObject().Any(d => (string?)d.Value!["objectKey"] == objectKey)).Value!;
        return Path.Combine(assembly.Directory, (string)file["source"]!["path"]!);
    }
}
