using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Amazon.JSII.Runtime.Deputy;
using Astro.Aws.Apis.Common;
using Astro.Aws.Apis.Functions;
using Astro.Aws.Apis.WebSocket;
using Constructs;
using DomainName = Amazon.CDK.AWS.Apigatewayv2.DomainName;
using Function = Amazon.CDK.AWS.Lambda.Function;

namespace Astro.Aws;

/// <summary>
/// An API Gateway v2 WebSocket API with a routes map (<c>["$connect"] = "src/connect.main"</c>), one authorizer on
/// <c>$connect</c>, a stage deployed automatically, access logs on by default and an optional custom domain. Every route
/// function may post to connections: it is granted <c>execute-api:ManageConnections</c> and receives the management URL
/// in <c>WEBSOCKET_CALLBACK_URL</c>.
/// </summary>
public class AstroWebSocketApi : Construct
{
    /// <summary>The environment variable that holds the management (callback) URL in every route function.</summary>
    public const string CallbackUrlVariable = "WEBSOCKET_CALLBACK_URL";

    /// <summary>The route selection expression used when none is given.</summary>
    public const string DefaultRouteSelectionExpression = "$request.body.action";

    /// <summary>The stage name used when none is given.</summary>
    public const string DefaultStageName = "prod";

    private const string PropsType = "AstroWebSocketApiProps";
    private readonly WebSocketApiDefaults? defaults;
    private readonly IWebSocketRouteAuthorizer? connectAuthorizer;
    private readonly Dictionary<string, WebSocketRoute> routes = new(StringComparer.Ordinal);
    private readonly RouteFunctions functions = new(nameof(AstroWebSocketApi));
    private readonly HashSet<IFunction> granted = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, object> routeSettings = new(StringComparer.Ordinal);
    private readonly CfnStage? cfnStage;

