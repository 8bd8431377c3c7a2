using Amazon.CDK.AWS.Route53;

namespace Astro.Aws;

/// <summary>Properties of <see cref="AstroHttpApi"/>.</summary>
public sealed class AstroHttpApiProps
{
    /// <summary>Routes: <c>"METHOD /path"</c> or <c>"$default"</c> → what answers (see <see cref="ApiRoute"/>).</summary>
    /// <value>Default: none; add routes later with <see cref="AstroHttpApi.AddRoutes(IReadOnlyDictionary{string, ApiRoute})"/>.</value>
    public IReadOnlyDictionary<string, ApiRoute>? Routes { get; init; }

    /// <summary>Settings every route starts from.</summary>
    /// <value>Default: see <see cref="ApiDefaults"/>.</value>
    public ApiDefaults? Defaults { get; init; }

    /// <summary>Named authorizers routes refer to; <c>"none"</c> and <c>"iam"</c> are reserved.</summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, ApiAuthorizer>? Authorizers { get; init; }

    /// <summary>CORS; <see cref="ApiCors.Off"/> turns it off.</summary>
    /// <value>Default: on, all origins, methods and headers, no credentials.</value>
    public ApiCors? Cors { get; init; }

    /// <summary>Access logging of the default stage; <see cref="ApiAccessLog.Off"/> turns it off.</summary>
    /// <value>Default: on, JSON, a log group kept one month.</value>
    public ApiAccessLog? AccessLog { get; init; }

    /// <summary>A custom domain (a string or an <see cref="ApiDomain"/>).</summary>
    /// <value>Default: none; the API answers at its execute-api URL.</value>
    public ApiDomain? CustomDomain { get; init; }

    /// <summary>The hosted zone for a custom domain given as a string.</summary>
    /// <value>Default: none.</value>
    public IHostedZone? HostedZone { get; init; }

    /// <summary>
    /// Named stages besides <c>$default</c>, each auto-deployed with its own throttling and variables. Access logs, per-route
    /// throttling and the custom domain mapping apply to <c>$default</c> only.
    /// </summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, ApiStageOptions>? Stages { get; init; }

    /// <summary>Stage variables of the default stage.</summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, string>? StageVariables { get; init; }

    /// <summary>Turns off the execute-api URL, so the API answers only on its custom domain (which is then required).</summary>
    /// <value>Default: false.</value>
    public bool? DisableExecuteApiEndpoint { get; init; }

    /// <summary>Tags for the API and every resource it creates.</summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>What happens to every resource of the API when it leaves the stack.</summary>
    /// <value>Default: <see cref="ApiDeletionPolicy.Delete"/>.</value>
    public ApiDeletionPolicy? DeletionPolicy { get; init; }

    /// <summary>The operator spec's protocol; only <see cref="ApiProtocol.Http"/> is accepted here.</summary>
    /// <value>Default: <see cref="ApiProtocol.Http"/>.</value>
    public ApiProtocol? Protocol { get; init; }

    /// <summary>The operator spec's endpoint type; only <see cref="ApiEndpointType.Regional"/> exists for HTTP APIs.</summary>
    /// <value>Default: <see cref="ApiEndpointType.Regional"/>.</value>
    public ApiEndpointType? EndpointType { get; init; }

    /// <summary>The API's name.</summary>
    /// <value>Default: a name unique to the construct's path in the app (e.g. <c>MyStackApi1A2B3C4D</c>).</value>
    public string? ApiName { get; init; }

    /// <summary>CDK props for the API and its <c>$default</c> stage, or an existing API and stage to adopt.</summary>
    /// <value>Default: see <see cref="AstroHttpApiCdkProps"/>; the API and its stage are created.</value>
    public AstroHttpApiCdkProps? Cdk { get; init; }
}

/// <summary>Settings every route of an API starts from; a route's own settings win.</summary>
public sealed class ApiDefaults
{
    /// <summary>Function props merged under every route's function (a route's <see cref="ApiRoute.FunctionProps"/> win).</summary>
    /// <value>Default: arm64, 1024 MB, 10 seconds, Node.js 24.</value>
    public ApiFunctionProps? Function { get; init; }

    /// <summary>The authorizer of routes that name none: <c>"none"</c>, <c>"iam"</c> or a name from <c>Authorizers</c>.</summary>
    /// <value>Default: <c>"none"</c>.</value>
    public string? Authorizer { get; init; }

    /// <summary>Scopes of routes that name none.</summary>
    /// <value>Default: none.</value>
    public IReadOnlyList<string>? AuthorizationScopes { get; init; }

    /// <summary>Throttling of the default stage.</summary>
    /// <value>Default: the account's limits.</value>
    public ApiThrottle? Throttle { get; init; }

    /// <summary>The payload format of Lambda routes that set none (<see cref="ApiRoute.PayloadFormatVersion"/> wins); other route kinds have none.</summary>
    /// <value>Default: <see cref="Amazon.CDK.AWS.Apigatewayv2.PayloadFormatVersion.VERSION_2_0"/>.</value>
    public Amazon.CDK.AWS.Apigatewayv2.PayloadFormatVersion? PayloadFormatVersion { get; init; }
}

/// <summary>A named stage of an HTTP API.</summary>
public sealed class ApiStageOptions
{
    /// <summary>Throttling of the stage.</summary>
    /// <value>Default: the account's limits.</value>
    public ApiThrottle? Throttle { get; init; }

    /// <summary>Stage variables.</summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, string>? StageVariables { get; init; }
}
