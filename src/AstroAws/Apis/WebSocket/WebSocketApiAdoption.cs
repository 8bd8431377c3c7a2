using Amazon.CDK.AWS.Apigatewayv2;
using Astro.Aws.Apis.Common;

namespace Astro.Aws.Apis.WebSocket;

/// <summary>
/// What <see cref="AstroWebSocketApiProps.Cdk"/> may set: the CDK properties our props already cover (refused, with
/// the prop to use), and what an adopted API or stage leaves to its owner.
/// </summary>
internal static class WebSocketApiAdoption
{
    private const string PropsType = "AstroWebSocketApiProps";

    /// <summary>The <see cref="IWebSocketApiProps"/> our props cover: each is refused with what to set instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> CoveredApiProps = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(IWebSocketApiProps.ApiName)] = $"{PropsType}.ApiName names the API. Set it there.",
        [nameof(IWebSocketApiProps.RouteSelectionExpression)] = $"{PropsType}.RouteSelectionExpression sets it, checked. Set it there.",
        [nameof(IWebSocketApiProps.ConnectRouteOptions)] = $"routes come from the routes map. Add Routes[\"$connect\"] (and set {PropsType}.Authorizer for its authorizer).",
        [nameof(IWebSocketApiProps.DisconnectRouteOptions)] = "routes come from the routes map. Add Routes[\"$disconnect\"].",
        [nameof(IWebSocketApiProps.DefaultRouteOptions)] = "routes come from the routes map. Add Routes[\"$default\"].",
    };

    /// <summary>The <see cref="IStageOptions"/> of the stage our props cover.</summary>
    public static readonly IReadOnlyDictionary<string, string> CoveredStageOptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(IStageOptions.Throttle)] = $"{PropsType}.Defaults.Throttle sets it, checked against API Gateway's limits. Set it there.",
        [nameof(IStageOptions.DomainMapping)] = $"{PropsType}.CustomDomain maps the stage (ApiDomain.FromDomainName for a domain that exists). Set it there.",
    };

    public static void Check(AstroWebSocketApiProps props)
    {
        var cdk = props.Cdk;
        if (cdk?.ExistingWebSocketApi is not null)
        {
            PropRefusal.When(cdk.WebSocketApi is not null, PropsType, "Cdk.WebSocketApi", "props for the API to create", "an existing API is adopted as it is. Remove Cdk.WebSocketApi, or Cdk.ExistingWebSocketApi to create the API");
            PropRefusal.When(props.ApiName is not null, PropsType, "ApiName", $"'{props.ApiName}'", "an adopted API keeps its name. Remove ApiName");
            PropRefusal.When(props.RouteSelectionExpression is not null, PropsType, "RouteSelectionExpression", $"'{props.RouteSelectionExpression}'", "an adopted API keeps its route selection expression. Remove it, and set it where the API is created");
            PropRefusal.When(props.DisableExecuteApiEndpoint is not null, PropsType, "DisableExecuteApiEndpoint", $"{props.DisableExecuteApiEndpoint}", "an adopted API keeps its endpoint setting. Remove it, and set it where the API is created");
        }

        if (cdk?.ExistingStage is { } stage)
        {
            PropRefusal.When(cdk.ExistingWebSocketApi is null, PropsType, "Cdk.ExistingStage", $"the stage '{stage.StageName}'", "a stage of an API the construct creates cannot exist yet. Also pass its API as Cdk.ExistingWebSocketApi, or remove the stage");
            PropRefusal.When(cdk.Stage is not null, PropsType, "Cdk.Stage", "options for the stage to create", "an existing stage is adopted as it is. Remove Cdk.Stage");
            PropRefusal.When(props.StageName is not null, PropsType, "StageName", $"'{props.StageName}'", "the adopted stage has its own name. Remove StageName");
            PropRefusal.When(props.Defaults?.Throttle is not null, PropsType, "Defaults.Throttle", "throttling", "an adopted stage keeps its throttling. Set it where the stage is created, or remove it");
            PropRefusal.When(props.AccessLog is { Enabled: true }, PropsType, "AccessLog", "access log settings", "an adopted stage keeps its access logs. Set them where the stage is created, or remove AccessLog");
            PropRefusal.When(props.CloudWatchRole is not null, PropsType, "CloudWatchRole", $"{props.CloudWatchRole}", "the account's logging role serves access logs, which an adopted stage keeps as its owner set them. Remove CloudWatchRole");
        }
    }
}