    /// <summary>Creates the API.</summary>
    /// <exception cref="ArgumentException">A route key, route value, authorizer, domain, stage or spec setting is invalid; the message says which and what to do.</exception>
    public AstroWebSocketApi(Construct scope, string id, AstroWebSocketApiProps? props = null)
        : base(scope, id)
    {
        props ??= new AstroWebSocketApiProps();
        ApiSpecChecks.Check(PropsType, ApiProtocol.WebSocket, props.Protocol, props.EndpointType);
        if (props.Cors is not null)
        {
            throw new ArgumentException(
                $"{PropsType}.Cors: received a CORS configuration, but WebSocket APIs have no CORS: browsers do not apply CORS to WebSocket connections. "
                + "Remove Cors, and check the Origin header in your $connect function (reject unknown origins with statusCode 403) instead.",
                $"{PropsType}.Cors");
        }

        ApiSpecChecks.CheckReachable(PropsType, props.DisableExecuteApiEndpoint, props.CustomDomain);

        var stageName = props.StageName ?? DefaultStageName;
        if (!Token.IsUnresolved(stageName) && !StageNames.IsValid(stageName))
        {
            throw new ArgumentException(
                $"{PropsType}.StageName: '{stageName}' is not a stage name. Use letters, digits, '-' and '_' only (no spaces, no '$'), e.g. \"{DefaultStageName}\".",
                $"{PropsType}.StageName");
        }

        var selection = props.RouteSelectionExpression ?? DefaultRouteSelectionExpression;
        if (!Token.IsUnresolved(selection) && !selection.StartsWith("$request.", StringComparison.Ordinal) && !selection.Contains("${request.", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"{PropsType}.RouteSelectionExpression: received '{selection}'. It selects a value from each message, e.g. \"{DefaultRouteSelectionExpression}\" for {{\"action\":\"sendMessage\"}}.",
                $"{PropsType}.RouteSelectionExpression");
        }

        defaults = props.Defaults;
        connectAuthorizer = WebSocketAuthorizers.Create(props.Authorizer, PropsType);

        WebSocketApiAdoption.Check(props);
        var existingApi = props.Cdk?.ExistingWebSocketApi;
        if (existingApi is null)
        {
            var created = new WebSocketApi(this, "WebSocketApi", ApiPassThrough.Merge(
                new WebSocketApiProps
                {
                    ApiName = props.ApiName ?? $"{Stack.Of(this).StackName}-{id}",
                    RouteSelectionExpression = selection,
                },
                props.Cdk?.WebSocketApi,
                $"{PropsType}.Cdk.WebSocketApi",
                WebSocketApiAdoption.CoveredApiProps));
            if (props.DisableExecuteApiEndpoint == true)
            {
                // aws-cdk-lib 2.160 has no WebSocketApi prop for it: the documented escape hatch.
                ((CfnApi)created.Node.DefaultChild!).DisableExecuteApiEndpoint = true;
            }

            WebSocketApi = created;
        }
        else
        {
            WebSocketApi = existingApi;
        }

        var domain = ApiDomainFactory.Create(this, props.CustomDomain, props.HostedZone, PropsType);
        DomainName = domain?.DomainName;
        Certificate = domain?.Certificate;
        CustomDomainUrl = domain?.WebSocketUrl;
        string stageCallbackUrl;
        if (props.Cdk?.ExistingStage is { } existingStage)
        {
            Stage = existingStage;
            Url = ApiUrls.Stage(this, WebSocketApi.ApiId, "wss", existingStage.StageName);
            stageCallbackUrl = ApiUrls.Stage(this, WebSocketApi.ApiId, "https", existingStage.StageName);
            if (domain is not null)
            {
                _ = new ApiMapping(this, "DomainMapping", new ApiMappingProps { Api = WebSocketApi, DomainName = domain.DomainName, Stage = existingStage, ApiMappingKey = domain.MappingKey });
            }
        }
        else
        {
            var stage = new WebSocketStage(this, "Stage", ApiPassThrough.Merge(
                new WebSocketStageProps
                {
                    WebSocketApi = WebSocketApi,
                    StageName = stageName,
                    AutoDeploy = true,
                    Throttle = ApiThrottles.ToSettings(defaults?.Throttle, $"{PropsType}.Defaults.Throttle"),
                    DomainMapping = domain is null ? null : new DomainMappingOptions { DomainName = domain.DomainName, MappingKey = domain.MappingKey },
                },
                props.Cdk?.Stage,
                $"{PropsType}.Cdk.Stage",
                WebSocketApiAdoption.CoveredStageOptions));
            Stage = stage;
            Url = stage.Url;
            stageCallbackUrl = stage.CallbackUrl;
            cfnStage = (CfnStage)stage.Node.DefaultChild!;
        }

        // The management API also answers on the custom domain (its base path, no stage); with execute-api off, only there
        // (rule apigateway/websocket-management-endpoint). CheckReachable guarantees the domain in that case.
        CallbackUrl = props.DisableExecuteApiEndpoint == true ? domain!.ManagementUrl : stageCallbackUrl;
        if (cfnStage is not null)
        {
            AccessLogGroup = AccessLogSettings.Apply(this, "AccessLogs", cfnStage, props.AccessLog, AccessLogSettings.WebSocketFormat, $"{PropsType}.AccessLog");
            AccountLogRole = UseAccountLogRole(cfnStage, props.CloudWatchRole, logging: props.AccessLog?.Enabled ?? true);
        }

        DeletionPolicyAspect.Apply(this, props.Tags, props.DeletionPolicy);
        AddRoutesFrom(props.Routes ?? new Dictionary<string, ApiRoute>(), $"{PropsType}.Routes", this);
        if (connectAuthorizer is not null)
        {
            Node.AddValidation(new ConnectRouteRequired(routes));
        }

        _ = new CfnOutput(this, "ApiId", new CfnOutputProps { Value = WebSocketApi.ApiId, Description = "The WebSocket API's ID" });
        _ = new CfnOutput(this, "ApiEndpoint", new CfnOutputProps { Value = Url, Description = "The WebSocket API's URL (wss://)" });
        _ = new CfnOutput(this, "CallbackUrl", new CfnOutputProps { Value = CallbackUrl, Description = "The WebSocket API's management (callback) URL" });
        if (CustomDomainUrl is not null)
        {
            _ = new CfnOutput(this, "CustomDomainUrl", new CfnOutputProps { Value = CustomDomainUrl, Description = "The WebSocket API's custom domain URL" });
        }
    }

    /// <summary>The underlying CDK WebSocket API: the one created, or <see cref="AstroWebSocketApiCdkProps.ExistingWebSocketApi"/>.</summary>
    public IWebSocketApi WebSocketApi { get; }

    /// <summary>The stage (auto-deployed), or <see cref="AstroWebSocketApiCdkProps.ExistingStage"/>.</summary>
    public IWebSocketStage Stage { get; }

    /// <summary>The access log group the API created, or null when logs are off or go to your destination.</summary>
    public LogGroup? AccessLogGroup { get; }

    /// <summary>
    /// The account's API Gateway CloudWatch Logs role, which this stack sets (one per stack, shared by its WebSocket APIs,
    /// retained on delete); null when <see cref="AstroWebSocketApiProps.CloudWatchRole"/> is false, or when access logs are off and it is unset.
    /// </summary>
    public Role? AccountLogRole { get; }

