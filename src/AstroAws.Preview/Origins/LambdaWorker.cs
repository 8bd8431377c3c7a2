using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Astro.Aws.Preview.Origins;

/// <summary>
/// One long-lived Node process per function (lambda-worker.mjs): the handler is imported once and stays warm, so module
/// state persists between invocations as it does in a warm Lambda execution environment. Node is <c>ASTRO_NODE</c> when
/// set (scripts/node22.sh exports it), else <c>node</c> on PATH.
/// </summary>
internal sealed class LambdaWorker : IDisposable
{
    private static readonly Lazy<string> Script = new(() => WriteResource("lambda-worker.mjs"));

    // Loaded with --import before the worker: bare ES module imports fall back to NODE_PATH (the layers), as in Lambda.
    private static readonly Lazy<string> Hooks = new(() => WriteResource("node-path-hooks.mjs"));

    private static string WriteResource(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"astroaws-{Environment.ProcessId}-{name}");
        using var resource = typeof(LambdaWorker).Assembly.GetManifestResourceStream(name)!;
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    }

    private readonly Process process;
    private readonly ConcurrentDictionary<long, Channel<JsonObject>> pending = new();
    private readonly ConcurrentDictionary<long, TimeSpan> timeouts = new();
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly StringBuilder stderr = new();
    private long nextId;

    public LambdaWorker(string name, string assetFolder, string handler, IReadOnlyDictionary<string, string> environment, TextWriter log)
    {
        var node = Environment.GetEnvironmentVariable("ASTRO_NODE") is { Length: > 0 } n ? n : "node";
        var start = new ProcessStartInfo(node, ["--import", Hooks.Value, Script.Value, assetFolder, handler])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
            WorkingDirectory = assetFolder,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {node}.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.AppendLine(e.Data);
                if (stderr.Length > 64_000)
                {
                    stderr.Remove(0, stderr.Length - 32_000);
                }
            }

            lock (log)
            {
                log.WriteLine($"  [{name}] {e.Data}");
            }
        };
        process.BeginErrorReadLine();
        _ = Task.Run(ReadReplies);
    }

    /// <summary>Whether the Node process has exited (a crash at import, for one): the next request starts a new one, as Lambda starts a new environment.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>Sends one event; the messages that answer it arrive on the returned channel, the last being <c>result</c>, <c>end</c> or <c>error</c>.</summary>
    public async Task<ChannelReader<JsonObject>> InvokeAsync(JsonObject lambdaEvent) => (await Send(lambdaEvent).ConfigureAwait(false)).Replies;

    /// <summary>
    /// Sends one event that may run for at most <paramref name="timeout"/> (the function's Timeout): past it, the last
    /// message is <c>timeout</c> and the Node process is ended, so a handler that never returns cannot hold the
    /// request, and the next request starts a fresh process (rule lambda/function-url-errors).
    /// </summary>
    public async Task<ChannelReader<JsonObject>> InvokeAsync(JsonObject lambdaEvent, TimeSpan timeout)
    {
        var (id, replies) = await Send(lambdaEvent, timeout).ConfigureAwait(false);
        return replies;
    }

    private async Task EndAfter(long id, TimeSpan timeout)
    {
        await Task.Delay(timeout).ConfigureAwait(false);
        if (pending.TryRemove(id, out var channel))
        {
            var seconds = timeout.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            channel.Writer.TryWrite(new JsonObject { ["id"] = id, ["type"] = "timeout", ["error"] = $"Task timed out after {seconds} seconds" });
            channel.Writer.TryComplete();
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }

    private async Task<(long Id, ChannelReader<JsonObject> Replies)> Send(JsonObject lambdaEvent, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref nextId);
        var channel = Channel.CreateUnbounded<JsonObject>();
        pending[id] = channel;
        if (timeout is { } limit)
        {
            timeouts[id] = limit;
        }

        var line = new JsonObject { ["id"] = id, ["event"] = lambdaEvent }.ToJsonString();
        await writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
            await process.StandardInput.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            writeLock.Release();
        }

        return (id, channel.Reader);
    }

    private async Task ReadReplies()
    {
        while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            JsonObject message;
            try
            {
                message = JsonNode.Parse(line)!.AsObject();
            }
            catch (System.Text.Json.JsonException)
            {
                continue;
            }

            var id = (long)message["id"]!;
            if ((string?)message["type"] == "invoked")
            {
                if (timeouts.TryRemove(id, out var limit))
                {
                    _ = EndAfter(id, limit);
                }

                continue;
            }

            if (!pending.TryGetValue(id, out var channel))
            {
                continue;
            }

            channel.Writer.TryWrite(message);
            if ((string?)message["type"] is "result" or "end" or "error")
            {
                pending.TryRemove(id, out _);
                channel.Writer.TryComplete();
            }
        }

        string errors;
        lock (stderr)
        {
            errors = stderr.ToString();
        }

        foreach (var id in pending.Keys)
        {
            if (pending.TryRemove(id, out var channel))
            {
                channel.Writer.TryWrite(new JsonObject { ["id"] = id, ["type"] = "error", ["error"] = "The function's Node process exited: " + errors });
                channel.Writer.TryComplete();
            }
        }
    }

    public void Dispose()
    {
        try
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(2000))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // Already gone (ended at a timeout, or crashed).
        }

        process.Dispose();
        writeLock.Dispose();
    }
}
