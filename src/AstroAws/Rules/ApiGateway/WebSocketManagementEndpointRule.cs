using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.ApiGateway;

/// <summary>With the execute-api endpoint off, the management API answers only on the custom domain.</summary>
internal sealed class WebSocketManagementEndpointRule : AwsRule
{
    private const string Variable = AstroWebSocketApi.CallbackUrlVariable;

    public override string Id => "apigateway/websocket-management-endpoint";

    public override string Summary => "When a WebSocket API disables its execute-api endpoint, the callback URL its functions post to connections with is the custom domain and base path (no stage), not execute-api, which then answers Forbidden.";

    public override string Source => "AWS CLI reference, apigatewaymanagementapi (\"or will be the endpoint corresponding to your API's custom domain and base path, if applicable\"); https://github.com/aws/aws-sdk-net/issues/1860 (execute-api answers {\"message\":\"Forbidden\"} once disabled); https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-disable-default-endpoint.html";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        var disabled = template.OfType("AWS::ApiGatewayV2::Api")
            .Where(a => ApiGatewayApis.Protocol(a) == "WEBSOCKET" && CfnTemplate.Bool(a.Property("DisableExecuteApiEndpoint")) == true)
            .Select(a => a.LogicalId)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var function in template.OfType("AWS::Lambda::Function"))
        {
            var url = function.Property("Environment", "Variables", Variable);
            if (url is not null && CfnTemplate.ReferencedIds(url).Any(disabled.Contains) && url.ToJsonString().Contains("execute-api", StringComparison.Ordinal))
            {
                yield return new RuleFinding(function.LogicalId, $"its {Variable} is the execute-api endpoint of a WebSocket API that disables it, so posting to connections answers Forbidden. Use the custom domain and base path.");
            }
        }
    }
}