    /// <summary>The custom domain (the one created, or the one given with <see cref="ApiDomain.FromDomainName"/>), or null.</summary>
    public IDomainName? DomainName { get; }

    /// <summary>The custom domain's certificate (yours or the one created), or null (also for a domain given with <see cref="ApiDomain.FromDomainName"/>).</summary>
    public ICertificate? Certificate { get; }

    /// <summary>The URL clients connect to: <c>wss://{apiId}.execute-api.{region}.{suffix}/{stage}</c>.</summary>
    public string Url { get; }

    /// <summary>The API's own ARN, <c>arn:{partition}:apigateway:{region}::/apis/{id}</c>, for IAM policies on managing it and for tagging.</summary>
    public string ApiArn => ApiArns.Api(this, WebSocketApi.ApiId);

    /// <summary>
    /// The management (callback) URL functions post to connections with: <c>https://{apiId}.execute-api.{region}.{suffix}/{stage}</c>,
    /// with the stage. With <see cref="AstroWebSocketApiProps.DisableExecuteApiEndpoint"/> the execute-api endpoint answers
    /// Forbidden, so it is the custom domain and its base path instead, with no stage: <c>https://{domain}/{path}</c>.
    /// </summary>
    public string CallbackUrl { get; }

    /// <summary>The custom domain URL (<c>wss://domain/path</c>), or null.</summary>
    public string? CustomDomainUrl { get; }

    /// <summary>The routes, by route key.</summary>
    public IReadOnlyDictionary<string, WebSocketRoute> Routes => routes;

    /// <summary>The functions behind the routes, by route key.</summary>
    public IReadOnlyDictionary<string, IFunction> Functions => functions.ByKey;

    /// <summary>Adds routes; the keys and values follow the same rules as <see cref="AstroWebSocketApiProps.Routes"/>.</summary>
    /// <returns>The routes created.</returns>
    public IReadOnlyList<WebSocketRoute> AddRoutes(IReadOnlyDictionary<string, ApiRoute> newRoutes) => AddRoutesFrom(newRoutes, "AstroWebSocketApi.AddRoutes(routes)", this);

    /// <summary>
    /// Adds routes whose functions are created in <paramref name="functionScope"/>, e.g. a stack of their own, as
    /// <see cref="AstroHttpApi.AddRoutes(Construct, IReadOnlyDictionary{string, ApiRoute})"/> does, under a child named
    /// after this API. Unlike an HTTP API's, the routes and integrations move with the functions: each function refers to
    /// the API (its connection grant and callback URL), so only that direction can cross stacks. Per-route throttling is
    /// refused there, because it lives on the stage.
    /// </summary>
    /// <param name="functionScope">Where the routes' functions are created (any construct of the same app and account).</param>
    /// <param name="newRoutes">Routes with the same rules as <see cref="AstroWebSocketApiProps.Routes"/>.</param>
    /// <returns>The routes created.</returns>
    public IReadOnlyList<WebSocketRoute> AddRoutes(Construct functionScope, IReadOnlyDictionary<string, ApiRoute> newRoutes)
    {
        ArgumentNullException.ThrowIfNull(functionScope);
        return AddRoutesFrom(newRoutes, "AstroWebSocketApi.AddRoutes(functionScope, routes)", FunctionHolder.In(functionScope, this));
    }

    /// <summary>The function behind a route (e.g. <c>"$connect"</c> or <c>"sendMessage"</c>), or null when there is no such route.</summary>
    public IFunction? GetFunction(string routeKey) => functions.Get(routeKey);

    /// <summary>Grants every route function the statements, including the functions of routes added later with <c>AddRoutes</c>.</summary>
    public void AttachPermissions(params PolicyStatement[] statements) => functions.GrantAll(statements);

    /// <summary>Grants one route's function the statements.</summary>
    /// <exception cref="ArgumentException">The route does not exist.</exception>
    public void AttachPermissionsToRoute(string routeKey, params PolicyStatement[] statements) => functions.GrantRoute(routeKey, routeKey, statements);

    /// <inheritdoc cref="WebSocketApi.Metric(string, IMetricOptions)"/>
    public Metric Metric(string metricName, IMetricOptions? props = null) => WebSocketApi.Metric(metricName, props);

