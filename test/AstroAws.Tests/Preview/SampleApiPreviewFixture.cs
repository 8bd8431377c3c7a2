using Astro.Aws.Tests.Support;
using Xunit;

namespace Astro.Aws.Tests.Preview;

/// <summary>The sample app synthesized once, with its HTTP API stack and its WebSocket stack each previewed.</summary>
public sealed class SampleApiPreviewFixture : IAsyncLifetime
{
    private readonly ScratchFolder scratch = new("preview-sample-apis");
    private PreviewServer? http;
    private PreviewServer? webSocket;

    internal PreviewServer Http => http ?? throw new InvalidOperationException("The preview has not started.");

    internal PreviewServer WebSocket => webSocket ?? throw new InvalidOperationException("The preview has not started.");

    public async Task InitializeAsync()
    {
        var assembly = SampleApp.Synth(scratch.Combine("cdk.out"), "us-east-1");
        http = await PreviewServer.Start(assembly, "HttpApiStack", scratch.Combine("http.jsonl"));
        webSocket = await PreviewServer.Start(assembly, "WebSocketStack", scratch.Combine("ws.jsonl"));
    }

    public async Task DisposeAsync()
    {
        if (http is not null)
        {
            await http.DisposeAsync();
        }

        if (webSocket is not null)
        {
            await webSocket.DisposeAsync();
        }

        scratch.Dispose();
    }
}
