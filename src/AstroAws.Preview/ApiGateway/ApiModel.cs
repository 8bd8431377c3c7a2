using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;
using Astro.Aws.Preview.Origins;

namespace Astro.Aws.Preview.ApiGateway;

/// <summary>An <c>AWS::ApiGatewayV2::Integration</c>: a Lambda function (AWS_PROXY without a subtype), a URL (HTTP_PROXY), or something not emulated.</summary>
/// <param name="NotEmulated">Why the preview cannot run this integration (a service integration, a VPC link), or null.</param>
public sealed record ApiIntegration(string LogicalId, string Type, string? Subtype, string? Uri, string PayloadFormatVersion, LambdaFunction? Function, string? NotEmulated);

/// <summary>An <c>AWS::ApiGatewayV2::Authorizer</c>.</summary>
public sealed record ApiAuthorizer(
    string LogicalId,
    string Type,
    IReadOnlyList<string> IdentitySource,
    string? Issuer,
    IReadOnlyList<string> Audience,
    LambdaFunction? Function,
    bool SimpleResponses,
    string PayloadFormatVersion);

/// <summary>An <c>AWS::ApiGatewayV2::Route</c>: <c>METHOD /path</c> or <c>$default</c> (HTTP), or a WebSocket route key.</summary>
/// <param name="TwoWay">WebSocket: the route has a route response, so the integration's answer goes back to the client.</param>
public sealed record ApiRoute(string Key, string AuthorizationType, ApiAuthorizer? Authorizer, IReadOnlyList<string> Scopes, ApiIntegration? Integration, bool TwoWay)
{
    public string Method => Key.Contains(' ', StringComparison.Ordinal) ? Key[..Key.IndexOf(' ', StringComparison.Ordinal)] : "ANY";

    public string Path => Key.Contains(' ', StringComparison.Ordinal) ? Key[(Key.IndexOf(' ', StringComparison.Ordinal) + 1)..] : Key;
}

/// <summary>CORS of an HTTP API (<c>CorsConfiguration</c>).</summary>
public sealed record ApiCors(IReadOnlyList<string> AllowOrigins, IReadOnlyList<string> AllowMethods, IReadOnlyList<string> AllowHeaders, IReadOnlyList<string> ExposeHeaders, bool AllowCredentials, int? MaxAge);

/// <summary>An API Gateway v2 API of the stack, with its stages, routes, integrations and authorizers, read from the template.</summary>
public sealed class ApiModel
{
    private ApiModel(string logicalId, string protocol, string? routeSelectionExpression, ApiCors? cors, IReadOnlyList<string> stages, IReadOnlyList<ApiRoute> routes, IReadOnlyList<string> warnings)
    {
        LogicalId = logicalId;
        Protocol = protocol;
        RouteSelectionExpression = routeSelectionExpression;
        Cors = cors;
        Stages = stages;
        Routes = routes;
        Warnings = warnings;
    }

    public string LogicalId { get; }

    /// <summary><c>HTTP</c> or <c>WEBSOCKET</c>.</summary>
    public string Protocol { get; }

    public string? RouteSelectionExpression { get; }

    public ApiCors? Cors { get; }

    /// <summary>The stage names (<c>$default</c> serves at the root).</summary>
    public IReadOnlyList<string> Stages { get; }

    public IReadOnlyList<ApiRoute> Routes { get; }

    public IReadOnlyList<string> Warnings { get; }

    public static IReadOnlyList<ApiModel> ReadAll(CloudAssembly assembly) =>
        [.. assembly.ResourcesOfType("AWS::ApiGatewayV2::Api").Select(a => Read(assembly, a.LogicalId, a.Resource))];

