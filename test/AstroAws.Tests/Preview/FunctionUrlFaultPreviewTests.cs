using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using static Astro.Aws.Tests.Preview.RawHeaders;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// A function URL origin that cannot answer (docs/aws-rules.md rows lambda/function-url-errors and
/// cloudfront/origin-timeout), on copies of the sample's site stack whose server function is a small inline handler
/// that misbehaves on <c>?fault=</c>, with short Timeouts, and a slow fault that would take 60 s, so that a timeout shows without a tight clock.
/// </summary>
public sealed class FunctionUrlFaultPreviewTests(SamplePreviewFixture fixture) : IClassFixture<SamplePreviewFixture>, IDisposable
{
    private const string Handler = """
        exports.handler = async (event) => {
          const fault = (event.queryStringParameters || {}).fault;
          if (fault === 'throws') throw new Error('planted failure');
          if (fault === 'slow') { await new Promise((r) => setTimeout(r, 60000)); return { statusCode: 200, body: 'late' }; }
          if (fault === 'object-body') return { statusCode: 200, body: { not: 'a string' } };
          if (fault === 'too-big') return { statusCode: 200, body: 'x'.repeat(6291556) };
          if (fault === 'fits') return { statusCode: 200, body: 'x'.repeat(6 * 1024 * 1024 - 1024) };
          return { statusCode: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
        };
        """;

    private readonly ScratchFolder scratch = new("preview-url-faults");

    [Fact]
    public async Task A_function_that_throws_answers_502_from_the_function_url()
    {
        await using var server = await Planted("throws", timeout: 3, readTimeout: 30);

        using var response = await server.Client.GetAsync("ssr?fault=throws");

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        Header(response, "x-preview-origin").Should().Be("lambda");
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"Message\":\"Internal Server Error\"}");
        (await Fetch(server, "fault=throws"))["note"]!.ToString().Should().Contain("function error");
    }

    [Fact]
    public async Task A_function_that_runs_past_its_timeout_answers_502_at_the_timeout_and_the_next_request_gets_a_fresh_environment()
    {
        await using var server = await Planted("timeout", timeout: 1, readTimeout: 30);

        var clock = Stopwatch.StartNew();
        using var slow = await server.Client.GetAsync("ssr?fault=slow");
        clock.Stop();
        using var next = await server.Client.GetAsync("ssr?fault=none");

        slow.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        Header(slow, "x-preview-origin").Should().Be("lambda");
        // Generous on purpose (the guide: no test may fail on a slow machine): the handler would answer only after 60 s.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "Lambda ends the invocation at the function's Timeout of 1 s, long before the handler's 60 s");
        (await Fetch(server, "fault=slow"))["note"]!.ToString().Should().Contain("timed out");
        next.StatusCode.Should().Be(HttpStatusCode.OK);
        (await next.Content.ReadAsStringAsync()).Should().Be("ok");
    }

    [Fact]
    public async Task An_origin_read_timeout_shorter_than_the_function_timeout_answers_504_from_cloudfront()
    {
        await using var server = await Planted("read-timeout", timeout: 50, readTimeout: 1);

        var clock = Stopwatch.StartNew();
        using var slow = await server.Client.GetAsync("ssr?fault=slow");
        clock.Stop();

        slow.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        Header(slow, "x-preview-origin").Should().Be("cloudfront");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "CloudFront stops waiting at the origin's OriginReadTimeout of 1 s, long before the function's Timeout of 50 s");
        (await Fetch(server, "fault=slow"))["note"]!.ToString().Should().Contain("OriginReadTimeout");
    }

    [Fact]
    public async Task A_result_the_function_url_cannot_map_answers_502()
    {
        await using var server = await Planted("invalid", timeout: 3, readTimeout: 30);

        using var response = await server.Client.GetAsync("ssr?fault=object-body");

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        Header(response, "x-preview-origin").Should().Be("lambda");
        (await Fetch(server, "fault=object-body"))["note"]!.ToString().Should().Contain("body is not a string");
    }

    [Fact]
    public async Task A_buffered_response_over_6_mb_answers_502_and_one_just_under_passes()
    {
        await using var server = await Planted("size", timeout: 3, readTimeout: 30);

        using var tooBig = await server.Client.GetAsync("ssr?fault=too-big");
        using var fits = await server.Client.GetAsync("ssr?fault=fits");

        tooBig.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        Header(tooBig, "x-preview-origin").Should().Be("lambda");
        (await Fetch(server, "fault=too-big"))["note"]!.ToString().Should().Contain("6 MB");
        fits.StatusCode.Should().Be(HttpStatusCode.OK);
        (await fits.Content.ReadAsByteArrayAsync()).Length.Should().Be((6 * 1024 * 1024) - 1024);
    }

    // The site stack with its server function replaced by the inline handler, its Timeout and its origin's OriginReadTimeout set.
    private async Task<PreviewServer> Planted(string name, int timeout, int readTimeout)
    {
        var assembly = PlantedAssembly.CopyTemplate(fixture.Assembly, "AstroSiteStack", scratch.Combine(name), template =>
        {
            var resources = template["Resources"]!.AsObject();
            var url = resources.Single(r => (string?)r.Value!["Type"] == "AWS::Lambda::Url").Value!;
            var function = resources[(string)url["Properties"]!["TargetFunctionArn"]!["Fn::GetAtt"]![0]!]!["Properties"]!.AsObject();
            function["Code"] = new JsonObject { ["ZipFile"] = Handler };
            function["Handler"] = "index.handler";
            function["Timeout"] = timeout;
            function.Remove("Layers");
            var config = resources.Single(r => (string?)r.Value!["Type"] == "AWS::CloudFront::Distribution").Value!["Properties"]!["DistributionConfig"]!;
            foreach (var origin in config["Origins"]!.AsArray().Where(o => o!["CustomOriginConfig"] is not null))
            {
                origin!["CustomOriginConfig"]!["OriginReadTimeout"] = readTimeout;
            }
        });
        var traces = scratch.Combine("traces");
        Directory.CreateDirectory(traces);
        return await PreviewServer.Start(assembly, "AstroSiteStack", Path.Combine(traces, name + ".jsonl"));
    }

    // The function URL fetch of the traced request whose path has the query.
    private static async Task<JsonNode> Fetch(PreviewServer server, string query)
    {
        bool Done(string line) => line.Contains(query, StringComparison.Ordinal);
        var line = (await server.TraceLines(lines => lines.Any(Done))).Single(Done);
        return JsonNode.Parse(line)!["origins"]!.AsArray().Single(o => (string?)o!["origin"] == "lambda")!;
    }

    public void Dispose() => scratch.Dispose();
}
