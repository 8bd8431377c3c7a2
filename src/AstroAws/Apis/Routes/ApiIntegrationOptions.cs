using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;

namespace Astro.Aws;

/// <summary>How API Gateway calls the integration of a URL, ALB or NLB route (HTTP API).</summary>
public sealed class ApiIntegrationOptions
{
    /// <summary>The HTTP method API Gateway sends the integration.</summary>
    /// <value>Default: the method of the request (<c>ANY</c>).</value>
    public Amazon.CDK.AWS.Apigatewayv2.HttpMethod? Method { get; init; }

    /// <summary>Changes API Gateway makes to the request before sending it (headers, query string, path) and to the response.</summary>
    /// <value>Default: none; the request goes through as received.</value>
    public ParameterMapping? ParameterMapping { get; init; }

    /// <summary>How long API Gateway waits for the integration, between 50 milliseconds and 30 seconds.</summary>
    /// <value>Default: 30 seconds, HTTP APIs' maximum.</value>
    public Duration? Timeout { get; init; }
}
