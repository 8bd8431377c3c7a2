namespace Astro.Aws.Rules.ApiGateway;

/// <summary>WebSocket (and REST) stages log only once the account names a CloudWatch Logs role for API Gateway.</summary>
internal sealed class WebSocketLogRoleRule : AwsRule
{
    public override string Id => "apigateway/websocket-logs-need-account-role";

    public override string Summary => "A WebSocket stage that logs (access logs, or a logging level) depends on an AWS::ApiGateway::Account that sets the region's CloudWatch Logs role, unless its author vouches for the account's setting.";

    public override string Source => "https://github.com/anomalyco/sst/issues/1556 (\"CloudWatch Logs role ARN must be set in account settings to enable logging\"); https://github.com/aws/aws-cdk/pull/33977; https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        var accounts = template.OfType("AWS::ApiGateway::Account").Select(a => a.LogicalId).ToHashSet(StringComparer.Ordinal);
        foreach (var stage in template.OfType("AWS::ApiGatewayV2::Stage").Where(s => ApiGatewayApis.IsWebSocket(template, s)))
        {
            var logs = stage.Property("AccessLogSettings") is not null
                || CfnTemplate.Text(stage.Property("DefaultRouteSettings", "LoggingLevel")) is "ERROR" or "INFO"
                || CfnTemplate.Bool(stage.Property("DefaultRouteSettings", "DataTraceEnabled")) == true;
            var vouched = stage.Raw["Metadata"]?[Apis.WebSocket.AccountLogRole.ProvidedMetadataKey] is not null;
            if (logs && !vouched && !stage.DependsOn.Any(accounts.Contains))
            {
                yield return new RuleFinding(stage.LogicalId, "it logs, but the stack sets no API Gateway CloudWatch Logs role (AWS::ApiGateway::Account) for it to wait for: in an account without one, the deploy fails with \"CloudWatch Logs role ARN must be set in account settings to enable logging\".");
            }
        }
    }
}
