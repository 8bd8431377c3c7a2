using System.Text;
using System.Text.Json.Nodes;
using Astro.Aws.Preview.CloudFront;
using Astro.Aws.Preview.Origins;
using Microsoft.AspNetCore.Http;

namespace Astro.Aws.Preview.Server;

/// <summary>
/// Lambda@Edge on a behavior: the origin-request function sees the request as the policies let it reach the origin
/// (CloudFront's Lambda@Edge event structure) and returns it, changed, or a response of its own; the origin-response
/// function sees the origin's status and headers and may replace them and the body.
/// </summary>
internal sealed partial class DistributionHandler
{
    /// <summary>The most of a body an origin-request function with IncludeBody sees (CloudFront quotas, Lambda@Edge).</summary>
    private const int EdgeBodyLimit = 1024 * 1024;

    private async Task<PreviewResponse> FetchThroughEdge(Origin origin, string? oacSigning, Behavior behavior, JsonObject request, byte[] body, HttpContext context, List<OriginFetch> fetches)
    {
        var forwarded = Forwarded(behavior, request, origin.DomainName, context);
        var edgeRequest = EdgeRequest(forwarded, origin, context);
        if (behavior.OriginRequestEdge is { } originRequest)
        {
            if (originRequest.IncludeBody && body.Length > 0)
            {
                edgeRequest["body"] = new JsonObject
                {
                    ["inputTruncated"] = body.Length > EdgeBodyLimit,
                    ["action"] = "read-only",
                    ["encoding"] = "base64",
                    ["data"] = Convert.ToBase64String(body, 0, Math.Min(body.Length, EdgeBodyLimit)),
                };
            }

            var (result, failure, error) = await RunEdge(originRequest.Function, "origin-request", edgeRequest, null).ConfigureAwait(false);
            error ??= result is null ? null : EdgeLimits.Violation("origin-request", edgeRequest["headers"] as JsonObject, result, result["status"] is not null);
            if (result is null || error is not null)
            {
                return EdgeFailure(originRequest.Function, "origin-request", result is null ? failure : 502, error!, fetches);
            }

            if (result["status"] is not null)
            {
                var own = EdgeResponse(result, null);
                own.AnsweredBy = "edge";
                fetches.Add(new OriginFetch("edge", originRequest.Function.FunctionId, own.Status, "origin-request: answered"));
                return own;
            }

            fetches.Add(new OriginFetch("edge", originRequest.Function.FunctionId, 0, "origin-request: passed the request on"));
            edgeRequest = result;
            if (edgeRequest["body"] is JsonObject changed && (string?)changed["action"] == "replace")
            {
                body = (string?)changed["encoding"] == "base64" ? Convert.FromBase64String((string?)changed["data"] ?? string.Empty) : Encoding.UTF8.GetBytes((string?)changed["data"] ?? string.Empty);
            }
        }

        var originUri = (string?)edgeRequest["uri"] ?? forwarded.Path;
        var originQuery = (string?)edgeRequest["querystring"] ?? forwarded.RawQuery;
        var prepared = FromEdgeRequest(edgeRequest, forwarded.Method, originUri, originQuery);
        var bucketRequest = new JsonObject { ["method"] = prepared.Method, ["uri"] = originUri, ["querystring"] = new JsonObject(), ["headers"] = new JsonObject(), ["cookies"] = new JsonObject() };
        var response = await FetchOrigin(origin, oacSigning, behavior, bucketRequest, body, context, fetches, prepared).ConfigureAwait(false);

        if (behavior.OriginResponseEdge is { } originResponse)
        {
            edgeRequest.Remove("body");
            var (result, failure, error) = await RunEdge(originResponse.Function, "origin-response", edgeRequest, response).ConfigureAwait(false);
            error ??= result is null ? null : EdgeLimits.Violation("origin-response", EdgeHeaders(response), result, false);
            if (result is null || error is not null)
            {
                await Drain(response).ConfigureAwait(false);
                return EdgeFailure(originResponse.Function, "origin-response", result is null ? failure : 502, error!, fetches);
            }

            var replacesBody = result["body"] is not null;
            if (replacesBody)
            {
                await Drain(response).ConfigureAwait(false);
            }

            var changed = EdgeResponse(result, replacesBody ? null : response);
            changed.AnsweredBy = replacesBody ? response.AnsweredBy + "+edge" : response.AnsweredBy;
            fetches.Add(new OriginFetch("edge", originResponse.Function.FunctionId, changed.Status, replacesBody ? "origin-response: replaced the response" : "origin-response: passed"));
            return changed;
        }

        return response;
    }

    // CloudFront's answer when a function breaks: 503 for an execution error or a run past its Timeout (Lambda limit
    // exceeded), 502 for a result that fails validation (docs/aws-rules.md cloudfront/lambda-edge-limits).
    private static PreviewResponse EdgeFailure(LambdaFunction function, string eventType, int status, string error, List<OriginFetch> fetches)
    {
        var kind = status == 502 ? "Lambda validation error" : "Lambda execution error or limit exceeded";
        fetches.Add(new OriginFetch("edge", function.FunctionId, status, $"{eventType}: {kind}: {error.Split('\n')[0]}"));
        return PreviewResponse.Text(status, "text/html", $"<html><body>{status} ERROR: the request could not be satisfied ({kind} in the {eventType} Lambda@Edge function).</body></html>");
    }

