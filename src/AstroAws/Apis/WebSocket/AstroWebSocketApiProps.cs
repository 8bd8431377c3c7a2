using Amazon.CDK.AWS.Route53;

namespace Astro.Aws;

/// <summary>Properties of <see cref="AstroWebSocketApi"/>.</summary>
public sealed class AstroWebSocketApiProps
{
    /// <summary>
    /// Routes: <c>"$connect"</c>, <c>"$disconnect"</c>, <c>"$default"</c> or a custom action (<c>"sendMessage"</c>) →
    /// a handler string, <see cref="ApiRoute.FromFunction"/> or <see cref="ApiRoute.FromFunctionProps"/>.
    /// </summary>
    /// <value>Default: none; add routes later with <see cref="AstroWebSocketApi.AddRoutes(IReadOnlyDictionary{string, ApiRoute})"/>.</value>
    public IReadOnlyDictionary<string, ApiRoute>? Routes { get; init; }

    /// <summary>Which part of a message picks the custom route: the message's <c>action</c> field by default.</summary>
    /// <value>Default: <c>$request.body.action</c>.</value>
    public string? RouteSelectionExpression { get; init; }

    /// <summary>Settings every route starts from.</summary>
    /// <value>Default: see <see cref="WebSocketApiDefaults"/>.</value>
    public WebSocketApiDefaults? Defaults { get; init; }

    /// <summary>
    /// The authorizer of the <c>$connect</c> route (WebSocket APIs authorize the connection, not each message):
    /// <see cref="ApiAuthorizer.Lambda"/> or <see cref="ApiAuthorizer.Iam"/>.
    /// </summary>
    /// <value>Default: none; anyone may connect.</value>
    public ApiAuthorizer? Authorizer { get; init; }

    /// <summary>The name of the stage the API is deployed to (it is part of every URL).</summary>
    /// <value>Default: <c>prod</c>.</value>
    public string? StageName { get; init; }

    /// <summary>Access logging of the stage; <see cref="ApiAccessLog.Off"/> turns it off.</summary>
    /// <value>Default: on, JSON with the WebSocket fields (eventType, connectionId, connectedAt, ...), a log group kept one month.</value>
    /// <remarks>
    /// WebSocket stages log only when the account's API Gateway settings name a CloudWatch Logs role; without one the
    /// deployment fails with "CloudWatch Logs role ARN must be set in account settings to enable logging". So while logs
    /// are on, the stack sets that role (see <see cref="CloudWatchRole"/>).
    /// </remarks>
    public ApiAccessLog? AccessLog { get; init; }

    /// <summary>
    /// Whether this stack sets the account's (per region) API Gateway CloudWatch Logs role, which WebSocket access logs
    /// need: a role with <c>AmazonAPIGatewayPushToCloudWatchLogs</c> and an <c>AWS::ApiGateway::Account</c> pointing at it,
    /// one per stack, both kept when the stack is deleted (other APIs in the region log with them). Set false when the
    /// account already has the role; the stage then relies on it.
    /// </summary>
    /// <value>Default: true while access logs are on, false when <see cref="AccessLog"/> is <see cref="ApiAccessLog.Off"/>.</value>
    public bool? CloudWatchRole { get; init; }

    /// <summary>A custom domain (a string or an <see cref="ApiDomain"/>), mapped to the stage; clients connect to <c>wss://domain/path</c>.</summary>
    /// <value>Default: none; the API answers at its execute-api URL.</value>
    public ApiDomain? CustomDomain { get; init; }

    /// <summary>The hosted zone for a custom domain given as a string.</summary>
    /// <value>Default: none.</value>
    public IHostedZone? HostedZone { get; init; }

    /// <summary>
    /// Turns off the execute-api URL, so clients connect only on the custom domain (which is then required). The
    /// management (callback) URL stays on execute-api: route functions keep working.
    /// </summary>
    /// <value>Default: false.</value>
    public bool? DisableExecuteApiEndpoint { get; init; }

    /// <summary>Tags for the API and every resource it creates that takes tags.</summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>What happens to every resource of the API when it leaves the stack.</summary>
    /// <value>Default: <see cref="ApiDeletionPolicy.Delete"/>.</value>
    public ApiDeletionPolicy? DeletionPolicy { get; init; }

    /// <summary>The operator spec's protocol; only <see cref="ApiProtocol.WebSocket"/> is accepted here.</summary>
    /// <value>Default: <see cref="ApiProtocol.WebSocket"/>.</value>
    public ApiProtocol? Protocol { get; init; }

    /// <summary>The operator spec's endpoint type; only <see cref="ApiEndpointType.Regional"/> exists for WebSocket APIs.</summary>
    /// <value>Default: <see cref="ApiEndpointType.Regional"/>.</value>
    public ApiEndpointType? EndpointType { get; init; }

    /// <summary>
    /// Not supported: WebSocket APIs have no CORS (browsers do not apply CORS to WebSocket connections). Setting it is
    /// refused; check the <c>Origin</c> header in your <c>$connect</c> function instead.
    /// </summary>
    /// <value>Default: none. Any value is refused.</value>
    public ApiCors? Cors { get; init; }

    /// <summary>The API's name.</summary>
    /// <value>Default: the construct's ID.</value>
    public string? ApiName { get; init; }

    /// <summary>CDK props for the API and its stage, or an existing API and stage to adopt.</summary>
    /// <value>Default: see <see cref="AstroWebSocketApiCdkProps"/>; the API and its stage are created.</value>
    public AstroWebSocketApiCdkProps? Cdk { get; init; }
}

/// <summary>Settings every route of a WebSocket API starts from; a route's own settings win.</summary>
public sealed class WebSocketApiDefaults
{
    /// <summary>Function props merged under every route's function (a route's <see cref="ApiRoute.FunctionProps"/> win).</summary>
    /// <value>Default: arm64, 1024 MB, 10 seconds, Node.js 24.</value>
    public ApiFunctionProps? Function { get; init; }

    /// <summary>Throttling of the stage (a route's <see cref="ApiRoute.Throttle"/> wins for that route).</summary>
    /// <value>Default: the account's limits.</value>
    public ApiThrottle? Throttle { get; init; }
}
