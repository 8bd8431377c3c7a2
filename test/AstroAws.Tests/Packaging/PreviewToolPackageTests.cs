using System.Diagnostics;
using System.Net;
using Astro.Aws.Tests.Preview;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Packaging;

/// <summary>
/// The preview as a user gets it: `dotnet pack` makes the tool package, `dotnet tool install` puts `astroaws` in a
/// folder outside the repository, and that executable (not the test's in-process host) serves the sample's assembly.
/// A file the tool needs at run time but the package left out (the Node worker, the layer hooks) fails here.
/// </summary>
public sealed class PreviewToolPackageTests : IDisposable
{
    private readonly string root = Path.Combine("/tmp", "astroaws-tool-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task The_installed_astroaws_tool_serves_the_sample_assembly()
    {
        var feed = new LocalFeed(root);
        var package = feed.Pack("AstroAws.Preview");
        LocalFeed.Entries(package).Should().Contain(["tools/net10.0/any/AstroAws.Preview.dll", "tools/net10.0/any/DotnetToolSettings.xml", "PACKAGE.md"]);
        LocalFeed.Read(package, "AstroAws.Preview.nuspec").Should().Contain("<packageType name=\"DotnetTool\" />");

        var installFrom = Path.Combine(root, "install");
        feed.AddTo(installFrom);
        var tools = Path.Combine(root, "tools");
        Command.Run(installFrom, "dotnet", "tool", "install", "--tool-path", tools, "AstroAws.Preview", "--version", feed.Version);
        var astroaws = Path.Combine(tools, "astroaws");

        Command.Run(root, astroaws, "--help").Should().Contain("usage: astroaws preview").And.Contain("usage: astroaws smoke");
        Command.Run(root, astroaws, "--version").Should().StartWith("astroaws " + feed.Version);

        var assembly = SampleApp.Synth(Path.Combine(root, "cdk.out"), "us-east-1");
        PreviewServer.EnsureNode22();
        var port = PreviewServer.FreePort();
        using var tool = Process.Start(new ProcessStartInfo(astroaws, ["preview", "--assembly", assembly, "--stack", "AstroSiteStack", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            var stderr = tool.StandardError.ReadToEndAsync();
            await WaitForListening(tool, stderr);

            // Certificate trust is PreviewServer's concern; here only the installed executable's answers are checked.
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{port}/") };

            using var ssr = await client.GetAsync("ssr?name=packaged");
            ssr.StatusCode.Should().Be(HttpStatusCode.OK);
            ssr.Headers.GetValues("x-preview-origin").Should().Equal("lambda");
            (await ssr.Content.ReadAsStringAsync()).Should().Contain("data-name=\"packaged\"");

            using var about = await client.GetAsync("about");
            about.StatusCode.Should().Be(HttpStatusCode.OK);
            about.Headers.GetValues("x-preview-origin").Should().Equal("s3");
        }
        finally
        {
            tool.Kill(entireProcessTree: true);
            await tool.WaitForExitAsync();
        }
    }

    private static async Task WaitForListening(Process tool, Task<string> stderr)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await tool.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("astroaws preview: listening", StringComparison.Ordinal))
            {
                return;
            }
        }

        await tool.WaitForExitAsync(CancellationToken.None);
        throw new Xunit.Sdk.XunitException($"astroaws exited {tool.ExitCode} before listening:\n{await stderr}");
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
