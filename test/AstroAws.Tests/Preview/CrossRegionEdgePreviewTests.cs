using System.Net;
using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using static Astro.Aws.Tests.Preview.RawHeaders;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// An edge-mode site in eu-west-1: CDK's EdgeFunction puts the Lambda@Edge function in a us-east-1 support stack and
/// the site's distribution reads its version ARN through an SSM cross-region reader. The preview must follow that
/// reference into the support stack and run the function from the support stack's own staged asset.
/// </summary>
public sealed class CrossRegionEdgePreviewTests : IDisposable
{
    private const string Stack = "EdgeSiteStack";
    private readonly ScratchFolder scratch = new("preview-cross-region");
    private readonly string assembly;

    public CrossRegionEdgePreviewTests() => assembly = SampleApp.Synth(scratch.Combine("cdk.out"), "eu-west-1");

    [Fact]
    public async Task An_edge_site_outside_us_east_1_runs_its_function_from_the_us_east_1_support_stack()
    {
        // The path under test exists only if the template really refers across regions; a same-stack Ref would pass anyway.
        var site = JsonNode.Parse(File.ReadAllText(Path.Combine(assembly, Stack + ".template.json")))!;
        var associations = EdgeAssociations(site).ToList();
        associations.Should().NotBeEmpty();
        foreach (var arn in associations)
        {
            var readerId = (string?)arn["Fn::GetAtt"]?[0];
            readerId.Should().NotBeNull($"{arn.ToJsonString()} should be CDK's cross-region reference");
            ((string?)site["Resources"]![readerId!]!["Type"]).Should().Be("Custom::CrossRegionStringParameterReader");
        }

        var artifacts = Manifest(assembly)["artifacts"]!;
        var supportStack = artifacts[Stack]!["dependencies"]!.AsArray().Select(d => (string)d!).Single(d => d.StartsWith("edge-lambda-stack-", StringComparison.Ordinal));
        artifacts[supportStack]!["environment"]!.GetValue<string>().Should().EndWith("/us-east-1");

        await using var server = await PreviewServer.Start(assembly, Stack, scratch.Combine("trace.jsonl"));
        using var ssr = await server.Client.GetAsync("ssr?name=cross-region");

        ssr.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(ssr, "x-preview-origin").Should().Be("edge");
        (await ssr.Content.ReadAsStringAsync()).Should().Contain("data-name=\"cross-region\"");
    }

    [Fact]
    public async Task Without_the_support_stack_the_preview_refuses_to_start_and_names_the_parameter()
    {
        var broken = scratch.Combine("no-support-stack");
        Directory.CreateDirectory(broken);
        foreach (var entry in Directory.EnumerateFileSystemEntries(assembly))
        {
            var to = Path.Combine(broken, Path.GetFileName(entry));
            if (Directory.Exists(entry))
            {
                Directory.CreateSymbolicLink(to, entry);
            }
            else
            {
                File.Copy(entry, to);
            }
        }

        var manifest = Manifest(broken);
        var artifacts = manifest["artifacts"]!.AsObject();
        foreach (var name in artifacts.Select(a => a.Key).Where(k => k.StartsWith("edge-lambda-stack-", StringComparison.Ordinal)).ToList())
        {
            artifacts.Remove(name);
        }

        File.WriteAllText(Path.Combine(broken, "manifest.json"), manifest.ToJsonString());

        var start = () => PreviewServer.Start(broken, Stack, scratch.Combine("broken.jsonl"));

        (await start.Should().ThrowAsync<PreviewException>())
            .WithMessage("*no stack of the assembly writes the SSM parameter*EdgeFunction support stack is missing*");
    }

    private static IEnumerable<JsonNode> EdgeAssociations(JsonNode template)
    {
        var config = template["Resources"]!.AsObject().Single(r => (string?)r.Value!["Type"] == "AWS::CloudFront::Distribution").Value!["Properties"]!["DistributionConfig"]!;
        var behaviors = new[] { config["DefaultCacheBehavior"]! }.Concat(config["CacheBehaviors"]?.AsArray().Select(b => b!) ?? []);
        return behaviors.SelectMany(b => b["LambdaFunctionAssociations"]?.AsArray().Select(a => a!["LambdaFunctionARN"]!) ?? []);
    }

    private static JsonNode Manifest(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;

    public void Dispose() => scratch.Dispose();
}
