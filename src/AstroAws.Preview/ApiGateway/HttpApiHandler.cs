using System.Diagnostics;
using System.Text.Json.Nodes;
using Astro.Aws.Preview.Origins;
using Astro.Aws.Preview.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Astro.Aws.Preview.ApiGateway;

/// <summary>
/// Serves one HTTP API the way API Gateway would: stage, CORS preflight, route selection, authorizer, the route's
/// integration (Lambda proxy 1.0/2.0 with the function's resource policy, or a URL), CORS headers on the answer, and
/// the trace headers (<c>x-preview-origin: apigw</c>, <c>x-preview-behavior: route key</c>).
/// </summary>
internal sealed class HttpApiHandler(ApiModel api, string region, Func<LambdaFunction, LambdaWorker> workers, JwtChecker? jwt, HttpClient proxyClient, Tracer tracer, TextWriter log)
{
    public ApiModel Api => api;

    public async Task HandleAsync(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? raw : raw[..question];
        var rawQuery = question < 0 ? string.Empty : raw[(question + 1)..];
        var fetches = new List<OriginFetch>();
        string? note = null;
        var behavior = "-";
        PreviewResponse response;

        var firstSegment = path.TrimStart('/').Split('/')[0];
        var stage = api.Stages.FirstOrDefault(s => s != "$default" && s == firstSegment) ?? (api.Stages.Contains("$default") ? "$default" : null);
        if (stage is null)
        {
            response = HttpApiEvents.Message(404, "Not Found");
            note = "no stage matches and there is no $default stage";
        }
        else
        {
            var routePath = stage == "$default" ? path : path[(stage.Length + 1)..];
            if (routePath.Length == 0)
            {
                routePath = "/";
            }

            var request = await Request(context, api.LogicalId, stage, path, rawQuery).ConfigureAwait(false);
            var origin = request.Header("origin");
            if (api.Cors is { } cors && request.Method == "OPTIONS" && origin is not null && request.Header("access-control-request-method") is not null)
            {
                // API Gateway answers the preflight itself, even without an OPTIONS route.
                behavior = "(cors preflight)";
                response = new PreviewResponse { Status = 204, AnsweredBy = "apigw" };
                AddCors(response, cors, origin, preflight: true);
            }
            else
            {
                var match = RouteMatcher.Match(api.Routes, request.Method, routePath);
                if (match is null)
                {
                    response = HttpApiEvents.Message(404, "Not Found");
                    note = "no route matches";
                }
                else
                {
                    behavior = match.Route.Key;
                    (response, note) = await Route(match, request, fetches).ConfigureAwait(false);
                }

                if (api.Cors is { } c && origin is not null)
                {
                    foreach (var name in response.Headers.Keys.Where(k => k.StartsWith("access-control-", StringComparison.OrdinalIgnoreCase)).ToList())
                    {
                        // With a CORS configuration, API Gateway ignores the integration's own CORS headers.
                        response.Headers.Remove(name);
                    }

                    AddCors(response, c, origin, preflight: false);
                }
            }
        }

        response.Set("x-preview-origin", "apigw");
        response.Set("x-preview-behavior", behavior);
        response.Set("apigw-requestid", Guid.NewGuid().ToString("N")[..16]);
        await Write(context, response).ConfigureAwait(false);
        tracer.Record(new TraceEntry(DateTimeOffset.UtcNow, api.LogicalId, context.Request.Method, raw, "https", behavior, note, fetches, response.Status, "apigw", "no-cache (API Gateway does not cache HTTP APIs)", clock.Elapsed.TotalMilliseconds));
    }

