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

    /// <summary>The UUID at the end of the stack's ID (arn:...:stack/name/uuid): new for every stack created with the same name.</summary>
    private static string StackUuid => Fn.Select(2, Fn.Split("/", Amazon.CDK.Aws.STACK_ID));

    /// <summary>Sets the stage's access logs and returns the log group it created, if any.</summary>
    public static LogGroup? Apply(Construct scope, string logGroupId, CfnStage stage, ApiAccessLog? accessLog, string defaultFormat, string propName)
    {
        var settings = accessLog ?? new ApiAccessLog();
        if (!settings.Enabled)
        {
            return null;
        }

        if (settings.Format is { } format && !Token.IsUnresolved(format)
            && !format.Contains("$context.requestId", StringComparison.Ordinal) && !format.Contains("$context.extendedRequestId", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"{propName}.Format: received '{format}', which has no $context.requestId; API Gateway enables access logging only with it (rule apigateway/stage). Add \"requestId\":\"$context.requestId\" to the format.",
                $"{propName}.Format");
        }

        LogGroup? created = null;
        var destination = settings.Destination;
        if (destination is null)
        {
            // Under /aws/vendedlogs/ CloudWatch needs no resource policy per log group, which keeps the account's policy small.
            created = new LogGroup(scope, logGroupId, new LogGroupProps
            {
                // The stack's own ID ends the name: the API's DeletionPolicy may retain the group, and a retained group
                // with a name fixed at synthesis would make the next deploy of the stack fail with "already exists"
                // (rule logs/log-group).
                LogGroupName = $"/aws/vendedlogs/apis/{Names.UniqueId(scope)}-{logGroupId}-{StackUuid}",
                Retention = settings.Retention ?? RetentionDays.ONE_MONTH,
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
