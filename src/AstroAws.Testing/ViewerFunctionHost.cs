using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Astro.Aws.Testing;

/// <summary>
/// Where the runner of CloudFront Function code (run-viewer-function.mjs, shipped inside this assembly) is written, and
/// which Node runs it: <c>ASTRO_NODE</c> when set (scripts/node22.sh exports it), else <c>node</c> on PATH.
/// </summary>
internal static class ViewerFunctionRunner
{
    private static readonly Lazy<string> ScriptPath = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"astroaws-run-viewer-function-{Environment.ProcessId}.mjs");
        using var resource = typeof(ViewerFunctionRunner).Assembly.GetManifestResourceStream("run-viewer-function.mjs")!;
        using var file = File.Create(path);
        resource.CopyTo(file);
        return path;
    });

    public static string Script => ScriptPath.Value;

    public static string Node => Environment.GetEnvironmentVariable("ASTRO_NODE") is { Length: > 0 } node ? node : "node";
}

/// <summary>
/// One long-lived Node process that runs CloudFront Function code on events as CloudFront builds them, many at a time
/// (the runner's serve mode); used by the local preview, where a process per request would be too slow.
/// </summary>
internal sealed class ViewerFunctionHost : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonObject>> pending = new();
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly StringBuilder stderr = new();
    private long nextId;

    public ViewerFunctionHost()
    {
        var start = new ProcessStartInfo(ViewerFunctionRunner.Node, [ViewerFunctionRunner.Script, "--serve"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ViewerFunctionRunner.Node}.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        _ = Task.Run(ReadReplies);
    }

    /// <summary>Runs <paramref name="code"/>'s handler on <paramref name="cloudFrontEvent"/>.</summary>
    /// <returns><c>{ result, originUpdate, originSelected, storeReads }</c>, or <c>{ error }</c> when the code threw.</returns>
    public async Task<JsonObject> RunAsync(string code, JsonObject? store, JsonObject cloudFrontEvent)
    {
        var id = Interlocked.Increment(ref nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["code"] = code, ["store"] = store?.DeepClone(), ["event"] = cloudFrontEvent.DeepClone() };
        await writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await process.StandardInput.WriteLineAsync(message.ToJsonString()).ConfigureAwait(false);
            await process.StandardInput.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            writeLock.Release();
        }

        return await reply.Task.ConfigureAwait(false);
    }

    private async Task ReadReplies()
    {
        while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var reply = JsonNode.Parse(line)!.AsObject();
            if (pending.TryRemove((long)reply["id"]!, out var waiting))
            {
                waiting.SetResult(reply);
            }
        }

        string errors;
        lock (stderr)
        {
            errors = stderr.ToString();
        }

        foreach (var id in pending.Keys)
        {
            if (pending.TryRemove(id, out var waiting))
            {
                waiting.SetException(new InvalidOperationException("The CloudFront Function runner exited: " + errors));
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
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        writeLock.Dispose();
    }
}
