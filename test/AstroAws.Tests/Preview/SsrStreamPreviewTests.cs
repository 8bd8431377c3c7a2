using System.Net;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// The sample's ssr-stream site (stack SsrStreamSiteStack: a RESPONSE_STREAM function URL) through the preview: the
/// handler streams its prelude and chunks, and the viewer gets the whole server-rendered page.
/// </summary>
public sealed class SsrStreamPreviewTests : IDisposable
{
    private readonly ScratchFolder scratch = new("preview-ssr-stream");

    [Fact]
    public async Task A_server_page_streams_through_the_function_url()
    {
        var assembly = SampleApp.Synth(scratch.Combine("cdk.out"), "us-east-1");
        await using var server = await PreviewServer.Start(assembly, "SsrStreamSiteStack", scratch.Combine("trace.jsonl"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "ssr?name=Streamed");
        using var response = await server.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        response.Headers.GetValues("x-preview-origin").Should().Equal("lambda");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("</html>", "the whole streamed page arrived").And.Contain("Streamed", "the query string reached the server page");
        var entry = (await server.TraceLines(lines => lines.Any(l => l.Contains("/ssr?name=Streamed", StringComparison.Ordinal))))
            .Single(l => l.Contains("/ssr?name=Streamed", StringComparison.Ordinal));
        entry.Should().Contain("\"note\":\"streamed\"", "the function URL's invoke mode is RESPONSE_STREAM");
    }

    public void Dispose() => scratch.Dispose();
}
