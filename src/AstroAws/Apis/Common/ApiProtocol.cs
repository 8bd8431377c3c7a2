namespace Astro.Aws;

/// <summary>The operator spec's <c>protocolType</c>; each API construct accepts only its own.</summary>
public enum ApiProtocol
{
    /// <summary>API Gateway v2 HTTP API: <see cref="AstroHttpApi"/>.</summary>
    Http,

    /// <summary>API Gateway v2 WebSocket API: <see cref="AstroWebSocketApi"/>.</summary>
    WebSocket,

    /// <summary>API Gateway v1 REST API: not served by these constructs (use <c>Amazon.CDK.AWS.APIGateway.RestApi</c>).</summary>
    Rest,
}

/// <summary>The operator spec's <c>endpointType</c>; API Gateway v2 APIs are regional only.</summary>
public enum ApiEndpointType
{
    /// <summary>Regional: the only endpoint type of HTTP and WebSocket APIs.</summary>
    Regional,

    /// <summary>Edge-optimized: REST APIs only. Put CloudFront in front of a regional API instead.</summary>
    Edge,

    /// <summary>Private: REST APIs only. Reach private backends through a VPC link instead.</summary>
    Private,
}
