using System.Globalization;
using Astro.Aws.Preview.Assembly;
using Astro.Aws.Preview.Server;

namespace Astro.Aws.Preview;

/// <summary>The command line: <c>astroaws preview --assembly cdk.out --stack NAME --port P [--http-port H] [--trace FILE] [--jwks FILE]</c>.</summary>
public static class PreviewCommand
{
    public const string Usage = "usage: astroaws preview --assembly <cdk.out> --stack <name> --port <https port> [--http-port <port>] [--trace <file.jsonl>] [--jwks <jwks.json>]";

    /// <summary>Parses the arguments, starts the preview and serves until <paramref name="stop"/> or Ctrl+C.</summary>
    /// <returns>The exit code: 0 after a clean stop (or <c>--help</c>, <c>--version</c>), 2 for bad arguments or an assembly the preview cannot emulate.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["--help" or "-h" or "help"])
        {
            await output.WriteLineAsync(Usage + Environment.NewLine + Smoke.SmokeCommand.Usage).ConfigureAwait(false);
            return 0;
        }

        if (args is ["--version"])
        {
            var version = typeof(PreviewCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
            await output.WriteLineAsync("astroaws " + version).ConfigureAwait(false);
            return 0;
        }

        if (args is ["smoke", .. var smokeArgs])
        {
            return await Smoke.SmokeCommand.RunAsync(smokeArgs, output, error, stop).ConfigureAwait(false);
        }

        if (args.Length == 0 || args[0] != "preview")
        {
            await error.WriteLineAsync(Usage + Environment.NewLine + Smoke.SmokeCommand.Usage).ConfigureAwait(false);
            return 2;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                await error.WriteLineAsync($"astroaws preview: unexpected argument '{args[i]}'.{Environment.NewLine}{Usage}").ConfigureAwait(false);
                return 2;
            }

            options[args[i][2..]] = args[++i];
        }

        var unknown = options.Keys.Except(["assembly", "stack", "port", "http-port", "trace", "jwks"], StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || !options.ContainsKey("assembly") || !options.ContainsKey("stack") || !options.TryGetValue("port", out var portText)
            || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            await error.WriteLineAsync((unknown.Count > 0 ? $"astroaws preview: unknown option(s) {string.Join(", ", unknown.Select(u => "--" + u))}. " : "") + Usage).ConfigureAwait(false);
            return 2;
        }

        int? httpPort = null;
        if (options.TryGetValue("http-port", out var httpText))
        {
            if (!int.TryParse(httpText, NumberStyles.None, CultureInfo.InvariantCulture, out var h))
            {
                await error.WriteLineAsync("astroaws preview: --http-port must be a port number. " + Usage).ConfigureAwait(false);
                return 2;
            }

            httpPort = h;
        }

        PreviewHost host;
        try
        {
            host = PreviewHost.Create(options["assembly"], options["stack"], port, httpPort, options.GetValueOrDefault("trace"), output, options.GetValueOrDefault("jwks"));
        }
        catch (PreviewException e)
        {
            await error.WriteLineAsync("astroaws preview: " + e.Message).ConfigureAwait(false);
            return 2;
        }

        await using (host.ConfigureAwait(false))
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop, host.Stopping);
            using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, e =>
            {
                e.Cancel = true;
                cancel.Cancel();
            });
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                try
                {
                    await host.StartAsync().ConfigureAwait(false);

                    // The line scripts and the browser suite wait for: every port is open once it is printed.
                    await output.WriteLineAsync($"astroaws preview: listening on {string.Join(", ", host.Urls)} (Ctrl+C stops)").ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    await error.WriteLineAsync("astroaws preview: " + e.Message).ConfigureAwait(false);
                    return 2;
                }

                try
                {
                    await Task.Delay(Timeout.Infinite, cancel.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or the caller's stop.
                }
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            await host.StopAsync().ConfigureAwait(false);
        }

        return 0;
    }
}