    private async Task<(PreviewResponse Response, string? Note)> Route(RouteMatch match, ApiRequest request, List<OriginFetch> fetches)
    {
        var route = match.Route;
        var integration = route.Integration;
        var version = integration?.PayloadFormatVersion ?? "2.0";
        JsonObject? authorizerContext = null;
        string? note = null;
        switch (route.AuthorizationType)
        {
            case "JWT" when route.Authorizer is { } authorizer:
                if (jwt is null)
                {
                    note = "JWT not checked (no --jwks)";
                    break;
                }

                var identity = Identity(authorizer.IdentitySource.FirstOrDefault() ?? "$request.header.Authorization", request, match);
                var (claims, status, error) = jwt.Check(identity, authorizer, route.Scopes, DateTimeOffset.UtcNow);
                if (claims is null)
                {
                    var refused = HttpApiEvents.Message(status, status == 403 ? "Forbidden" : "Unauthorized");
                    refused.Set("www-authenticate", $"Bearer scope=\"{string.Join(' ', route.Scopes)}\" error=\"{(status == 403 ? "insufficient_scope" : "invalid_token")}\" error_description=\"{error}\"");
                    return (refused, "jwt: " + error);
                }

                note = "jwt: valid";
                var granted = JwtChecker.Scopes(claims);
                var scopes = granted.Count == 0 ? null : granted;
                authorizerContext = version == "1.0"
                    ? new JsonObject { ["claims"] = claims, ["scopes"] = scopes is null ? null : new JsonArray([.. scopes.Select(s => (JsonNode)s)]) }
                    : new JsonObject { ["jwt"] = new JsonObject { ["claims"] = claims, ["scopes"] = scopes is null ? null : new JsonArray([.. scopes.Select(s => (JsonNode)s)]) } };
                break;
            case "CUSTOM" when route.Authorizer is { Function: not null } authorizer:
                var (allowed, refusal, context, authNote) = await LambdaAuthorizer(authorizer, match, request, version, fetches).ConfigureAwait(false);
                if (!allowed)
                {
                    return (refusal!, authNote);
                }

                note = authNote;
                authorizerContext = context;
                break;
            case "AWS_IAM":
                note = "IAM authorization not checked";
                break;
        }

        if (integration is null)
        {
            return (HttpApiEvents.InternalServerError(), Join(note, "the route has no integration target"));
        }

        if (integration.NotEmulated is { } missing)
        {
            fetches.Add(new OriginFetch("apigw", integration.LogicalId, 501, "not emulated: " + missing));
            return (HttpApiEvents.Message(501, $"astroaws preview does not emulate {missing} ({integration.LogicalId})."), Join(note, "not emulated"));
        }

        if (integration.Function is { } function)
        {
            var resource = route.Key == "$default" ? "$default" : $"{request.Method}{route.Path}";
            var arn = ExecuteApiPermission.ExecuteApiArn(region, api.LogicalId, $"{request.Stage}/{resource}");
            if (ExecuteApiPermission.Refusal(function, arn) is { } denied)
            {
                fetches.Add(new OriginFetch("lambda", function.FunctionId, 500, "refused by Lambda: " + denied));
                return (HttpApiEvents.InternalServerError(), Join(note, "invoke permission missing"));
            }

            var resourcePath = route.Key == "$default" ? "$default" : route.Path;
            var lambdaEvent = version == "1.0"
                ? HttpApiEvents.Version1(request, route.Key, resourcePath, match.PathParameters, authorizerContext)
                : HttpApiEvents.Version2(request, route.Key, match.PathParameters, authorizerContext);
            var invocation = await ApiInvoker.InvokeAsync(workers, function, lambdaEvent, log).ConfigureAwait(false);
            var response = invocation.Error is null ? HttpApiEvents.Response(invocation.Result, version) : HttpApiEvents.InternalServerError();
            fetches.Add(new OriginFetch("lambda", function.FunctionId, response.Status, invocation.Error is null ? $"payload {version}" : "the function failed"));
            return (response, note);
        }

        return (await Proxy(integration.Uri!, route, match, request, fetches).ConfigureAwait(false), note);
    }

