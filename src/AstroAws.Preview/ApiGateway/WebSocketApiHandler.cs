using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Astro.Aws.Preview.Origins;
using Astro.Aws.Preview.Server;
using Microsoft.AspNetCore.Http;

namespace Astro.Aws.Preview.ApiGateway;

/// <summary>
/// Serves one WebSocket API the way API Gateway would (rule <c>apigateway/websocket-routes</c>): <c>$connect</c> (with its
/// authorizer) accepts or refuses the connection, messages go to the route the route selection expression picks or to
/// <c>$default</c>, <c>$disconnect</c> runs after the close, and the management API
/// (<c>/{stage}/@connections/{id}</c>: POST sends, DELETE closes, GET describes) reaches the clients. Route functions
/// get <c>WEBSOCKET_CALLBACK_URL</c> pointing here, the preview's certificate in <c>NODE_EXTRA_CA_CERTS</c> and
/// stand-in credentials: signatures are not checked.
/// </summary>
internal sealed class WebSocketApiHandler
{
    private readonly ApiModel api;
    private readonly string region;
    private readonly string stage;
    private readonly Func<LambdaFunction, LambdaWorker> workers;
    private readonly Tracer tracer;
    private readonly TextWriter log;
    private readonly Dictionary<string, LambdaFunction> functions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Connection> connections = new(StringComparer.Ordinal);

    public WebSocketApiHandler(ApiModel api, string region, int port, string certificateFile, Func<LambdaFunction, LambdaWorker> workers, Tracer tracer, TextWriter log)
    {
        this.api = api;
        this.region = region;
        this.workers = workers;
        this.tracer = tracer;
        this.log = log;
        stage = api.Stages.FirstOrDefault() ?? "$default";
        CallbackUrl = $"https://127.0.0.1:{port}/{stage}";
        foreach (var function in api.Routes.Select(r => r.Integration?.Function).OfType<LambdaFunction>().Concat(api.Routes.Select(r => r.Authorizer?.Function).OfType<LambdaFunction>()))
        {
            var environment = function.Environment.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            if (environment.ContainsKey("WEBSOCKET_CALLBACK_URL"))
            {
                environment["WEBSOCKET_CALLBACK_URL"] = CallbackUrl;
            }

            environment["NODE_EXTRA_CA_CERTS"] = certificateFile;
            environment.TryAdd("AWS_ACCESS_KEY_ID", "ASIAPREVIEWNOTREAL00");
            environment.TryAdd("AWS_SECRET_ACCESS_KEY", "preview-not-a-real-secret");
            environment.TryAdd("AWS_SESSION_TOKEN", "preview-not-a-real-token");
            functions[function.FunctionId] = function.WithEnvironment(environment);
        }
    }

    public ApiModel Api => api;

    /// <summary>Where the route functions' management calls go: <c>https://127.0.0.1:PORT/{stage}</c>.</summary>
    public string CallbackUrl { get; }

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var marker = path.IndexOf("/@connections/", StringComparison.Ordinal);
        if (marker >= 0)
        {
            await Manage(context, Uri.UnescapeDataString(path[(marker + "/@connections/".Length)..])).ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest || (path != "/" && path.TrimEnd('/') != "/" + stage))
        {
            context.Response.StatusCode = context.WebSockets.IsWebSocketRequest ? 403 : 426;
            context.Response.Headers["x-preview-origin"] = "apigw";
            await context.Response.WriteAsync($"{{\"message\":\"connect with a WebSocket client to wss://127.0.0.1:{context.Connection.LocalPort}/ or /{stage}\"}}").ConfigureAwait(false);
            return;
        }

