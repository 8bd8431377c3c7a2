namespace Astro.Aws.Rules.ApiGateway;

/// <summary>Integrations: the payload format versions API Gateway has, and its integration timeouts.</summary>
internal sealed class IntegrationRule : AwsRule
{
    public override string Id => "apigateway/integration";

    public override string Summary => "An HTTP API Lambda proxy integration has PayloadFormatVersion 1.0 or 2.0 (every other kind 1.0), and TimeoutInMillis is 50-30,000 on HTTP APIs and 50-29,000 on WebSocket APIs.";

    public override string Source => "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html (\"The supported values are 1.0 and 2.0\"); API Gateway v2 API reference, Integration.TimeoutInMillis (\"between 50 and 29,000 milliseconds for WebSocket APIs and between 50 and 30,000 milliseconds for HTTP APIs\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var integration in template.OfType("AWS::ApiGatewayV2::Integration"))
        {
            var webSocket = ApiGatewayApis.IsWebSocket(template, integration);
            var version = CfnTemplate.Text(integration.Property("PayloadFormatVersion"));
            var proxy = CfnTemplate.Text(integration.Property("IntegrationType")) == "AWS_PROXY";
            if (!webSocket && version is not null && !(proxy ? version is "1.0" or "2.0" : version == "1.0"))
            {
                yield return new RuleFinding(integration.LogicalId, $"its PayloadFormatVersion is {version}; API Gateway supports {(proxy ? "1.0 and 2.0 for Lambda proxy integrations" : "only 1.0 for this kind of integration")}.");
            }

            var max = webSocket ? 29_000 : 30_000;
            if (CfnTemplate.Number(integration.Property("TimeoutInMillis")) is { } timeout && (timeout < 50 || timeout > max))
            {
                yield return new RuleFinding(integration.LogicalId, $"its TimeoutInMillis is {timeout}; {(webSocket ? "WebSocket" : "HTTP")} APIs accept 50-{max}.");
            }
        }
    }
}
