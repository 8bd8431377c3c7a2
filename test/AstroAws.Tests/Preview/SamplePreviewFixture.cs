using Astro.Aws.Tests.Support;
using Xunit;

namespace Astro.Aws.Tests.Preview;

/// <summary>The sample app synthesized once (every sample stack, as `cdk synth` writes them) and its site stack previewed.</summary>
public sealed class SamplePreviewFixture : IAsyncLifetime
{
    private readonly ScratchFolder scratch = new("preview-sample");
    private PreviewServer? server;

    internal PreviewServer Server => server ?? throw new InvalidOperationException("The preview has not started.");

    internal string Assembly { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Assembly = SampleApp.Synth(scratch.Combine("cdk.out"), "us-east-1");
        server = await PreviewServer.Start(Assembly, "AstroSiteStack", scratch.Combine("trace.jsonl"));
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        scratch.Dispose();
    }
}
