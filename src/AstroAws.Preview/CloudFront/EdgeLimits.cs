using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Astro.Aws.Preview.CloudFront;

/// <summary>
/// What CloudFront checks in a Lambda@Edge origin-event function's result (docs/aws-rules.md row
/// cloudfront/lambda-edge-limits): no disallowed header added or changed, no read-only header of the event added,
/// changed or removed, a generated response of at most 1 MB with headers. A result that breaks one fails CloudFront's
/// validation and the viewer gets 502.
/// </summary>
public static class EdgeLimits
{
    /// <summary>Origin events: the most a function may run (CloudFront quotas, Lambda@Edge); viewer events have 5 s.</summary>
    public const int MaxOriginEventTimeoutSeconds = 30;

    /// <summary>Origin events: the most a generated response, headers and body, may be; viewer events have 40 KB.</summary>
    public const int MaxGeneratedResponseBytes = 1024 * 1024;

    private static readonly HashSet<string> Disallowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "trailer", "upgrade",
        "x-accel-buffering", "x-accel-charset", "x-accel-limit-rate", "x-accel-redirect", "x-amzn-auth", "x-amzn-cf-billing", "x-amzn-cf-id",
        "x-amzn-cf-xff", "x-amzn-errortype", "x-amzn-fle-profile", "x-amzn-header-count", "x-amzn-header-order", "x-amzn-lambda-integration-tag",
        "x-amzn-requestid", "x-cache", "x-forwarded-proto", "x-real-ip",
    };

    private static readonly string[] OriginRequestReadOnly =
        ["accept-encoding", "content-length", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "transfer-encoding", "via"];

    private static readonly string[] OriginResponseReadOnly = ["transfer-encoding", "via"];

    private static bool IsDisallowed(string name) =>
        Disallowed.Contains(name) || name.StartsWith("x-amz-cf-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("x-edge-", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why CloudFront rejects the result, or null. <paramref name="given"/> is the headers object the function was
    /// given (the request's for origin-request, the response's for origin-response); <paramref name="generated"/>
    /// when an origin-request function answers with a response of its own.
    /// </summary>
    public static string? Violation(string eventType, JsonObject? given, JsonObject result, bool generated)
    {
        if (result["headers"] is { } raw && raw is not JsonObject)
        {
            return "headers is not an object of lists of {key, value}";
        }

        var headers = result["headers"] as JsonObject ?? [];
        given ??= [];
        foreach (var (name, values) in headers)
        {
            if (values is not JsonArray list || list.Any(v => v?["value"] is not JsonValue value || !value.TryGetValue<string>(out _)))
            {
                return $"the header {name} is not a list of {{key, value}} with string values";
            }

            if (IsDisallowed(name) && !SameValues(given[name], values))
            {
                return $"the function added or changed the disallowed header {name}";
            }
        }

        foreach (var name in eventType == "origin-request" ? OriginRequestReadOnly : OriginResponseReadOnly)
        {
            var changed = generated ? headers.ContainsKey(name) : !SameValues(given[name], headers[name]);
            if (changed)
            {
                return $"the function tried to add, delete, or change the read-only header {name} ({eventType})";
            }
        }

        if (generated && !int.TryParse(result["status"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : result["status"]?.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return $"status {result["status"]?.ToJsonString() ?? "(missing)"} is not an HTTP status code";
        }

        // A request's body is an object ({action, encoding, data}); a response's is the text itself.
        var isResponse = generated || eventType == "origin-response";
        if (isResponse && result["body"] is { } body && (body is not JsonValue bodyText || !bodyText.TryGetValue<string>(out _)))
        {
            return "body is not a string";
        }

        if (isResponse && (generated || result["body"] is not null))
        {
            var size = Encoding.UTF8.GetByteCount((string?)result["body"] ?? string.Empty)
                + headers.Sum(h => Encoding.UTF8.GetByteCount(h.Key) + ((JsonArray)h.Value!).Sum(v => Encoding.UTF8.GetByteCount((string)v!["value"]!)));
            if (size > MaxGeneratedResponseBytes)
            {
                return $"the generated response is {size:N0} bytes with its headers; an origin-event function may generate at most {MaxGeneratedResponseBytes:N0} (1 MB)";
            }
        }

        return null;
    }

    private static bool SameValues(JsonNode? before, JsonNode? after)
    {
        static string[] Values(JsonNode? node) => (node as JsonArray ?? []).Select(v => (string?)v?["value"] ?? string.Empty).ToArray();
        return Values(before).SequenceEqual(Values(after), StringComparer.Ordinal);
    }
}
