using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using static Astro.Aws.Tests.Preview.RawHeaders;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// Lambda@Edge limits in the preview (docs/aws-rules.md row cloudfront/lambda-edge-limits), on copies of the sample's
/// edge stack whose edge function (origin-request and origin-response of every behavior) is a small inline handler
/// that breaks one limit per path, beside paths that stay within them.
/// </summary>
public sealed class EdgeLimitsPreviewTests(SamplePreviewFixture fixture) : IClassFixture<SamplePreviewFixture>, IDisposable
{
    private const string Handler = """
        exports.handler = async (event) => {
          const cf = event.Records[0].cf;
          const uri = cf.request.uri;
          if (cf.config.eventType === 'origin-response') {
            const response = cf.response;
            if (uri === '/disallowed') response.headers['x-cache'] = [{ key: 'X-Cache', value: 'planted' }];
            else response.headers['x-planted-response'] = [{ key: 'X-Planted-Response', value: 'yes' }];
            return response;
          }
          if (uri === '/big' || uri === '/small') {
            const size = uri === '/big' ? 1024 * 1024 : 1024 * 1024 - 4096;
            return { status: '200', headers: { 'content-type': [{ key: 'Content-Type', value: 'text/plain' }] }, body: 'x'.repeat(size) };
          }
          if (uri === '/read-only') cf.request.headers['via'] = [{ key: 'Via', value: '1.1 planted' }];
          else cf.request.headers['x-planted'] = [{ key: 'X-Planted', value: 'yes' }];
          if (uri === '/slow') await new Promise((r) => setTimeout(r, 60000));
          return cf.request;
        };
        """;

    private readonly ScratchFolder scratch = new("preview-edge-limits");

    [Fact]
    public async Task A_generated_response_over_1_mb_with_its_headers_answers_502_and_one_under_passes()
    {
        await using var server = await Planted("size", timeout: 3);

        using var big = await server.Client.GetAsync("big");
        using var small = await server.Client.GetAsync("small");

        big.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        Header(big, "x-preview-origin").Should().Be("cloudfront");
        (await EdgeNote(server, "/big")).Should().Contain("Lambda validation error").And.Contain("1 MB");
        small.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(small, "x-preview-origin").Should().Be("edge");
        (await small.Content.ReadAsByteArrayAsync()).Length.Should().Be((1024 * 1024) - 4096);
    }

    [Fact]
    public async Task Changing_a_read_only_header_in_origin_request_answers_502_and_adding_another_header_passes()
    {
        await using var server = await Planted("read-only", timeout: 3);

        using var readOnly = await server.Client.GetAsync("read-only");
        using var allowed = await server.Client.GetAsync("robots.txt");

        readOnly.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        (await EdgeNote(server, "/read-only")).Should().Contain("read-only header via");
        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(allowed, "x-planted-response").Should().Be("yes");
    }

    [Fact]
    public async Task Adding_a_disallowed_header_in_origin_response_answers_502()
    {
        await using var server = await Planted("disallowed", timeout: 3);

        using var response = await server.Client.GetAsync("disallowed");

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        Header(response, "x-preview-origin").Should().Be("cloudfront");
        (await EdgeNote(server, "/disallowed")).Should().Contain("disallowed header x-cache");
    }

    [Fact]
    public async Task An_edge_function_that_runs_past_its_timeout_answers_503_at_the_timeout()
    {
        await using var server = await Planted("timeout", timeout: 1);

        var clock = Stopwatch.StartNew();
        using var response = await server.Client.GetAsync("slow");
        clock.Stop();

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        Header(response, "x-preview-origin").Should().Be("cloudfront");
        // Generous on purpose (no test may fail on a slow machine): the handler would answer only after 60 s.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "Lambda ends the function at its Timeout of 1 s, long before the handler's 60 s");
        (await EdgeNote(server, "/slow")).Should().Contain("Timeout of 1 s");
    }

    [Fact]
    public async Task An_origin_event_function_with_a_timeout_over_30_seconds_is_refused_at_start()
    {
        var start = async () => await Planted("too-long", timeout: 31);

        (await start.Should().ThrowAsync<PreviewException>()).Which.Message.Should().Contain("at most 30 s");
    }

    // The edge stack with its edge function replaced by the inline handler and its Timeout set.
    private async Task<PreviewServer> Planted(string name, int timeout)
    {
        var assembly = PlantedAssembly.CopyTemplate(fixture.Assembly, "EdgeSiteStack", scratch.Combine(name), template =>
        {
            var resources = template["Resources"]!.AsObject();
            var config = resources.Single(r => (string?)r.Value!["Type"] == "AWS::CloudFront::Distribution").Value!["Properties"]!["DistributionConfig"]!;
            var version = (string)config["DefaultCacheBehavior"]!["LambdaFunctionAssociations"]![0]!["LambdaFunctionARN"]!["Ref"]!;
            var function = resources[(string)resources[version]!["Properties"]!["FunctionName"]!["Ref"]!]!["Properties"]!.AsObject();
            function["Code"] = new JsonObject { ["ZipFile"] = Handler };
            function["Handler"] = "index.handler";
            function["Timeout"] = timeout;
        });
        var traces = scratch.Combine("traces");
        Directory.CreateDirectory(traces);
        return await PreviewServer.Start(assembly, "EdgeSiteStack", Path.Combine(traces, name + ".jsonl"));
    }

    // The note of the failing edge run in the traced request of the path.
    private static async Task<string> EdgeNote(PreviewServer server, string path)
    {
        bool Done(string line) => (string?)JsonNode.Parse(line)!["path"] == path;
        var line = (await server.TraceLines(lines => lines.Any(Done))).Single(Done);
        return string.Join(" | ", JsonNode.Parse(line)!["origins"]!.AsArray().Where(o => (string?)o!["origin"] == "edge").Select(o => (string?)o!["note"]));
    }

    public void Dispose() => scratch.Dispose();
}
