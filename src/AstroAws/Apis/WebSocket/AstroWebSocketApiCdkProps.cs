using Amazon.CDK.AWS.Apigatewayv2;

namespace Astro.Aws;

/// <summary>
/// CDK props passed through to the WebSocket API and its stage, or an existing API and stage to adopt instead of
/// creating them. A property that one of our own props already covers is refused with the prop to use.
/// </summary>
public sealed class AstroWebSocketApiCdkProps
{
    /// <summary>
    /// Props of the WebSocket API we create, merged onto ours (yours win): <c>Description</c> and
    /// <c>ApiKeySelectionExpression</c>. <c>ApiName</c>, <c>RouteSelectionExpression</c> and the
    /// <c>$connect</c>/<c>$disconnect</c>/<c>$default</c> route options are refused with the
    /// <see cref="AstroWebSocketApiProps"/> prop that sets them.
    /// </summary>
    /// <value>Default: none.</value>
    public IWebSocketApiProps? WebSocketApi { get; init; }

    /// <summary>A WebSocket API to add the routes to instead of creating one: yours or an imported one (<c>WebSocketApi.FromWebSocketApiAttributes(...)</c>).</summary>
    /// <value>Default: a WebSocket API is created.</value>
    public IWebSocketApi? ExistingWebSocketApi { get; init; }

    /// <summary>Options of the stage we create, merged onto ours (yours win): <c>AutoDeploy</c> and <c>Description</c>; <c>Throttle</c> and <c>DomainMapping</c> are refused (use <c>Defaults.Throttle</c> and <c>CustomDomain</c>).</summary>
    /// <value>Default: none (auto-deployed).</value>
    public IStageOptions? Stage { get; init; }

    /// <summary>
    /// A stage of <see cref="ExistingWebSocketApi"/> that serves the routes instead of one we create. It must deploy
    /// automatically for new routes to be served; its throttling and access logs are its owner's.
    /// </summary>
    /// <value>Default: a stage named <see cref="AstroWebSocketApiProps.StageName"/> is created.</value>
    public IWebSocketStage? ExistingStage { get; init; }
}
