using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.IAM;

namespace Astro.Aws.Apis.Http;

/// <summary>
/// The queue, bus and state machine routes: the subtype, the request parameters it requires (rule
/// <c>apigateway/service-integration</c>) merged with the caller's mapping (theirs win), and the grant of its role.
/// One shape for the three, although aws-cdk-lib 2.160 has a class for Step Functions only, so they merge alike.
/// </summary>
internal static class ServiceRoutes
{
    /// <summary>The parameters each subtype requires (API Gateway's integration subtype reference).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RequiredParameters = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["SQS-SendMessage"] = ["QueueUrl", "MessageBody"],
        ["EventBridge-PutEvents"] = ["Detail", "DetailType", "Source"],
        ["StepFunctions-StartExecution"] = ["StateMachineArn"],
    };

    public static ServiceIntegration Create(string id, ApiRoute route, ApiIntegrationOptions? options, string propName)
    {
        var (subtype, ours, grant) = route.Kind switch
        {
            ApiRouteKind.Queue => (HttpIntegrationSubtype.SQS_SEND_MESSAGE, new Dictionary<string, string> { ["QueueUrl"] = route.Queue!.QueueUrl, ["MessageBody"] = "$request.body" }, (Action<IRole>)(role => route.Queue.GrantSendMessages(role))),
            ApiRouteKind.EventBus => (HttpIntegrationSubtype.EVENTBRIDGE_PUT_EVENTS, EventParameters(route, propName), role => route.EventBus!.GrantPutEventsTo(role)),
            _ => (HttpIntegrationSubtype.STEPFUNCTIONS_START_EXECUTION, new Dictionary<string, string> { ["StateMachineArn"] = route.StateMachine!.StateMachineArn, ["Input"] = "$request.body" }, role => route.StateMachine.GrantStartExecution(role)),
        };
        var parameters = new Dictionary<string, string>(ours, StringComparer.Ordinal);
        foreach (var (key, value) in options?.ParameterMapping?.Mappings ?? new Dictionary<string, string>())
        {
            parameters[key] = value;
        }

        return new ServiceIntegration(id, subtype, parameters, grant, options?.Timeout);
    }

    private static Dictionary<string, string> EventParameters(ApiRoute route, string propName)
    {
        var (source, detailType) = (route.EventSource, route.EventDetailType);
        foreach (var (name, value) in new[] { ("source", source), ("detailType", detailType) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException(
                    $"{propName}: ApiRoute.FromEventBus received an empty {name}, but EventBridge requires an event's Source and DetailType. Give both, e.g. FromEventBus(bus, \"shop.orders\", \"OrderPlaced\").",
                    propName);
            }
        }

        return new Dictionary<string, string>
        {
            ["EventBusName"] = route.EventBus!.EventBusName,
            ["Source"] = source!,
            ["DetailType"] = detailType!,
            ["Detail"] = "$request.body",
        };
    }
}