    private async Task<(bool Allowed, PreviewResponse? Refusal, JsonObject? Context, string Note)> LambdaAuthorizer(ApiAuthorizer authorizer, RouteMatch match, ApiRequest request, string version, List<OriginFetch> fetches)
    {
        var function = authorizer.Function!;
        var identities = authorizer.IdentitySource.Select(s => Identity(s, request, match)).ToList();
        if (identities.Count > 0 && identities.Any(string.IsNullOrEmpty))
        {
            return (false, HttpApiEvents.Message(401, "Unauthorized"), null, "authorizer: identity source missing");
        }

        var arn = ExecuteApiPermission.ExecuteApiArn(region, api.LogicalId, $"authorizers/{authorizer.LogicalId}");
        if (ExecuteApiPermission.Refusal(function, arn) is { } denied)
        {
            fetches.Add(new OriginFetch("lambda", function.FunctionId, 500, "refused by Lambda: " + denied));
            return (false, HttpApiEvents.InternalServerError(), null, "authorizer invoke permission missing");
        }

        // The route ARN names the request's own method and path (below the stage), not the route key's template.
        var path = request.Stage == "$default" ? request.Path : request.Path[(request.Stage.Length + 1)..];
        var routeArn = ExecuteApiPermission.ExecuteApiArn(region, api.LogicalId, $"{request.Stage}/{request.Method}{(path.Length == 0 ? "/" : path)}");
        JsonObject authEvent;
        if (authorizer.PayloadFormatVersion == "2.0")
        {
            authEvent = HttpApiEvents.Version2(request, match.Route.Key, match.PathParameters, null);
            authEvent["type"] = "REQUEST";
            authEvent["routeArn"] = routeArn;
            authEvent["identitySource"] = new JsonArray([.. identities.Select(i => (JsonNode)i!)]);
        }
        else
        {
            authEvent = HttpApiEvents.Version1(request, match.Route.Key, match.Route.Path, match.PathParameters, null);
            authEvent["type"] = "REQUEST";
            authEvent["methodArn"] = routeArn;
            authEvent["identitySource"] = string.Join(',', identities);
            authEvent["authorizationToken"] = identities.FirstOrDefault();
        }

        var invocation = await ApiInvoker.InvokeAsync(workers, function, authEvent, log).ConfigureAwait(false);
        if (invocation.Error is not null)
        {
            fetches.Add(new OriginFetch("lambda", function.FunctionId, 500, "authorizer failed"));
            return (false, HttpApiEvents.InternalServerError(), null, "authorizer failed");
        }

        var decision = authorizer.SimpleResponses
            ? (invocation.Result as JsonObject)?["isAuthorized"] is JsonValue verdict && verdict.TryGetValue<bool>(out var isAuthorized)
                ? (isAuthorized ? AuthorizerDecision.Allow : AuthorizerDecision.Deny)
                : AuthorizerDecision.Invalid
            : AuthorizerPolicy.Evaluate(invocation.Result, routeArn);
        if (decision == AuthorizerDecision.Invalid)
        {
            // An answer in the wrong format is API Gateway's 500, like a failed invocation.
            fetches.Add(new OriginFetch("lambda", function.FunctionId, 500, authorizer.SimpleResponses ? "authorizer answered without a boolean isAuthorized" : "authorizer answered without a policyDocument Statement"));
            return (false, HttpApiEvents.InternalServerError(), null, "authorizer: invalid response");
        }

        fetches.Add(new OriginFetch("lambda", function.FunctionId, decision == AuthorizerDecision.Allow ? 200 : 403, "authorizer"));
        if (decision == AuthorizerDecision.Deny)
        {
            return (false, HttpApiEvents.Message(403, "Forbidden"), null, $"authorizer: denied {routeArn}");
        }

        var result = invocation.Result!.AsObject();
        var context = result["context"]?.DeepClone() as JsonObject ?? [];
        if (version == "1.0")
        {
            if (result["principalId"] is { } principal)
            {
                context["principalId"] = principal.DeepClone();
            }

            return (true, null, context, "authorizer: allowed");
        }

        return (true, null, new JsonObject { ["lambda"] = context }, "authorizer: allowed");
    }

