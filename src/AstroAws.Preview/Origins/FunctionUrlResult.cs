using System.Text;
using System.Text.Json.Nodes;

namespace Astro.Aws.Preview.Origins;

/// <summary>
/// Whether a BUFFERED function URL can turn a handler's result into an HTTP response (docs/aws-rules.md row
/// lambda/function-url-errors): the payload fits Lambda's synchronous response limit and, when it is a payload
/// format 2.0 response object, its fields have the types the format gives them. Otherwise the URL answers 502.
/// </summary>
public static class FunctionUrlResult
{
    /// <summary>Lambda's synchronous response payload limit, 6 MB, as its runtime API reports it in bytes.</summary>
    public const int MaxBufferedBytes = 6_291_556;

    /// <summary>Why the function URL cannot answer with <paramref name="result"/>, or null when it can.</summary>
    public static string? Problem(JsonNode? result)
    {
        var size = Encoding.UTF8.GetByteCount(result?.ToJsonString() ?? "null");
        if (size > MaxBufferedBytes)
        {
            return $"the response payload is {size:N0} bytes; Lambda returns at most {MaxBufferedBytes:N0} bytes (6 MB) from a synchronous invocation";
        }

        if (result is not JsonObject o || o["statusCode"] is null)
        {
            return null;
        }

        if (o["statusCode"] is not JsonValue code || !code.TryGetValue<int>(out _))
        {
            return $"statusCode {o["statusCode"]!.ToJsonString()} is not an integer";
        }

        if (o["body"] is { } body && (body is not JsonValue text || !text.TryGetValue<string>(out _)))
        {
            return "body is not a string (an object must be JSON.stringify'd)";
        }

        if (o["isBase64Encoded"] is { } flag && (flag is not JsonValue b || !b.TryGetValue<bool>(out _)))
        {
            return $"isBase64Encoded {flag.ToJsonString()} is not a boolean";
        }

        if ((bool?)o["isBase64Encoded"] == true && !Convert.TryFromBase64String((string?)o["body"] ?? string.Empty, new byte[((string?)o["body"] ?? string.Empty).Length], out _))
        {
            return "isBase64Encoded is true but body is not base64";
        }

        if (o["cookies"] is { } cookies && (cookies is not JsonArray list || list.Any(c => c is not JsonValue v || !v.TryGetValue<string>(out _))))
        {
            return "cookies is not an array of strings";
        }

        return null;
    }
}
