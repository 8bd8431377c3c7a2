using System.Text.Json.Nodes;
using Astro.Aws.Preview.Origins;

namespace Astro.Aws.Preview.ApiGateway;

/// <summary>The outcome of one invocation by API Gateway: the function's result, or why it failed.</summary>
internal sealed record Invocation(JsonNode? Result, string? Error);

/// <summary>Invokes a route's function (or an authorizer) in its warm worker and waits for the buffered result: API Gateway does not stream.</summary>
internal static class ApiInvoker
{
    public static async Task<Invocation> InvokeAsync(Func<LambdaFunction, LambdaWorker> workers, LambdaFunction function, JsonObject lambdaEvent, TextWriter log)
    {
        var replies = await workers(function).InvokeAsync(lambdaEvent).ConfigureAwait(false);
        JsonNode? result = null;
        string? error = null;
        await foreach (var message in replies.ReadAllAsync().ConfigureAwait(false))
        {
            switch ((string?)message["type"])
            {
                case "result":
                    result = message["result"]?.DeepClone();
                    break;
                case "error":
                    error = (string?)message["error"] ?? "the function failed";
                    break;
                case "prelude":
                    error = "the function streams its response (awslambda.streamifyResponse), which API Gateway does not support";
                    break;
            }
        }

        if (error is not null)
        {
            lock (log)
            {
                log.WriteLine($"  [{function.FunctionId}] invocation failed: {error}");
            }
        }

        return new Invocation(result, error);
    }
}
