using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using static Astro.Aws.Tests.Preview.RawHeaders;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// Lambda@Edge in astroaws preview, on the sample's own stacks: edge mode (the adapter's handler on origin-request and
/// origin-response of the S3 origin) and the hardened stack (the body signer before an OAC-protected function URL).
/// </summary>
public sealed class EdgePreviewTests(SamplePreviewFixture fixture) : IClassFixture<SamplePreviewFixture>, IDisposable
{
    private readonly ScratchFolder scratch = new("preview-edge");

    [Fact]
    public async Task Edge_mode_serves_a_prerendered_page_from_s3_and_renders_an_on_demand_page_at_the_edge()
    {
        await using var server = await PreviewServer.Start(fixture.Assembly, "EdgeSiteStack", Trace("edge.jsonl"));

        using var about = await server.Client.GetAsync("about");
        about.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(about, "x-preview-origin").Should().Be("s3");
        (await about.Content.ReadAsStringAsync()).Should().Contain("<html");

        using var ssr = await server.Client.GetAsync("ssr?name=edge-preview");
        ssr.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(ssr, "x-preview-origin").Should().Be("edge");
        (await ssr.Content.ReadAsStringAsync()).Should().Contain("data-name=\"edge-preview\"");

        await server.Stop();
        var lines = File.ReadAllLines(server.TraceFile).Select(l => JsonNode.Parse(l)!).ToList();
        var ssrLine = lines.Single(l => ((string)l["path"]!).StartsWith("/ssr", StringComparison.Ordinal));
        ssrLine["origins"]!.AsArray().Select(o => (string?)o!["note"]).Should().Equal("origin-request: answered");
        var aboutLine = lines.Single(l => (string?)l["path"] == "/about");
        aboutLine["origins"]!.AsArray().Select(o => (string?)o!["origin"]).Should().Equal("edge", "s3", "edge");
    }

    [Fact]
    public async Task The_hardened_stacks_signer_lets_a_same_origin_form_post_through_origin_access_control()
    {
        await using var server = await PreviewServer.Start(fixture.Assembly, "HardenedSiteStack", Trace("hardened.jsonl"));

        using var response = await server.Client.SendAsync(FormPost(server));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-preview-origin").Should().Be("lambda");
        (await response.Content.ReadAsStringAsync()).Should().Contain("data-posted=\"hello edge\"");
    }

    [Fact]
    public async Task Without_the_signer_the_same_form_post_is_refused_by_lambda()
    {
        var assembly = PlantedAssembly.Copy(fixture.Assembly, "HardenedSiteStack", scratch.Combine("unsigned"), config =>
        {
            config["DefaultCacheBehavior"]!.AsObject().Remove("LambdaFunctionAssociations");
            foreach (var behavior in config["CacheBehaviors"]!.AsArray())
            {
                behavior!.AsObject().Remove("LambdaFunctionAssociations");
            }
        });
        await using var server = await PreviewServer.Start(assembly, "HardenedSiteStack", Trace("unsigned.jsonl"));

        using var response = await server.Client.SendAsync(FormPost(server));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Header(response, "x-preview-origin").Should().Be("lambda");
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"Message\":\"Forbidden\"}");
    }

    private string Trace(string name)
    {
        var folder = scratch.Combine("traces");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static HttpRequestMessage FormPost(PreviewServer server)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "form")
        {
            Content = new StringContent("message=hello+edge", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Origin", $"https://localhost:{server.Port}");
        return request;
    }

    public void Dispose() => scratch.Dispose();
}
