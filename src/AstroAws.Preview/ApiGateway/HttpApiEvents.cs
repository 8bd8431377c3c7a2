using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Astro.Aws.Preview.Server;

namespace Astro.Aws.Preview.ApiGateway;

/// <summary>A viewer request to an HTTP API, as API Gateway sees it once the stage is chosen.</summary>
/// <param name="Path">The path as requested (with a named stage's prefix).</param>
/// <param name="Headers">Lower-case names; repeated headers keep each value.</param>
internal sealed record ApiRequest(string ApiId, string Stage, string Method, string Path, string RawQuery, Dictionary<string, List<string>> Headers, byte[] Body, string SourceIp, string DomainName)
{
    public string RequestId { get; } = Guid.NewGuid().ToString();

    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(',', values) : null;

    public List<(string Name, string Value)> Query() =>
        [.. RawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            return (Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' ')), eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' ')));
        })];
}

/// <summary>
/// The Lambda proxy events of an HTTP API (payload format 1.0 and 2.0, rule <c>apigateway/integration</c>) and
/// how API Gateway reads a function's answer (rule <c>apigateway/http-v2-response-inference</c>).
/// </summary>
internal static class HttpApiEvents
{
    private static bool IsText(string contentType) =>
        contentType.Length == 0 || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("xml", StringComparison.OrdinalIgnoreCase) || contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase);

    private static void AddBody(JsonObject lambdaEvent, ApiRequest request)
    {
        var text = IsText(request.Header("content-type") ?? string.Empty);
        lambdaEvent["body"] = request.Body.Length == 0 ? null : text ? Encoding.UTF8.GetString(request.Body) : Convert.ToBase64String(request.Body);
        lambdaEvent["isBase64Encoded"] = request.Body.Length > 0 && !text;
    }

    /// <summary>Format 2.0: lower-case headers joined with commas, cookies apart, query parameters joined with commas.</summary>
    public static JsonObject Version2(ApiRequest request, string routeKey, IReadOnlyDictionary<string, string> pathParameters, JsonObject? authorizer)
    {
        var now = DateTimeOffset.UtcNow;
        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers.Where(h => h.Key != "cookie"))
        {
            headers[name] = string.Join(',', values);
        }

        var query = new JsonObject();
        foreach (var (name, value) in request.Query())
        {
            query[name] = query[name] is JsonValue existing ? (string)existing! + "," + value : value;
        }

        var cookies = request.Headers.GetValueOrDefault("cookie")?.SelectMany(c => c.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        var lambdaEvent = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = routeKey,
            ["rawPath"] = request.Path,
            ["rawQueryString"] = request.RawQuery,
            ["headers"] = headers,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = Assembly.Intrinsics.Account,
                ["apiId"] = request.ApiId,
                ["domainName"] = request.DomainName,
                ["domainPrefix"] = request.DomainName.Split('.')[0],
                ["http"] = new JsonObject
                {
                    ["method"] = request.Method,
                    ["path"] = request.Path,
                    ["protocol"] = "HTTP/1.1",
                    ["sourceIp"] = request.SourceIp,
                    ["userAgent"] = request.Header("user-agent") ?? string.Empty,
                },
                ["requestId"] = request.RequestId,
                ["routeKey"] = routeKey,
                ["stage"] = request.Stage,
                ["time"] = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                ["timeEpoch"] = now.ToUnixTimeMilliseconds(),
            },
        };
        if (cookies is { Count: > 0 })
        {
            lambdaEvent["cookies"] = new JsonArray([.. cookies.Select(c => (JsonNode)c)]);
        }

        if (query.Count > 0)
        {
            lambdaEvent["queryStringParameters"] = query;
        }

        if (pathParameters.Count > 0)
        {
            lambdaEvent["pathParameters"] = Object(pathParameters);
        }

        if (authorizer is not null)
        {
            lambdaEvent["requestContext"]!["authorizer"] = authorizer;
        }

        AddBody(lambdaEvent, request);
        return lambdaEvent;
    }

    /// <summary>Format 1.0: the REST API proxy shape, with <c>multiValueHeaders</c> and <c>multiValueQueryStringParameters</c>.</summary>
    public static JsonObject Version1(ApiRequest request, string routeKey, string resource, IReadOnlyDictionary<string, string> pathParameters, JsonObject? authorizer)
    {
        var now = DateTimeOffset.UtcNow;
        var headers = new JsonObject();
        var multiHeaders = new JsonObject();
        foreach (var (name, values) in request.Headers)
        {
            headers[name] = values[^1];
            multiHeaders[name] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
        }

        var query = new JsonObject();
        var multiQuery = new JsonObject();
        foreach (var (name, value) in request.Query())
        {
            query[name] = value;
            (multiQuery[name] ??= new JsonArray()).AsArray().Add(value);
        }

        var context = new JsonObject
        {
            ["accountId"] = Assembly.Intrinsics.Account,
            ["apiId"] = request.ApiId,
            ["domainName"] = request.DomainName,
            ["domainPrefix"] = request.DomainName.Split('.')[0],
            ["extendedRequestId"] = request.RequestId,
            ["httpMethod"] = request.Method,
            ["identity"] = new JsonObject { ["sourceIp"] = request.SourceIp, ["userAgent"] = request.Header("user-agent") ?? string.Empty },
            ["path"] = request.Path,
            ["protocol"] = "HTTP/1.1",
            ["requestId"] = request.RequestId,
            ["requestTime"] = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
            ["requestTimeEpoch"] = now.ToUnixTimeMilliseconds(),
            ["resourceId"] = routeKey,
            ["resourcePath"] = resource,
            ["stage"] = request.Stage,
        };
        if (authorizer is not null)
        {
            context["authorizer"] = authorizer;
        }

        var lambdaEvent = new JsonObject
        {
            ["version"] = "1.0",
            ["resource"] = resource,
            ["path"] = request.Path,
            ["httpMethod"] = request.Method,
            ["headers"] = headers,
            ["multiValueHeaders"] = multiHeaders,
            ["queryStringParameters"] = query.Count > 0 ? query : null,
            ["multiValueQueryStringParameters"] = multiQuery.Count > 0 ? multiQuery : null,
            ["requestContext"] = context,
            ["pathParameters"] = pathParameters.Count > 0 ? Object(pathParameters) : null,
            ["stageVariables"] = null,
        };
        AddBody(lambdaEvent, request);
        return lambdaEvent;
    }

    private static JsonObject Object(IReadOnlyDictionary<string, string> values)
    {
        var o = new JsonObject();
        foreach (var (k, v) in values)
        {
            o[k] = v;
        }

        return o;
    }

    /// <summary>
    /// The client's response. 2.0: an object with <c>statusCode</c> is taken as it is; any other valid JSON (a string,
    /// an object without statusCode) is a 200 <c>application/json</c> body. 1.0: <c>statusCode</c> is required; an
    /// answer without one is a 500, as a malformed proxy response is.
    /// </summary>
    public static PreviewResponse Response(JsonNode? result, string payloadFormatVersion)
    {
        if (result is JsonObject o && o["statusCode"] is JsonValue status && status.TryGetValue<int>(out var code))
        {
            var response = new PreviewResponse { Status = code, AnsweredBy = "apigw" };
            foreach (var (name, value) in o["headers"] as JsonObject ?? [])
            {
                response.Set(name, value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? string.Empty);
            }

            if (payloadFormatVersion == "1.0")
            {
                foreach (var (name, values) in o["multiValueHeaders"] as JsonObject ?? [])
                {
                    response.Headers[name] = [.. (values as JsonArray ?? []).Select(v => v is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : v?.ToJsonString() ?? string.Empty)];
                }
            }
            else if (o["cookies"] is JsonArray cookies && cookies.Count > 0)
            {
                response.Headers["set-cookie"] = [.. cookies.Select(c => (string)c!)];
            }

            var body = o["body"] is JsonValue b && b.TryGetValue<string>(out var text) ? text : o["body"]?.ToJsonString() ?? string.Empty;
            try
            {
                response.Body = (bool?)o["isBase64Encoded"] == true ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
            }
            catch (FormatException)
            {
                return InternalServerError();
            }

            return response;
        }

        if (payloadFormatVersion == "1.0")
        {
            return InternalServerError();
        }

        return PreviewResponse.Text(200, "application/json", result is JsonValue str && str.TryGetValue<string>(out var plain) ? plain : result?.ToJsonString() ?? "null", "apigw");
    }

    public static PreviewResponse Message(int status, string message) =>
        PreviewResponse.Text(status, "application/json", new JsonObject { ["message"] = message }.ToJsonString(), "apigw");

    public static PreviewResponse InternalServerError() => Message(500, "Internal Server Error");
}