    /// <summary>Makes the stage wait for the account's logging role, which the stack creates unless the caller says the account has one.</summary>
    private Role? UseAccountLogRole(CfnStage cfnStage, bool? cloudWatchRole, bool logging)
    {
        if (cloudWatchRole ?? logging)
        {
            var (role, account) = Apis.WebSocket.AccountLogRole.Of(this);
            cfnStage.AddDependency(account);
            Annotations.Of(this).AddInfo(
                "AstroWebSocketApi: this stack sets the account's API Gateway CloudWatch Logs role for its region (WebSocket access logs need it). "
                + "The role and the setting are kept when the stack is deleted, because other APIs in the region log with them. "
                + "If the account already has a role, set CloudWatchRole = false.");
            return role;
        }

        if (logging)
        {
            // The caller vouches for the account setting: the rules check reads this instead of failing the template.
            cfnStage.AddMetadata(Apis.WebSocket.AccountLogRole.ProvidedMetadataKey, "set outside this stack (CloudWatchRole = false)");
            Annotations.Of(this).AddWarningV2(
                "@astroaws/websocket:accountLogRole",
                "AstroWebSocketApi: CloudWatchRole is false and access logs are on, so the deploy fails with \"CloudWatch Logs role ARN must be set in account settings to enable logging\" "
                + "unless this account and region already have an API Gateway CloudWatch Logs role. Leave CloudWatchRole unset to create one, or set AccessLog = ApiAccessLog.Off.");
        }

        return null;
    }

    private List<WebSocketRoute> AddRoutesFrom(IReadOnlyDictionary<string, ApiRoute> newRoutes, string propName, Construct functionScope)
    {
        ArgumentNullException.ThrowIfNull(newRoutes);
        var added = new List<WebSocketRoute>();
        foreach (var (text, route) in newRoutes)
        {
            var key = WebSocketRouteKeys.Check(text, propName);
            var where = $"{propName}[\"{key}\"]";
            if (route is null)
            {
                throw new ArgumentException($"{where}: the route has no value. Give a handler string such as \"src/sendMessage.main\", or an ApiRoute.", propName);
            }

            if (routes.ContainsKey(key))
            {
                throw new ArgumentException($"{where}: the route '{key}' already exists. Keep one of them, or pick another action name such as \"{key}2\".", propName);
            }

            CheckHttpOnlySettings(route, key, where);
            var id = ConstructIds.ForRoute(key);
            var function = route.Kind switch
            {
                ApiRouteKind.Handler => RouteFunctionFactory.Create(functionScope, $"{id}Function", route.Handler, defaults?.Function, route.FunctionProps, where),
                ApiRouteKind.Function => route.Function!,
                _ => throw new ArgumentException(
                    $"{where}: received a {route.Kind} route, which only HTTP APIs (AstroHttpApi) serve; a WebSocket route is answered by a Lambda. "
                    + "Give a handler string such as \"src/sendMessage.main\", ApiRoute.FromFunction(fn) or ApiRoute.FromFunctionProps(...).",
                    propName),
            };

            GiveConnectionAccess(function, route);
            var authorizer = key == WebSocketRouteKeys.Connect ? ConnectAuthorizer(route, where) : null;
            // Routes whose functions live elsewhere go with them: the functions refer to the API (their connection grant and
            // callback URL), so a route here referring back to them would make the two stacks depend on each other.
            var webSocketRoute = new WebSocketRoute(functionScope, id, new WebSocketRouteProps
            {
                WebSocketApi = WebSocketApi,
                RouteKey = key,
                Integration = new WebSocketLambdaIntegration(id, function),
                Authorizer = authorizer,
                ReturnResponse = route.ReturnResponse,
            });
            Security.ApiSuppressions.WebSocketRoute(webSocketRoute, key, authorized: authorizer is not null);
            routes[key] = webSocketRoute;
            functions.Add(key, function);
            added.Add(webSocketRoute);

            if (route.Throttle is { } throttle)
            {
                if (functionScope != this)
                {
                    throw new ArgumentException(
                        $"{where}.Throttle: received per-route throttling on a route added with AddRoutes(functionScope, routes). Route settings live on the stage, which would then have to wait for a route in the other stack while that stack refers to the API. Throttle it with Defaults.Throttle, or add the route with AddRoutes(routes).",
                        $"{where}.Throttle");
                }

                if (cfnStage is null)
                {
                    throw new ArgumentException(
                        $"{where}.Throttle: received per-route throttling, but the stage was adopted (AstroWebSocketApiProps.Cdk.ExistingStage), and route settings are part of the stage. Set them where that stage is created, or remove Throttle.",
                        $"{where}.Throttle");
                }

                _ = ApiThrottles.ToSettings(throttle, $"{where}.Throttle");
                routeSettings[key] = new Dictionary<string, object> { ["ThrottlingRateLimit"] = throttle.RateLimit, ["ThrottlingBurstLimit"] = throttle.BurstLimit };
                cfnStage.RouteSettings = new Dictionary<string, object>(routeSettings);
                RouteSettingsOrder.StageAfterRoute(cfnStage, webSocketRoute);
            }
        }

        return added;
    }

