namespace Astro.Aws.Apis.Common;

/// <summary>The operator spec's protocol and endpoint type, refused with what to use instead.</summary>
internal static class ApiSpecChecks
{
    public static void Check(string propsType, ApiProtocol expected, ApiProtocol? protocol, ApiEndpointType? endpointType)
    {
        if (protocol is { } given && given != expected)
        {
            var instead = given switch
            {
                ApiProtocol.Rest => $"REST APIs are API Gateway v1: use Amazon.CDK.AWS.APIGateway.RestApi, or leave Protocol unset for {(expected == ApiProtocol.WebSocket ? "a WebSocket" : "an HTTP")} API",
                ApiProtocol.WebSocket => "use AstroWebSocketApi for a WebSocket API",
                _ => "use AstroHttpApi for an HTTP API",
            };
            throw new ArgumentException($"{propsType}.Protocol: received {given}, but this construct makes a {expected} API; {instead}.", $"{propsType}.Protocol");
        }

        if (endpointType is { } type && type != ApiEndpointType.Regional)
        {
            var instead = type == ApiEndpointType.Edge
                ? "put a CloudFront distribution in front of the regional API (e.g. an AstroAws AdditionalBehaviors entry) for edge caching"
                : expected == ApiProtocol.WebSocket
                    ? "keep the API regional and call private backends from the route functions (a Lambda in the VPC), or use a REST API for a private endpoint"
                    : "keep the API regional and reach private backends through a VPC link (ApiRoute.FromAlb / FromNlb), or use a REST API for a private endpoint";
            throw new ArgumentException(
                $"{propsType}.EndpointType: received {type}, but API Gateway v2 APIs are regional only; {instead}. Leave EndpointType unset or Regional.",
                $"{propsType}.EndpointType");
        }
    }

    /// <summary>The operator spec's <c>disableExecuteApiEndpoint</c>: without a custom domain nothing could reach the API.</summary>
    public static void CheckReachable(string propsType, bool? disableExecuteApiEndpoint, ApiDomain? customDomain)
    {
        if (disableExecuteApiEndpoint == true && customDomain is null)
        {
            throw new ArgumentException(
                $"{propsType}.DisableExecuteApiEndpoint: true without a CustomDomain leaves the API unreachable. Set CustomDomain, or leave the execute-api endpoint on.",
                $"{propsType}.DisableExecuteApiEndpoint");
        }
    }
}