    private async Task<PreviewResponse> Proxy(string uri, ApiRoute route, RouteMatch match, ApiRequest request, List<OriginFetch> fetches)
    {
        // $default and greedy routes pass the rest of the path on; {name} placeholders in the URI are filled in.
        var target = uri;
        foreach (var (name, value) in match.PathParameters)
        {
            target = target.Replace("{" + name + "}", value, StringComparison.Ordinal).Replace("{" + name + "+}", value, StringComparison.Ordinal);
        }

        if (route.Key == "$default")
        {
            target = target.TrimEnd('/') + request.Path;
        }

        if (request.RawQuery.Length > 0)
        {
            target += (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + request.RawQuery;
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), target);
        if (request.Body.Length > 0)
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        foreach (var (name, values) in request.Headers.Where(h => h.Key is not ("host" or "content-length" or "connection" or "transfer-encoding")))
        {
            if (!message.Headers.TryAddWithoutValidation(name, values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, values);
            }
        }

        try
        {
            using var answer = await proxyClient.SendAsync(message).ConfigureAwait(false);
            var response = new PreviewResponse { Status = (int)answer.StatusCode, AnsweredBy = "apigw", Body = await answer.Content.ReadAsByteArrayAsync().ConfigureAwait(false) };
            foreach (var header in answer.Headers.Concat(answer.Content.Headers))
            {
                response.Headers[header.Key] = [.. header.Value];
            }

            fetches.Add(new OriginFetch("http", target, response.Status));
            return response;
        }
        catch (HttpRequestException e)
        {
            fetches.Add(new OriginFetch("http", target, 500, e.Message));
            return HttpApiEvents.InternalServerError();
        }
    }

    // An identity source or JWT token location: $request.header.X, $request.querystring.X, $context.X (only the route key).
    private static string? Identity(string source, ApiRequest request, RouteMatch match)
    {
        const string Header = "$request.header.", Query = "$request.querystring.";
        if (source.StartsWith(Header, StringComparison.Ordinal))
        {
            return request.Header(source[Header.Length..].ToLowerInvariant());
        }

        if (source.StartsWith(Query, StringComparison.Ordinal))
        {
            var values = request.Query().Where(q => q.Name == source[Query.Length..]).Select(q => q.Value).ToList();
            return values.Count > 0 ? string.Join(',', values) : null;
        }

        return source == "$context.routeKey" ? match.Route.Key : null;
    }

    private static void AddCors(PreviewResponse response, ApiCors cors, string origin, bool preflight)
    {
        var allowOrigin = cors.AllowOrigins.Contains("*") ? "*" : cors.AllowOrigins.FirstOrDefault(o => string.Equals(o, origin, StringComparison.OrdinalIgnoreCase)) is not null ? origin : null;
        if (allowOrigin is null)
        {
            return;
        }

        response.Set("access-control-allow-origin", allowOrigin);
        if (cors.AllowCredentials)
        {
            response.Set("access-control-allow-credentials", "true");
        }

        if (preflight)
        {
            if (cors.AllowMethods.Count > 0)
            {
                response.Set("access-control-allow-methods", string.Join(',', cors.AllowMethods));
            }

            if (cors.AllowHeaders.Count > 0)
            {
                response.Set("access-control-allow-headers", string.Join(',', cors.AllowHeaders));
            }

            if (cors.MaxAge is { } maxAge)
            {
                response.Set("access-control-max-age", maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        else if (cors.ExposeHeaders.Count > 0)
        {
            response.Set("access-control-expose-headers", string.Join(',', cors.ExposeHeaders));
        }
    }

    private static string? Join(string? a, string b) => a is null ? b : a + "; " + b;

    private static async Task<ApiRequest> Request(HttpContext context, string apiId, string stage, string path, string rawQuery)
    {
        var headers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var header in context.Request.Headers.Where(h => !h.Key.StartsWith(':')))
        {
            headers[header.Key.ToLowerInvariant()] = [.. header.Value.Select(v => v ?? string.Empty)];
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        return new ApiRequest(
            apiId,
            stage,
            context.Request.Method,
            path,
            rawQuery,
            headers,
            buffer.ToArray(),
            context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
            context.Request.Host.Value ?? "127.0.0.1");
    }

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase) { "connection", "transfer-encoding", "keep-alive", "content-length" };

    private static async Task Write(HttpContext context, PreviewResponse response)
    {
        context.Response.StatusCode = response.Status;
        foreach (var (name, values) in response.Headers.Where(h => !HopByHop.Contains(h.Key)))
        {
            context.Response.Headers.Append(name, values.ToArray());
        }

        context.Response.ContentLength = response.Body.Length;
        if (context.Request.Method != "HEAD" && response.Body.Length > 0)
        {
            await context.Response.Body.WriteAsync(response.Body).ConfigureAwait(false);
        }
    }
}
