using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Lambda;

namespace Astro.Aws;

/// <summary>What answers a route of <see cref="AstroHttpApi"/> or <see cref="AstroWebSocketApi"/>.</summary>
public enum ApiRouteKind
{
    /// <summary>A Lambda created from a handler string (<c>"src/list.main"</c>).</summary>
    Handler,

    /// <summary>An existing Lambda function.</summary>
    Function,

    /// <summary>A public HTTP(S) URL, proxied.</summary>
    Url,

    /// <summary>An Application Load Balancer listener, through a VPC link.</summary>
    Alb,

    /// <summary>A Network Load Balancer listener, through a VPC link.</summary>
    Nlb,

    /// <summary>One Lambda that serves GraphQL on both GET and POST of the route's path.</summary>
    GraphQL,
}

/// <summary>
/// The value of a route: a handler string (implicitly, <c>["GET /notes"] = "src/list.main"</c>), a function, function
/// props, a URL, a load balancer listener or a GraphQL server; plus per-route settings set with <c>with { ... }</c>.
/// </summary>
/// <remarks>
/// <para>A Node.js handler string <c>"src/list.main"</c> names the export <c>main</c> of <c>src/list.mjs</c> (or
/// <c>.js</c>, <c>.cjs</c>), found under the code root: <see cref="ApiFunctionProps.CodeRoot"/> when set, else the
/// current directory (where <c>cdk synth</c> runs, as SST resolves against the project root). The handler's first folder
/// (<c>src</c>) is the deployment package, so a handler can import files beside it.</para>
/// <para>A .NET handler string is the Lambda form <c>"Assembly::Namespace.Type::Method"</c>; its code is the folder
/// given by <see cref="ApiFunctionProps.CodeRoot"/> (the output of <c>dotnet publish</c>, holding <c>Assembly.dll</c>),
/// and its runtime .NET 8.</para>
/// </remarks>
public sealed record ApiRoute
{
    private ApiRoute(ApiRouteKind kind) => Kind = kind;

    /// <summary>What answers the route.</summary>
    public ApiRouteKind Kind { get; }

    /// <summary>The handler string, for <see cref="ApiRouteKind.Handler"/> and handler-based GraphQL routes.</summary>
    public string? Handler { get; private init; }

    /// <summary>The function, for <see cref="ApiRouteKind.Function"/> and function-based GraphQL routes.</summary>
    public IFunction? Function { get; private init; }

    /// <summary>The URL, for <see cref="ApiRouteKind.Url"/>.</summary>
    public string? Url { get; private init; }

    /// <summary>The listener, for <see cref="ApiRouteKind.Alb"/>.</summary>
    public IApplicationListener? AlbListener { get; private init; }

    /// <summary>The listener, for <see cref="ApiRouteKind.Nlb"/>.</summary>
    public INetworkListener? NlbListener { get; private init; }

    /// <summary>Props for the function this route creates, merged over the API's <c>Defaults.Function</c> (yours win).</summary>
    /// <value>Default: the API's defaults.</value>
    public ApiFunctionProps? FunctionProps { get; init; }

    /// <summary>The authorizer: <c>"none"</c>, <c>"iam"</c>, or the name of one in the API's <c>Authorizers</c>.</summary>
    /// <value>Default: the API's <c>Defaults.Authorizer</c>, else none.</value>
    public string? Authorizer { get; init; }

    /// <summary>OAuth scopes a JWT or user pool authorizer requires on this route.</summary>
    /// <value>Default: the API's <c>Defaults.AuthorizationScopes</c>.</value>
    public IReadOnlyList<string>? AuthorizationScopes { get; init; }

    /// <summary>The Lambda payload format version (HTTP API Lambda routes).</summary>
    /// <value>Default: <see cref="PayloadFormatVersion.VERSION_2_0"/>.</value>
    public PayloadFormatVersion? PayloadFormatVersion { get; init; }

    /// <summary>The method, parameter mapping and timeout of a URL, ALB or NLB route's integration (HTTP API).</summary>
    /// <value>Default: the request's method, no mapping, 30 seconds.</value>
    public ApiIntegrationOptions? Integration { get; init; }

    /// <summary>Throttling of this route on the default stage (HTTP API).</summary>
    /// <value>Default: the stage's throttling.</value>
    public ApiThrottle? Throttle { get; init; }

    /// <summary>Whether the route sends the integration's response back to the client (WebSocket API).</summary>
    /// <value>Default: false.</value>
    public bool? ReturnResponse { get; init; }

    /// <summary>A handler string: <c>"src/list.main"</c> (Node.js) or <c>"Assembly::Namespace.Type::Method"</c> (.NET).</summary>
    public static implicit operator ApiRoute(string handler) => FromHandler(handler);

    /// <inheritdoc cref="op_Implicit(string)"/>
    public static ApiRoute FromHandler(string handler) => new(ApiRouteKind.Handler) { Handler = handler };

    /// <summary>Function props whose <see cref="ApiFunctionProps.Handler"/> names the handler.</summary>
    public static ApiRoute FromFunctionProps(ApiFunctionProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        return new(ApiRouteKind.Handler) { Handler = props.Handler, FunctionProps = props };
    }

    /// <summary>An existing function.</summary>
    public static ApiRoute FromFunction(IFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new(ApiRouteKind.Function) { Function = function };
    }

    /// <summary>A public HTTP(S) URL the route proxies to (HTTP API).</summary>
    public static ApiRoute FromUrl(string url) => new(ApiRouteKind.Url) { Url = url };

    /// <summary>An Application Load Balancer listener in a VPC, reached through a VPC link (HTTP API).</summary>
    public static ApiRoute FromAlb(IApplicationListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return new(ApiRouteKind.Alb) { AlbListener = listener };
    }

    /// <summary>A Network Load Balancer listener in a VPC, reached through a VPC link (HTTP API).</summary>
    public static ApiRoute FromNlb(INetworkListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return new(ApiRouteKind.Nlb) { NlbListener = listener };
    }

    /// <summary>A GraphQL server from a handler string, answering GET and POST on the route's path (HTTP API).</summary>
    public static ApiRoute GraphQL(string handler) => new(ApiRouteKind.GraphQL) { Handler = handler };

    /// <summary>A GraphQL server function, answering GET and POST on the route's path (HTTP API).</summary>
    public static ApiRoute GraphQL(IFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new(ApiRouteKind.GraphQL) { Function = function };
    }
}