        await Connect(context).ConfigureAwait(false);
    }

    private async Task Connect(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        var connection = new Connection(NewConnectionId(), DateTimeOffset.UtcNow, context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1", context.Request.Headers.UserAgent.ToString());
        var fetches = new List<OriginFetch>();
        var connectRoute = api.Routes.FirstOrDefault(r => r.Key == "$connect");
        var connectEvent = Event(connection, "$connect", "CONNECT", null);
        var headers = new JsonObject();
        var multiHeaders = new JsonObject();
        foreach (var header in context.Request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
            multiHeaders[header.Key] = new JsonArray([.. header.Value.Select(v => (JsonNode)(v ?? string.Empty))]);
        }

        connectEvent["headers"] = headers;
        connectEvent["multiValueHeaders"] = multiHeaders;
        if (context.Request.Query.Count > 0)
        {
            var query = new JsonObject();
            foreach (var (name, value) in context.Request.Query)
            {
                query[name] = value.ToString();
            }

            connectEvent["queryStringParameters"] = query;
        }

        var status = 200;
        string? note = null;
        if (connectRoute?.Authorizer is { Function: not null } authorizer)
        {
            (status, note, connection.Authorizer) = await Authorize(authorizer, connectEvent, context, fetches).ConfigureAwait(false);
            if (connection.Authorizer is { } granted)
            {
                connectEvent["requestContext"]!["authorizer"] = granted.DeepClone();
            }
        }

        if (status == 200 && connectRoute is not null)
        {
            (status, _) = await Run(connectRoute, connectEvent, fetches).ConfigureAwait(false);
        }

        if (status is < 200 or >= 300)
        {
            // API Gateway refuses the handshake with the status; the client never gets a connection.
            context.Response.StatusCode = status;
            context.Response.Headers["x-preview-origin"] = "apigw";
            context.Response.Headers["x-preview-behavior"] = "$connect";
            tracer.Record(new TraceEntry(DateTimeOffset.UtcNow, api.LogicalId, "CONNECT", context.Request.Path + context.Request.QueryString, "wss", "$connect", note ?? "refused", fetches, status, "apigw", "no-cache (WebSocket)", clock.Elapsed.TotalMilliseconds));
            return;
        }

        context.Response.Headers["x-preview-origin"] = "apigw";
        context.Response.Headers["x-preview-behavior"] = "$connect";
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        connection.Socket = socket;
        connections[connection.Id] = connection;
        tracer.Record(new TraceEntry(DateTimeOffset.UtcNow, api.LogicalId, "CONNECT", context.Request.Path + context.Request.QueryString, "wss", "$connect", note ?? "connection " + connection.Id, fetches, 101, "apigw", "no-cache (WebSocket)", clock.Elapsed.TotalMilliseconds));

        var buffer = new byte[128 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    break;
                }

                connection.LastActiveAt = DateTimeOffset.UtcNow;
                await OnMessage(connection, Encoding.UTF8.GetString(message.ToArray()), received.MessageType == WebSocketMessageType.Binary).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            connections.TryRemove(connection.Id, out _);
            await Disconnect(connection, (int?)socket.CloseStatus ?? 1006, socket.CloseStatusDescription ?? string.Empty).ConfigureAwait(false);
        }
    }

    private async Task OnMessage(Connection connection, string body, bool binary)
    {
        var clock = Stopwatch.StartNew();
        var fetches = new List<OriginFetch>();
        var key = SelectRoute(body);
        var route = api.Routes.FirstOrDefault(r => r.Key == key) ?? api.Routes.FirstOrDefault(r => r.Key == "$default");
        var requestId = Guid.NewGuid().ToString("N")[..16];
        int status;
        if (route is null)
        {
            status = 403;
            await connection.SendAsync(new JsonObject { ["message"] = "Forbidden", ["connectionId"] = connection.Id, ["requestId"] = requestId }.ToJsonString()).ConfigureAwait(false);
        }
        else
        {
            var messageEvent = Event(connection, route.Key, "MESSAGE", requestId);
            messageEvent["requestContext"]!["messageId"] = Guid.NewGuid().ToString("N")[..16];
            messageEvent["body"] = binary ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body;
            messageEvent["isBase64Encoded"] = binary;
            JsonNode? result;
            (status, result) = await Run(route, messageEvent, fetches).ConfigureAwait(false);
            if (status >= 500)
            {
                await connection.SendAsync(new JsonObject { ["message"] = "Internal server error", ["connectionId"] = connection.Id, ["requestId"] = requestId }.ToJsonString()).ConfigureAwait(false);
            }
            else if (route.TwoWay && result is not null)
            {
                // A route with a route response sends the integration's answer back on the connection.
                var reply = result is JsonObject o && o.ContainsKey("statusCode") ? (o["body"] is JsonValue b && b.TryGetValue<string>(out var s) ? s : o["body"]?.ToJsonString()) : result is JsonValue v && v.TryGetValue<string>(out var text) ? text : result.ToJsonString();
                if (reply is not null)
                {
                    await connection.SendAsync(reply).ConfigureAwait(false);
                }
            }
        }

        tracer.Record(new TraceEntry(DateTimeOffset.UtcNow, api.LogicalId, "MESSAGE", "/" + stage, "wss", route?.Key ?? "(no route)", $"selected '{key ?? "(none)"}'", fetches, status, "apigw", "no-cache (WebSocket)", clock.Elapsed.TotalMilliseconds));
    }

    /// <summary>The route key the selection expression picks from a message: <c>$request.body.a.b</c>, or null (then <c>$default</c>).</summary>
    private string? SelectRoute(string body)
    {
        const string Prefix = "$request.body.";
        var expression = api.RouteSelectionExpression ?? "$request.body.action";
        if (expression.StartsWith("${request.body.", StringComparison.Ordinal) && expression.EndsWith('}') && expression.IndexOf('}', StringComparison.Ordinal) == expression.Length - 1)
        {
            // The wrapped form of one variable, ${request.body.action}, picks the same value.
            expression = "$" + expression[2..^1];
        }

        if (!expression.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            JsonNode? node = JsonNode.Parse(body);
            foreach (var part in expression[Prefix.Length..].Split('.'))
            {
                node = node is JsonObject o ? o[part] : null;
            }

            return node is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task Disconnect(Connection connection, int code, string reason)
    {
        var route = api.Routes.FirstOrDefault(r => r.Key == "$disconnect");
        if (route is null)
        {
            return;
        }

        var fetches = new List<OriginFetch>();
        var disconnectEvent = Event(connection, "$disconnect", "DISCONNECT", null);
        disconnectEvent["requestContext"]!["disconnectStatusCode"] = code;
        disconnectEvent["requestContext"]!["disconnectReason"] = reason;
        disconnectEvent["headers"] = new JsonObject { ["Host"] = "127.0.0.1" };
        var (status, _) = await Run(route, disconnectEvent, fetches).ConfigureAwait(false);
        tracer.Record(new TraceEntry(DateTimeOffset.UtcNow, api.LogicalId, "DISCONNECT", "/" + stage, "wss", "$disconnect", "connection " + connection.Id, fetches, status, "apigw", "no-cache (WebSocket)", 0));
    }

    private async Task<(int Status, JsonNode? Result)> Run(ApiRoute route, JsonObject routeEvent, List<OriginFetch> fetches)
    {
        var integration = route.Integration;
        if (integration?.NotEmulated is { } missing)
        {
            fetches.Add(new OriginFetch("apigw", integration.LogicalId, 501, "not emulated: " + missing));
            return (501, null);
        }

        if (integration?.Function is not { } template)
        {
            fetches.Add(new OriginFetch("apigw", integration?.LogicalId ?? route.Key, 500, "no Lambda integration"));
            return (500, null);
        }

        var function = functions[template.FunctionId];
        var arn = ExecuteApiPermission.ExecuteApiArn(region, api.LogicalId, $"{stage}/{route.Key}");
        if (ExecuteApiPermission.Refusal(function, arn) is { } denied)
        {
            fetches.Add(new OriginFetch("lambda", function.FunctionId, 500, "refused by Lambda: " + denied));
            return (500, null);
        }

        var invocation = await ApiInvoker.InvokeAsync(workers, function, routeEvent, log).ConfigureAwait(false);
        var status = invocation.Error is not null ? 500 : invocation.Result is JsonObject o && o["statusCode"] is JsonValue code && code.TryGetValue<int>(out var c) ? c : 200;
        fetches.Add(new OriginFetch("lambda", function.FunctionId, status, invocation.Error is null ? null : "the function failed"));
        return (status, invocation.Result);
    }

    /// <summary>
    /// Runs <c>$connect</c>'s Lambda authorizer (rule <c>apigateway/websocket-lambda-authorizer</c>): a missing identity
    /// source is 401 without calling it, a Deny (or no Allow) for <c>{stage}/$connect</c> is 403, a failed call or an
    /// answer without a policy 500. An allowed connection keeps the authorizer's <c>context</c> and <c>principalId</c>
    /// for the <c>requestContext.authorizer</c> of every later event.
    /// </summary>
    private async Task<(int Status, string? Note, JsonObject? Granted)> Authorize(ApiAuthorizer authorizer, JsonObject connectEvent, HttpContext context, List<OriginFetch> fetches)
    {
        var function = functions[authorizer.Function!.FunctionId];
        var identities = authorizer.IdentitySource.Select(s => s switch
        {
            _ when s.StartsWith("route.request.header.", StringComparison.Ordinal) => context.Request.Headers[s["route.request.header.".Length..]].ToString(),
            _ when s.StartsWith("route.request.querystring.", StringComparison.Ordinal) => context.Request.Query[s["route.request.querystring.".Length..]].ToString(),
            _ => string.Empty,
        }).ToList();
        if (identities.Any(string.IsNullOrEmpty))
        {
            return (401, "authorizer: identity source missing", null);
        }

        if (ExecuteApiPermission.Refusal(function, ExecuteApiPermission.ExecuteApiArn(region, api.LogicalId, $"authorizers/{authorizer.LogicalId}")) is { } denied)
        {
            fetches.Add(new OriginFetch("lambda", function.FunctionId, 500, "refused by Lambda: " + denied));
            return (500, "authorizer invoke permission missing", null);
        }

        var methodArn = ExecuteApiPermission.ExecuteApiArn(region, api.LogicalId, $"{stage}/$connect");
        var authEvent = connectEvent.DeepClone().AsObject();
        authEvent["type"] = "REQUEST";
        authEvent["methodArn"] = methodArn;
        var invocation = await ApiInvoker.InvokeAsync(workers, function, authEvent, log).ConfigureAwait(false);
        if (invocation.Error is not null)
        {
            fetches.Add(new OriginFetch("lambda", function.FunctionId, 500, "authorizer failed"));
            return (500, "authorizer failed", null);
        }

        var decision = AuthorizerPolicy.Evaluate(invocation.Result, methodArn);
        fetches.Add(new OriginFetch("lambda", function.FunctionId, decision switch { AuthorizerDecision.Allow => 200, AuthorizerDecision.Deny => 403, _ => 500 }, decision == AuthorizerDecision.Invalid ? "authorizer answered without a policyDocument Statement" : "authorizer"));
        if (decision != AuthorizerDecision.Allow)
        {
            return decision == AuthorizerDecision.Deny ? (403, $"authorizer: denied {methodArn}", null) : (500, "authorizer: invalid response", null);
        }

        var granted = invocation.Result!["context"] is JsonObject authContext ? authContext.DeepClone().AsObject() : [];
        granted["principalId"] = invocation.Result["principalId"]?.DeepClone();
        return (200, "authorizer: allowed", granted);
    }

    private async Task Manage(HttpContext context, string connectionId)
    {
        var clock = Stopwatch.StartNew();
        var method = context.Request.Method;
        context.Response.Headers["x-preview-origin"] = "apigw";
        context.Response.Headers["x-preview-behavior"] = "@connections";
        int status;
        if (!connections.TryGetValue(connectionId, out var connection))
        {
            // GoneException: the client is not (or no longer) connected.
            status = 410;
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"message\":null}").ConfigureAwait(false);
        }
        else if (method == "POST")
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
            await connection.SendAsync(Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
            status = 200;
            context.Response.StatusCode = status;
        }
        else if (method == "DELETE")
        {
            await connection.CloseAsync().ConfigureAwait(false);
            status = 204;
            context.Response.StatusCode = status;
        }
        else if (method == "GET")
        {
            status = 200;
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject
            {
                ["ConnectedAt"] = connection.ConnectedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ["Identity"] = new JsonObject { ["SourceIp"] = connection.SourceIp, ["UserAgent"] = connection.UserAgent },
                ["LastActiveAt"] = connection.LastActiveAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            }.ToJsonString()).ConfigureAwait(false);
        }
        else
        {
            status = 405;
            context.Response.StatusCode = status;
        }

        tracer.Record(new TraceEntry(DateTimeOffset.UtcNow, api.LogicalId, method, context.Request.Path, "https", "@connections", "connection " + connectionId, [], status, "apigw", "no-cache (management API)", clock.Elapsed.TotalMilliseconds));
    }

    private JsonObject Event(Connection connection, string routeKey, string eventType, string? requestId)
    {
        var now = DateTimeOffset.UtcNow;
        var routeEvent = new JsonObject
        {
            ["requestContext"] = new JsonObject
            {
                ["routeKey"] = routeKey,
                ["eventType"] = eventType,
                ["extendedRequestId"] = requestId ?? Guid.NewGuid().ToString("N")[..16],
                ["requestTime"] = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                ["messageDirection"] = "IN",
                ["stage"] = stage,
                ["connectedAt"] = connection.ConnectedAt.ToUnixTimeMilliseconds(),
                ["requestTimeEpoch"] = now.ToUnixTimeMilliseconds(),
                ["identity"] = new JsonObject { ["sourceIp"] = connection.SourceIp, ["userAgent"] = connection.UserAgent },
                ["requestId"] = requestId ?? Guid.NewGuid().ToString("N")[..16],
                ["domainName"] = "127.0.0.1",
                ["connectionId"] = connection.Id,
                ["apiId"] = api.LogicalId,
            },
            ["isBase64Encoded"] = false,
        };
        if (connection.Authorizer is { } granted)
        {
            // What $connect's authorizer granted stays with the connection: every later route sees it.
            routeEvent["requestContext"]!["authorizer"] = granted.DeepClone();
        }

        return routeEvent;
    }

    // API Gateway's connection IDs are 12 base64 characters ending in '='.
    private static string NewConnectionId() => Convert.ToBase64String(Guid.NewGuid().ToByteArray())[..11].Replace('/', 'A').Replace('+', 'B') + "=";

    private sealed class Connection(string id, DateTimeOffset connectedAt, string sourceIp, string userAgent)
    {
        private readonly SemaphoreSlim sending = new(1, 1);

        public string Id => id;

        public DateTimeOffset ConnectedAt { get; } = connectedAt;

        public DateTimeOffset LastActiveAt { get; set; } = connectedAt;

        public string SourceIp => sourceIp;

        public string UserAgent => userAgent;

        public WebSocket? Socket { get; set; }

        /// <summary>What <c>$connect</c>'s authorizer granted (its context and principalId), or null without one.</summary>
        public JsonObject? Authorizer { get; set; }

        public async Task SendAsync(string text)
        {
            await sending.WaitAsync().ConfigureAwait(false);
            try
            {
                if (Socket is { State: WebSocketState.Open } socket)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
                }
            }
            finally
            {
                sending.Release();
            }
        }

        public async Task CloseAsync()
        {
            if (Socket is { State: WebSocketState.Open } socket)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by the management API", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