    private static ApiModel Read(CloudAssembly assembly, string apiId, JsonObject resource)
    {
        var intrinsics = new Intrinsics(assembly);
        var properties = resource["Properties"]!;
        var protocol = (string?)properties["ProtocolType"] ?? "HTTP";
        var warnings = new List<string>();
        if (properties["Body"] is not null || properties["BodyS3Location"] is not null)
        {
            warnings.Add($"{apiId} is defined by an OpenAPI body: only the template's Route resources are emulated.");
        }

        bool OfThisApi(JsonObject r) => (string?)r["Properties"]?["ApiId"]?["Ref"] == apiId;
        var stages = assembly.ResourcesOfType("AWS::ApiGatewayV2::Stage").Where(s => OfThisApi(s.Resource))
            .Select(s => (string?)s.Resource["Properties"]!["StageName"] ?? "$default").ToList();
        if (properties["Target"] is not null)
        {
            // Quick create: the API gets a $default stage of its own.
            stages.Add("$default");
        }

        var functions = new Dictionary<string, LambdaFunction>(StringComparer.Ordinal);
        LambdaFunction? Function(JsonNode? uri, string where)
        {
            var id = FunctionId(uri, assembly);
            if (id is null)
            {
                return null;
            }

            if (!functions.TryGetValue(id, out var function))
            {
                function = LambdaFunction.ReadFunction(assembly, id);
                functions[id] = function;
                warnings.AddRange(function.Warnings);
            }

            return function;
        }

        var integrations = new Dictionary<string, ApiIntegration>(StringComparer.Ordinal);
        foreach (var (id, integration) in assembly.ResourcesOfType("AWS::ApiGatewayV2::Integration").Where(i => OfThisApi(i.Resource)))
        {
            var p = integration["Properties"]!;
            var type = (string?)p["IntegrationType"] ?? "AWS_PROXY";
            var subtype = (string?)p["IntegrationSubtype"];
            string? notEmulated = null;
            LambdaFunction? function = null;
            string? uri = null;
            if ((string?)p["ConnectionType"] == "VPC_LINK")
            {
                notEmulated = "a private integration through a VPC link";
            }
            else if (subtype is not null)
            {
                notEmulated = $"the AWS service integration {subtype}";
            }
            else if (type == "AWS_PROXY")
            {
                function = Function(p["IntegrationUri"], id);
                notEmulated = function is null ? $"an AWS_PROXY integration whose IntegrationUri {p["IntegrationUri"]?.ToJsonString()} is not a function of this stack" : null;
            }
            else if (type == "HTTP_PROXY")
            {
                try
                {
                    uri = intrinsics.String(p["IntegrationUri"], id);
                }
                catch (PreviewException e)
                {
                    notEmulated = e.Message;
                }
            }
            else
            {
                notEmulated = $"the {type} integration type";
            }

            if (notEmulated is not null)
            {
                warnings.Add($"{id}: {notEmulated} is not emulated; its routes answer 501.");
            }

            // HTTP APIs default to 1.0 for a URL and require a version for Lambda; WebSocket Lambda events have one shape.
            integrations[id] = new ApiIntegration(id, type, subtype, uri, (string?)p["PayloadFormatVersion"] ?? "1.0", function, notEmulated);
        }

        var authorizers = new Dictionary<string, ApiAuthorizer>(StringComparer.Ordinal);
        foreach (var (id, authorizer) in assembly.ResourcesOfType("AWS::ApiGatewayV2::Authorizer").Where(a => OfThisApi(a.Resource)))
        {
            var p = authorizer["Properties"]!;
            var jwt = p["JwtConfiguration"];
            var type = (string?)p["AuthorizerType"] ?? "JWT";
            authorizers[id] = new ApiAuthorizer(
                id,
                type,
                [.. (p["IdentitySource"] as JsonArray ?? []).Select(s => (string)s!)],
                jwt?["Issuer"] is { } issuer ? intrinsics.String(issuer, id) : null,
                [.. (jwt?["Audience"] as JsonArray ?? []).Select(a => intrinsics.String(a, id))],
                type == "REQUEST" ? Function(p["AuthorizerUri"], id) : null,
                (bool?)p["EnableSimpleResponses"] == true,
                (string?)p["AuthorizerPayloadFormatVersion"] ?? "1.0");
        }

        var twoWay = assembly.ResourcesOfType("AWS::ApiGatewayV2::RouteResponse").Where(r => OfThisApi(r.Resource))
            .Select(r => (string?)r.Resource["Properties"]!["RouteId"]?["Ref"]).ToHashSet(StringComparer.Ordinal);
        var routes = new List<ApiRoute>();
        foreach (var (id, route) in assembly.ResourcesOfType("AWS::ApiGatewayV2::Route").Where(r => OfThisApi(r.Resource)))
        {
            var p = route["Properties"]!;
            var target = p["Target"] is { } t ? intrinsics.String(t, id) : null;
            var integrationId = target?.StartsWith("integrations/", StringComparison.Ordinal) == true ? target["integrations/".Length..] : null;
            var authorizerId = (string?)p["AuthorizerId"]?["Ref"];
            routes.Add(new ApiRoute(
                (string)p["RouteKey"]!,
                (string?)p["AuthorizationType"] ?? "NONE",
                authorizerId is not null ? authorizers.GetValueOrDefault(authorizerId) : null,
                [.. (p["AuthorizationScopes"] as JsonArray ?? []).Select(s => (string)s!)],
                integrationId is not null ? integrations.GetValueOrDefault(integrationId) : null,
                twoWay.Contains(id) || p["RouteResponseSelectionExpression"] is not null));
        }

        foreach (var route in routes.Where(r => r.AuthorizationType == "AWS_IAM"))
        {
            warnings.Add($"{route.Key}: the IAM authorizer is not checked (SigV4 signatures are not verified); requests pass.");
        }

        var corsNode = properties["CorsConfiguration"];
        ApiCors? cors = corsNode is null ? null : new ApiCors(
            Strings(corsNode["AllowOrigins"]),
            Strings(corsNode["AllowMethods"]),
            Strings(corsNode["AllowHeaders"]),
            Strings(corsNode["ExposeHeaders"]),
            (bool?)corsNode["AllowCredentials"] == true,
            (int?)corsNode["MaxAge"]);
        return new ApiModel(apiId, protocol, (string?)properties["RouteSelectionExpression"], cors, stages.Distinct(StringComparer.Ordinal).ToList(), routes, warnings);
    }

    private static List<string> Strings(JsonNode? node) => [.. (node as JsonArray ?? []).Select(n => (string)n!)];

    /// <summary>The function an integration or authorizer URI names: <c>Fn::GetAtt [fn, Arn]</c>, or the <c>.../functions/{arn}/invocations</c> form.</summary>
    private static string? FunctionId(JsonNode? uri, CloudAssembly assembly)
    {
        var id = uri switch
        {
            JsonObject o when o["Fn::GetAtt"] is JsonArray att && (string?)att[1] == "Arn" => (string?)att[0],
            JsonObject o when o["Ref"] is JsonValue r => (string?)r,
            JsonObject o when o["Fn::Join"] is JsonArray join => join[1]!.AsArray().Select(p => FunctionId(p, assembly)).FirstOrDefault(f => f is not null),
            _ => null,
        };
        return id is not null && (string?)assembly.Resources[id]?["Type"] == "AWS::Lambda::Function" ? id : null;
    }
}
