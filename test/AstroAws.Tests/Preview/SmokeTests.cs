using System.Text.Json.Nodes;
using Astro.Aws.Preview.Smoke;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// astroaws smoke against the preview of the real sample site: every request class meets its expectation; the preview's
/// self-signed certificate is refused unless --insecure is given; a stack broken on purpose (its /api/* behavior
/// without the CORS response headers policy) makes the run fail on exactly the /api classes.
/// </summary>
public sealed class SmokeTests(SamplePreviewFixture fixture) : IClassFixture<SamplePreviewFixture>, IDisposable
{
    private readonly ScratchFolder scratch = new("preview-smoke");

    private static async Task<(int Exit, string Output, string Error)> Smoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await SmokeCommand.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static Dictionary<string, JsonObject> Checks(string json) =>
        JsonNode.Parse(json)!["checks"]!.AsArray().Select(c => c!.AsObject()).ToDictionary(c => (string)c["class"]!);

    [Fact]
    public async Task Every_request_class_of_the_sample_site_meets_its_expectation()
    {
        var (exit, output, error) = await Smoke($"https://localhost:{fixture.Server.Port}/", "--json", "--insecure");

        error.Should().BeEmpty();
        var checks = Checks(output);
        checks.Keys.Should().BeEquivalentTo("static file", "prerendered page", "server page with query", "form POST", "action POST",
            "api GET with query", "api POST JSON", "hashed asset", "unknown page", "image");
        checks.Values.Where(c => (bool?)c["ok"] != true).Select(c => c.ToJsonString()).Should().BeEmpty();
        exit.Should().Be(0);
        ((int?)checks["unknown page"]["status"]).Should().Be(404);
        ((string?)checks["hashed asset"]["headers"]!["cache-control"]).Should().Contain("immutable");
        ((string?)checks["api GET with query"]["headers"]!["access-control-allow-origin"]).Should().NotBeNullOrEmpty();
        ((string?)checks["image"]["headers"]!["content-type"]).Should().StartWith("image/");
    }

    [Fact]
    public async Task The_previews_self_signed_certificate_is_refused_unless_insecure_is_given()
    {
        var (exit, output, error) = await Smoke($"https://localhost:{fixture.Server.Port}/");

        exit.Should().Be(1);
        output.Should().Contain("FAIL").And.Contain("request failed");
        error.Should().Contain("--insecure");
    }

    [Fact]
    public async Task A_stack_whose_api_behavior_lost_its_cors_policy_fails_on_the_api_classes()
    {
        var broken = PlantedAssembly.Copy(fixture.Assembly, "AstroSiteStack", scratch.Combine("cdk.out"), config =>
        {
            var api = config["CacheBehaviors"]!.AsArray().Single(b => (string?)b!["PathPattern"] == "/api/*")!.AsObject();
            api.Remove("ResponseHeadersPolicyId").Should().BeTrue();
        });
        await using var server = await PreviewServer.Start(broken, "AstroSiteStack", scratch.Combine("trace.jsonl"));

        var (exit, output, _) = await Smoke($"https://localhost:{server.Port}/", "--json", "--insecure");

        exit.Should().Be(1);
        var failed = Checks(output).Values.Where(c => (bool?)c["ok"] != true).ToList();
        failed.Select(c => (string?)c["class"]).Should().BeEquivalentTo("api GET with query", "api POST JSON");
        failed.Select(c => (string?)c["problem"]).Should().AllSatisfy(p => p.Should().Contain("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Bad_arguments_exit_2_with_the_usage()
    {
        var (exit, _, error) = await Smoke("--json");

        exit.Should().Be(2);
        error.Should().Contain(SmokeCommand.Usage);
    }

    public void Dispose() => scratch.Dispose();
}
