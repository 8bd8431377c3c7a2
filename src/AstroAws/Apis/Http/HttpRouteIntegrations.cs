using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Astro.Aws.Apis.Common;
using Astro.Aws.Apis.Functions;
using Astro.Aws.Apis.Routes;
using Constructs;

namespace Astro.Aws.Apis.Http;

/// <summary>What a route value becomes: an integration, and the function behind it when there is one.</summary>
internal sealed record HttpRouteTarget(HttpRouteIntegration Integration, IFunction? Function);

/// <summary>Creates the integration (and, for handler routes, the function) of one HTTP API route.</summary>
internal static class HttpRouteIntegrations
{
    public static HttpRouteTarget Create(Construct scope, RouteKey key, ApiRoute route, ApiDefaults? defaults, string propName)
    {
        var id = ConstructIds.ForRoute(key);
        CheckPayloadFormatVersion(route, propName);
        var options = CheckIntegrationOptions(route, propName);
        switch (route.Kind)
        {
            case ApiRouteKind.Url:
                CheckUrl(route.Url, propName);
                return new HttpRouteTarget(new HttpUrlIntegration(id, route.Url!, new HttpUrlIntegrationProps { Method = options?.Method, ParameterMapping = options?.ParameterMapping, Timeout = options?.Timeout }), null);
            case ApiRouteKind.Alb:
                return new HttpRouteTarget(new HttpAlbIntegration(id, route.AlbListener!, new HttpAlbIntegrationProps { Method = options?.Method, ParameterMapping = options?.ParameterMapping, Timeout = options?.Timeout }), null);
            case ApiRouteKind.Nlb:
                return new HttpRouteTarget(new HttpNlbIntegration(id, route.NlbListener!, new HttpNlbIntegrationProps { Method = options?.Method, ParameterMapping = options?.ParameterMapping, Timeout = options?.Timeout }), null);
            case ApiRouteKind.Queue or ApiRouteKind.EventBus or ApiRouteKind.StateMachine:
                return new HttpRouteTarget(ServiceRoutes.Create(id, route, options, propName), null);
            default:
                var function = route.Function ?? RouteFunctionFactory.Create(scope, $"{id}Function", route.Handler, defaults?.Function, route.FunctionProps, propName);
                var integration = new HttpLambdaIntegration(id, function, new HttpLambdaIntegrationProps
                {
                    PayloadFormatVersion = route.PayloadFormatVersion ?? defaults?.PayloadFormatVersion ?? PayloadFormatVersion.VERSION_2_0,
                });
                return new HttpRouteTarget(integration, function);
        }
    }

    /// <summary>
    /// API Gateway takes 1.0 or 2.0 for Lambda proxy integrations and only 1.0 for every other kind, which CDK sets
    /// itself (rule <c>apigateway/integration</c>); a version on a route that is not a Lambda would be ignored.
    /// </summary>
    private static void CheckPayloadFormatVersion(ApiRoute route, string propName)
    {
        if (route.PayloadFormatVersion is not { } version || Token.IsUnresolved(version.Version))
        {
            return;
        }

        if (route.Kind is not (ApiRouteKind.Handler or ApiRouteKind.Function or ApiRouteKind.GraphQL))
        {
            throw new ArgumentException(
                $"{propName}.PayloadFormatVersion: received {version.Version} on a {route.Kind} route, but only Lambda integrations have a choice of payload format (other integrations take 1.0, which CDK sets). Remove PayloadFormatVersion.",
                $"{propName}.PayloadFormatVersion");
        }

        CheckLambdaVersion(version, propName);
    }

    /// <summary>API Gateway takes 1.0 or 2.0 for Lambda proxy integrations (the API-wide default is checked with it).</summary>
    public static void CheckLambdaVersion(PayloadFormatVersion version, string propName)
    {
        if (!Token.IsUnresolved(version.Version) && version.Version is not ("1.0" or "2.0"))
        {
            throw new ArgumentException(
                $"{propName}.PayloadFormatVersion: received '{version.Version}', but API Gateway supports only 1.0 and 2.0 for Lambda integrations. Use PayloadFormatVersion.VERSION_2_0 (the default) or VERSION_1_0.",
                $"{propName}.PayloadFormatVersion");
        }
    }

    /// <summary>Options only URL, ALB and NLB integrations take, with a timeout HTTP APIs allow (rule apigateway/integration).</summary>
    private static ApiIntegrationOptions? CheckIntegrationOptions(ApiRoute route, string propName)
    {
        if (route.Integration is not { } options)
        {
            return null;
        }

        if (route.Kind is not (ApiRouteKind.Url or ApiRouteKind.Alb or ApiRouteKind.Nlb or ApiRouteKind.Queue or ApiRouteKind.EventBus or ApiRouteKind.StateMachine))
        {
            throw new ArgumentException(
                $"{propName}.Integration: received integration options on a {route.Kind} route, but they apply to URL, ALB, NLB, queue, bus and state machine routes only; a Lambda route's timeout is its function's Timeout. Remove Integration.",
                $"{propName}.Integration");
        }

        if (options.Method is { } method && route.Kind is ApiRouteKind.Queue or ApiRouteKind.EventBus or ApiRouteKind.StateMachine)
        {
            throw new ArgumentException(
                $"{propName}.Integration.Method: received {method}, but a {route.Kind} route calls an AWS action, which has no HTTP method to choose. Remove Method.",
                $"{propName}.Integration.Method");
        }

        if (options.Timeout is { } timeout && timeout.ToMilliseconds() is < 50 or > 30_000)
        {
            throw new ArgumentException(
                $"{propName}.Integration.Timeout: received {timeout.ToMilliseconds()} ms, but HTTP APIs wait between 50 ms and 30 seconds for an integration (a limit that cannot be raised). Give a timeout in that range.",
                $"{propName}.Integration.Timeout");
        }

        return options;
    }

    private static void CheckUrl(string? url, string propName)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            throw new ArgumentException($"{propName}: '{url}' is not an absolute http(s) URL. Give the full URL to proxy to, e.g. \"https://api.example.com/{{proxy}}\".", propName);
        }
    }
}