    private static JsonObject EdgeHeaders(PreviewResponse response)
    {
        var headers = new JsonObject();
        foreach (var (name, values) in response.Headers)
        {
            headers[name.ToLowerInvariant()] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["key"] = name, ["value"] = v })]);
        }

        return headers;
    }

    private async Task<(JsonObject? Result, int FailureStatus, string? Error)> RunEdge(LambdaFunction function, string eventType, JsonObject request, PreviewResponse? response)
    {
        var cf = new JsonObject
        {
            ["config"] = new JsonObject
            {
                ["distributionDomainName"] = "localhost",
                ["distributionId"] = distribution.LogicalId,
                ["eventType"] = eventType,
                ["requestId"] = Guid.NewGuid().ToString("N"),
            },
            ["request"] = request.DeepClone(),
        };
        if (response is not null)
        {
            cf["response"] = new JsonObject { ["status"] = response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), ["statusDescription"] = string.Empty, ["headers"] = EdgeHeaders(response) };
        }

        var lambdaEvent = new JsonObject { ["Records"] = new JsonArray(new JsonObject { ["cf"] = cf }) };
        var replies = await workers(function).InvokeAsync(lambdaEvent, TimeSpan.FromSeconds(function.Timeout)).ConfigureAwait(false);
        var first = await replies.ReadAsync().ConfigureAwait(false);
        if ((string?)first["type"] == "result" && first["result"] is JsonObject result)
        {
            return (result, 0, null);
        }

        var (status, error) = (string?)first["type"] switch
        {
            "error" => (503, (string?)first["error"] ?? "the function failed"),
            "timeout" => (503, $"{(string?)first["error"]}: the function ran past its Timeout of {function.Timeout} s"),
            _ => (502, "it returned neither a request nor a response"),
        };
        lock (Console.Out)
        {
            Console.Error.WriteLine($"  [{function.FunctionId}] {eventType} failed: {error}");
        }

        return (null, status, error);
    }

    // The origin request in Lambda@Edge's shape: lower-case header names, each a list of {key, value}; Cookie a header.
    private static JsonObject EdgeRequest(ForwardedRequest forwarded, Origin origin, HttpContext context)
    {
        var headers = new JsonObject();
        foreach (var (name, value) in forwarded.Headers)
        {
            headers[name.ToLowerInvariant()] = new JsonArray(new JsonObject { ["key"] = name, ["value"] = value });
        }

        if (forwarded.Cookies.Count > 0)
        {
            headers["cookie"] = new JsonArray(new JsonObject { ["key"] = "Cookie", ["value"] = string.Join("; ", forwarded.Cookies) });
        }

        JsonObject originObject = origin is BucketOrigin
            ? new JsonObject { ["s3"] = new JsonObject { ["authMethod"] = "none", ["customHeaders"] = new JsonObject(), ["domainName"] = origin.DomainName, ["path"] = string.Empty, ["region"] = origin.DomainName.Split('.').Skip(2).FirstOrDefault() ?? string.Empty } }
            : new JsonObject { ["custom"] = new JsonObject { ["customHeaders"] = new JsonObject(), ["domainName"] = origin.DomainName, ["keepaliveTimeout"] = 5, ["path"] = string.Empty, ["port"] = 443, ["protocol"] = "https", ["readTimeout"] = 30, ["sslProtocols"] = new JsonArray("TLSv1.2") } };
        return new JsonObject
        {
            ["clientIp"] = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
            ["headers"] = headers,
            ["method"] = forwarded.Method,
            ["origin"] = originObject,
            ["querystring"] = forwarded.RawQuery,
            ["uri"] = forwarded.Path,
        };
    }

    private static ForwardedRequest FromEdgeRequest(JsonObject edgeRequest, string method, string uri, string query)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var cookies = new List<string>();
        foreach (var (name, values) in edgeRequest["headers"] as JsonObject ?? [])
        {
            var list = (values as JsonArray ?? []).Select(v => (string?)v!["value"] ?? string.Empty).ToList();
            if (name.Equals("cookie", StringComparison.OrdinalIgnoreCase))
            {
                cookies.AddRange(list.SelectMany(c => c.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
                continue;
            }

            headers[name] = string.Join(",", list);
        }

        return new ForwardedRequest((string?)edgeRequest["method"] ?? method, uri, query, headers, cookies);
    }

    // A Lambda@Edge response: status as a string, headers as lists of {key, value}, body text or base64 (bodyEncoding).
    private static PreviewResponse EdgeResponse(JsonObject result, PreviewResponse? keepBodyOf)
    {
        var response = new PreviewResponse { Status = int.Parse(result["status"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : result["status"]?.ToJsonString() ?? "200", System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (name, values) in result["headers"] as JsonObject ?? [])
        {
            response.Headers[name] = [.. (values as JsonArray ?? []).Select(v => (string?)v!["value"] ?? string.Empty)];
        }

        if (keepBodyOf is not null)
        {
            response.Body = keepBodyOf.Body;
            response.Stream = keepBodyOf.Stream;
        }
        else
        {
            var text = (string?)result["body"] ?? string.Empty;
            response.Body = (string?)result["bodyEncoding"] == "base64" ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
        }

        return response;
    }
}
