using Astro.Aws.Rules;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Rules;

/// <summary>Every sample stack, in a region of its own and in us-east-1 (where edge mode keeps Lambda@Edge in the site's stack), keeps every AWS rule.</summary>
public sealed class SampleStacksRulesTests : IDisposable
{
    private readonly ScratchFolder scratch = new("astroaws-rules");

    public void Dispose() => scratch.Dispose();

    [Theory]
    [InlineData("eu-west-1")]
    [InlineData("us-east-1")]
    public void Every_sample_stack_keeps_every_aws_rule(string region)
    {
        var assembly = SampleApp.Synth(scratch.Combine(region), region);

        var violations = AwsRules.CheckAssembly(assembly);

        Directory.EnumerateFiles(assembly, "*.template.json").Should().HaveCountGreaterThanOrEqualTo(SampleApp.StackTypes().Count);
        violations.Should().BeEmpty(string.Join("\n", violations));
    }

    [Fact]
    public void Verify_names_each_violation_with_its_rule_and_source()
    {
        var dir = scratch.Combine("planted");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "manifest.json"), """{"version":"38.0.1","artifacts":{"Planted":{"type":"aws:cloudformation:stack","environment":"aws://123456789012/eu-west-1","properties":{"templateFile":"Planted.template.json"}}}}""");
        var template = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rules", "Planted", "cloudfront.caching-disabled-empty-key.json")))!["broken"]!;
        File.WriteAllText(Path.Combine(dir, "Planted.template.json"), template.ToJsonString());

        var act = () => AwsRules.Verify(dir);

        act.Should().Throw<AwsRulesException>()
            .Which.Message.Should().Contain("cloudfront/caching-disabled-empty-key: Planted/P:").And.Contain("https://github.com/aws/aws-cdk/issues/16977");
    }
}
