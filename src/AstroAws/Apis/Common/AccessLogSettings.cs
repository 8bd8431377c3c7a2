using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace Astro.Aws.Apis.Common;

/// <summary>
/// Access logs of a stage. aws-cdk-lib 2.160 has no L2 prop for them, so they are set on the stage's
/// <see cref="CfnStage"/> (the documented escape hatch).
/// </summary>
internal static class AccessLogSettings
{
    public const string HttpFormat =
        """{"requestTime":"$context.requestTime","requestId":"$context.requestId","httpMethod":"$context.httpMethod","path":"$context.path","routeKey":"$context.routeKey","status":$context.status,"responseLatency":$context.responseLatency,"integrationRequestId":"$context.integration.requestId","integrationStatus":"$context.integration.status","integrationLatency":"$context.integration.latency","integrationServiceStatus":"$context.integration.integrationStatus","ip":"$context.identity.sourceIp","userAgent":"$context.identity.userAgent"}""";

    public const string WebSocketFormat =
        """{"requestTime":"$context.requestTime","requestId":"$context.requestId","eventType":"$context.eventType","routeKey":"$context.routeKey","status":$context.status,"connectionId":"$context.connectionId","connectedAt":"$context.connectedAt","integrationRequestId":"$context.integration.requestId","integrationStatus":"$context.integration.status","integrationLatency":"$context.integration.latency","integrationServiceStatus":"$context.integration.integrationStatus","ip":"$context.identity.sourceIp","userAgent":"$context.identity.userAgent"}""";

    /// <summary>Sets the stage's access logs and returns the log group it created, if any.</summary>
    public static LogGroup? Apply(Construct scope, string logGroupId, CfnStage stage, ApiAccessLog? accessLog, string defaultFormat)
    {
        var settings = accessLog ?? new ApiAccessLog();
        if (!settings.Enabled)
        {
            return null;
        }

        LogGroup? created = null;
        var destination = settings.Destination;
        if (destination is null)
        {
            // Under /aws/vendedlogs/ CloudWatch needs no resource policy per log group, which keeps the account's policy small.
            created = new LogGroup(scope, logGroupId, new LogGroupProps
            {
                LogGroupName = $"/aws/vendedlogs/apis/{Names.UniqueId(scope)}-{logGroupId}",
                Retention = settings.Retention ?? RetentionDays.ONE_MONTH,

                // It has a fixed name, so a kept one would block the next deploy; the API's DeletionPolicy can still retain it.
                RemovalPolicy = RemovalPolicy.DESTROY,
            });
            destination = created;
        }

        stage.AccessLogSettings = new CfnStage.AccessLogSettingsProperty
        {
            DestinationArn = destination.LogGroupArn,
            Format = settings.Format ?? defaultFormat,
        };
        return created;
    }
}
