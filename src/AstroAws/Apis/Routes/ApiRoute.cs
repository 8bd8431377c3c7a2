using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;

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

    /// <summary>An SQS queue the request body is sent to (<c>SQS-SendMessage</c>).</summary>
    Queue,

    /// <summary>An EventBridge bus the request body is put on as an event's detail (<c>EventBridge-PutEvents</c>).</summary>
    EventBus,

    /// <summary>A Step Functions state machine started with the request body as its input (<c>StepFunctions-StartExecution</c>).</summary>
    StateMachine,
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

    /// <summary>The queue, for <see cref="ApiRouteKind.Queue"/>.</summary>
    public IQueue? Queue { get; private init; }

    /// <summary>The bus, for <see cref="ApiRouteKind.EventBus"/>.</summary>
    public IEventBus? EventBus { get; private init; }

    /// <summary>The events' <c>Source</c>, for <see cref="ApiRouteKind.EventBus"/>.</summary>
    public string? EventSource { get; private init; }

    /// <summary>The events' <c>DetailType</c>, for <see cref="ApiRouteKind.EventBus"/>.</summary>
    public string? EventDetailType { get; private init; }

    /// <summary>The state machine, for <see cref="ApiRouteKind.StateMachine"/>.</summary>
    public IStateMachine? StateMachine { get; private init; }

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

    /// <summary>
    /// The method, parameter mapping and timeout of a URL, ALB or NLB route's integration; for a queue, bus or state
    /// machine route the parameter mapping (its keys replace ours, e.g. <c>MessageGroupId</c>) and the timeout (HTTP API).
    /// </summary>
    /// <value>Default: the request's method, no mapping (a service route: the parameters of <see cref="FromQueue"/>, <see cref="FromEventBus"/>, <see cref="FromStateMachine"/>), 30 seconds.</value>
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

    /// <summary>
    /// Sends the request body to an SQS queue, with no function in between (HTTP API): parameters <c>QueueUrl</c> and
    /// <c>MessageBody</c> = <c>$request.body</c>, and a role API Gateway assumes, allowed <c>sqs:SendMessage</c> on the queue.
    /// </summary>
    public static ApiRoute FromQueue(IQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return new(ApiRouteKind.Queue) { Queue = queue };
    }

    /// <summary>
    /// Puts the request body on an EventBridge bus as an event's detail (HTTP API): parameters <c>EventBusName</c>,
    /// <c>Source</c>, <c>DetailType</c> and <c>Detail</c> = <c>$request.body</c>, and a role allowed <c>events:PutEvents</c> on the bus.
    /// </summary>
    /// <param name="bus">The bus.</param>
    /// <param name="source">The events' source, e.g. <c>shop.orders</c>, which your rules match.</param>
    /// <param name="detailType">The events' detail type, e.g. <c>OrderPlaced</c>.</param>
    public static ApiRoute FromEventBus(IEventBus bus, string source, string detailType)
    {
        ArgumentNullException.ThrowIfNull(bus);
        return new(ApiRouteKind.EventBus) { EventBus = bus, EventSource = source, EventDetailType = detailType };
    }

    /// <summary>
    /// Starts an execution of a state machine with the request body as its input (HTTP API): parameters
    /// <c>StateMachineArn</c> and <c>Input</c> = <c>$request.body</c>, and a role allowed <c>states:StartExecution</c> on it.
    /// </summary>
    public static ApiRoute FromStateMachine(IStateMachine stateMachine)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        return new(ApiRouteKind.StateMachine) { StateMachine = stateMachine };
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