    private static void CheckHttpOnlySettings(ApiRoute route, string key, string where)
    {
        if (route.Integration is not null)
        {
            throw new ArgumentException(
                $"{where}.Integration: received integration options, but they belong to an HTTP API's URL, ALB and NLB routes, and WebSocket routes here run Lambda functions. Remove Integration.",
                $"{where}.Integration");
        }

        if (route.PayloadFormatVersion is not null)
        {
            throw new ArgumentException(
                $"{where}.PayloadFormatVersion: received {route.PayloadFormatVersion.Version}, but WebSocket Lambda integrations have a single event format. Remove PayloadFormatVersion.",
                $"{where}.PayloadFormatVersion");
        }

        if (route.AuthorizationScopes is not null)
        {
            throw new ArgumentException(
                $"{where}.AuthorizationScopes: received [{string.Join(", ", route.AuthorizationScopes)}], but WebSocket APIs have no scopes (no JWT authorizers). Check scopes in your Lambda authorizer instead.",
                $"{where}.AuthorizationScopes");
        }

        if (key != WebSocketRouteKeys.Connect && route.Authorizer is not null and not WebSocketAuthorizers.None)
        {
            throw new ArgumentException(
                $"{where}.Authorizer: received \"{route.Authorizer}\", but a WebSocket API authorizes only $connect (the connection; its messages are then trusted). "
                + $"Remove Authorizer from '{key}' and set AstroWebSocketApiProps.Authorizer, which applies to \"$connect\".",
                $"{where}.Authorizer");
        }
    }

    private IWebSocketRouteAuthorizer? ConnectAuthorizer(ApiRoute route, string where) => route.Authorizer switch
    {
        null => connectAuthorizer,
        WebSocketAuthorizers.None => null,
        WebSocketAuthorizers.Iam when connectAuthorizer is null or Amazon.CDK.AwsApigatewayv2Authorizers.WebSocketIamAuthorizer => connectAuthorizer ?? new Amazon.CDK.AwsApigatewayv2Authorizers.WebSocketIamAuthorizer(),
        _ => throw new ArgumentException(
            $"{where}.Authorizer: received \"{route.Authorizer}\". On a WebSocket API the route may say only \"none\" or \"iam\" (when AstroWebSocketApiProps.Authorizer is not a Lambda); "
            + "set AstroWebSocketApiProps.Authorizer = ApiAuthorizer.Lambda(fn) or ApiAuthorizer.Iam() instead.",
            $"{where}.Authorizer"),
    };

    private void GiveConnectionAccess(IFunction function, ApiRoute route)
    {
        if (!granted.Add(function))
        {
            return;
        }

        if (WebSocketApi is WebSocketApi created)
        {
            _ = created.GrantManageConnections(function);
            Security.ApiSuppressions.ManageConnections(created, function);
        }
        else
        {
            // An imported API has no grant method in aws-cdk-lib 2.160: the same statement CDK's grant writes.
            _ = Grant.AddToPrincipal(new GrantOnPrincipalOptions
            {
                Grantee = function,
                Actions = ["execute-api:ManageConnections"],
                ResourceArns = [ApiArns.ManageConnections(this, WebSocketApi.ApiId)],
            });
        }
        var userSet = route.Kind == ApiRouteKind.Handler && ((defaults?.Function?.Environment?.ContainsKey(CallbackUrlVariable) ?? false) || (route.FunctionProps?.Environment?.ContainsKey(CallbackUrlVariable) ?? false));
        if (function is Function concrete && !userSet)
        {
            concrete.AddEnvironment(CallbackUrlVariable, CallbackUrl);
        }
    }

    /// <summary>Fails synthesis when an authorizer was given but no <c>$connect</c> route carries it.</summary>
    private sealed class ConnectRouteRequired(IReadOnlyDictionary<string, WebSocketRoute> routes) : DeputyBase, IValidation
    {
        public string[] Validate() => routes.ContainsKey(WebSocketRouteKeys.Connect)
            ? []
            : [$"{PropsType}.Authorizer is set, but there is no \"$connect\" route to carry it. Add Routes[\"$connect\"] (e.g. \"src/connect.main\"), or remove Authorizer."];
    }
}
