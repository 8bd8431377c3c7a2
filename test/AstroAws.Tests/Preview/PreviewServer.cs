using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Astro.Aws.Preview.Server;
using Astro.Aws.Tests.Support;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// The real preview (the tool's <see cref="PreviewHost"/>) serving a synthesized stack on free loopback ports, and an
/// HttpClient that trusts exactly the certificate the preview made.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    private readonly PreviewHost host;
    private readonly StringWriter console = new();

    private PreviewServer(PreviewHost host, StringWriter console, int port, int httpPort, string traceFile)
    {
        this.host = host;
        this.console = console;
        Port = port;
        HttpPort = httpPort;
        TraceFile = traceFile;
        var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(host.CertificateFile));
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                // Only the preview's own certificate is trusted: a test passes only over the TLS the tool set up.
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
            },
        };
        Client = new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{port}/") };
    }

    public int Port { get; }

    /// <summary>The PEM file of the preview's certificate.</summary>
    public string CertificateFile => host.CertificateFile;

    public int HttpPort { get; }

    public string TraceFile { get; }

    public HttpClient Client { get; }

    /// <summary>What the tool printed so far.</summary>
    public string Console
    {
        get
        {
            lock (console)
            {
                return console.ToString();
            }
        }
    }

    /// <summary>
    /// The trace's lines once <paramref name="done"/> holds for them: the preview writes a request's line after its
    /// response went out, so a client that has the response may read the file a moment early. Gives up after 10 s and
    /// returns what is there, for the test's assertion to judge.
    /// </summary>
    public async Task<string[]> TraceLines(Func<string[], bool> done)
    {
        var lines = Array.Empty<string>();
        for (var i = 0; i < 100; i++)
        {
            lines = File.Exists(TraceFile) ? await File.ReadAllLinesAsync(TraceFile) : [];
            if (done(lines))
            {
                break;
            }

            await Task.Delay(100);
        }

        return lines;
    }

    public static async Task<PreviewServer> Start(string assembly, string stack, string traceFile, string? jwksFile = null)
    {
        EnsureNode22();
        var port = FreePort();
        var httpPort = FreePort();
        var console = new StringWriter();
        var host = PreviewHost.Create(assembly, stack, port, httpPort, traceFile, TextWriter.Synchronized(console), jwksFile);
        await host.StartAsync();
        return new PreviewServer(host, console, port, httpPort, traceFile);
    }

    /// <summary>Stops the preview; returns everything it printed, the end-of-run summary included.</summary>
    public async Task<string> Stop()
    {
        await host.StopAsync();
        return Console;
    }

    // The tool runs Node from ASTRO_NODE (scripts/node22.sh exports it); a test run outside the scripts finds the Node
    // 22 that scripts/node22.sh installs into .tools when the machine's node is older.
    internal static void EnsureNode22()
    {
        if (Environment.GetEnvironmentVariable("ASTRO_NODE") is { Length: > 0 })
        {
            return;
        }

        var installed = Path.Combine(TestPaths.RepoRoot, ".tools", "node22", "node_modules", "node", "bin", "node");
        if (File.Exists(installed))
        {
            Environment.SetEnvironmentVariable("ASTRO_NODE", installed);
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await host.DisposeAsync();
    }
}
