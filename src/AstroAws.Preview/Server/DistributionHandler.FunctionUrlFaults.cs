using System.Text.Json.Nodes;
using System.Threading.Channels;
using Astro.Aws.Preview.Origins;

namespace Astro.Aws.Preview.Server;

/// <summary>
/// A function URL origin that cannot answer: the function throws, runs past its Timeout or returns what the URL cannot
/// map (docs/aws-rules.md lambda/function-url-errors: the URL answers 502), or it does not answer within the origin's
/// OriginReadTimeout (cloudfront/origin-timeout: CloudFront answers 504). Never a hang: the worker ends an invocation
/// at the function's Timeout.
/// </summary>
internal sealed partial class DistributionHandler
{
    /// <summary>
    /// The invocation's first message, or a <c>read-timeout</c> one when CloudFront would stop waiting first: only when
    /// the function's Timeout is longer than the origin's OriginReadTimeout (else Lambda ends it first).
    /// </summary>
    private static async Task<JsonObject> FirstReply(LambdaFunction function, ChannelReader<JsonObject> replies, int readTimeout)
    {
        if (function.Timeout <= readTimeout)
        {
            return await replies.ReadAsync().ConfigureAwait(false);
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(readTimeout));
        try
        {
            return await replies.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            return new JsonObject { ["type"] = "read-timeout", ["error"] = $"no response within the origin's OriginReadTimeout of {readTimeout} s (the function's Timeout is {function.Timeout} s)" };
        }
    }

    private static PreviewResponse FunctionUrlFault(LambdaFunction function, JsonObject reply)
    {
        var type = (string?)reply["type"];
        var detail = (string?)reply["error"] ?? "the function failed";
        lock (Console.Out)
        {
            Console.Error.WriteLine($"  [{function.FunctionId}] {type}: {detail}");
        }

        if (type == "read-timeout")
        {
            var timeout = PreviewResponse.Text(504, "text/html", "<html><body>504 Gateway Timeout ERROR: the request could not be satisfied (the origin did not respond in time).</body></html>");
            timeout.OriginNote = "cloudfront answered 504: " + detail;
            return timeout;
        }

        var note = type switch
        {
            "timeout" => $"function timed out ({detail}; Timeout {function.Timeout} s): the URL answered 502",
            "invalid" => $"invalid response ({detail}): the URL answered 502",
            _ => "function error: the URL answered 502: " + detail.Split('\n')[0],
        };
        var failed = PreviewResponse.Text(502, "application/json", "{\"Message\":\"Internal Server Error\"}", "lambda");
        failed.OriginNote = note;
        return failed;
    }
}
