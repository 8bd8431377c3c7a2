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
        switch (route.Kind)
        {
            case ApiRouteKind.Url:
                CheckUrl(route.Url, propName);
                return new HttpRouteTarget(new HttpUrlIntegration(id, route.Url!), null);
            case ApiRouteKind.Alb:
                return new HttpRouteTarget(new HttpAlbIntegration(id, route.AlbListener!), null);
            case ApiRouteKind.Nlb:
                return new HttpRouteTarget(new HttpNlbIntegration(id, route.NlbListener!), null);
            default:
                var function = route.Function ?? RouteFunctionFactory.Create(scope, $"{id}Function", route.Handler, defaults?.Function, route.FunctionProps, propName);
                var integration = new HttpLambdaIntegration(id, function, new HttpLambdaIntegrationProps
                {
                    PayloadFormatVersion = route.PayloadFormatVersion ?? PayloadFormatVersion.VERSION_2_0,
                });
                return new HttpRouteTarget(integration, function);
        }
    }

    private static void CheckUrl(string? url, string propName)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            throw new ArgumentException($"{propName}: '{url}' is not an absolute http(s) URL. Give the full URL to proxy to, e.g. \"https://api.example.com/{{proxy}}\".", propName);
        }
    }
}
