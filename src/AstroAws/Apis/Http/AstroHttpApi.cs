using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AwsApigatewayv2Authorizers;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Astro.Aws.Apis.Auth;
using Astro.Aws.Apis.Common;
using Astro.Aws.Apis.Http;
using Astro.Aws.Apis.Routes;
using Constructs;
using DomainName = Amazon.CDK.AWS.Apigatewayv2.DomainName;
using HttpMethod = Amazon.CDK.AWS.Apigatewayv2.HttpMethod;

namespace Astro.Aws;

/// <summary>
/// An API Gateway v2 HTTP API with a routes map (<c>["GET /notes"] = "src/list.main"</c>), named authorizers, CORS and
/// access logs on by default, an optional custom domain, stages and throttling.
/// </summary>
public class AstroHttpApi : Construct
{
    private const string PropsType = "AstroHttpApiProps";
    private readonly ApiDefaults? defaults;
    private readonly HttpAuthorizers authorizers;
    private readonly List<(RouteKey Key, HttpRouteTarget Target, string Where)> authorizedCatchAlls = [];
    private bool corsEnabled;
    private bool preflightsAdded;
    private readonly Dictionary<string, RouteKey> shapes = new(StringComparer.Ordinal);
    private readonly RouteFunctions functions = new(nameof(AstroHttpApi));
    private readonly List<HttpRoute> routes = [];
    private readonly Dictionary<string, object> routeSettings = new(StringComparer.Ordinal);
    private readonly CfnStage? defaultCfnStage;

    /// <summary>Creates the API.</summary>
    /// <exception cref="ArgumentException">A route key, route value, authorizer, CORS, domain or stage setting is invalid; the message says which and what to do.</exception>
    public AstroHttpApi(Construct scope, string id, AstroHttpApiProps? props = null)
        : base(scope, id)
    {
        props ??= new AstroHttpApiProps();
        ApiSpecChecks.Check(PropsType, ApiProtocol.Http, props.Protocol, props.EndpointType);
        ApiSpecChecks.CheckReachable(PropsType, props.DisableExecuteApiEndpoint, props.CustomDomain);

        defaults = props.Defaults;
        if (defaults?.PayloadFormatVersion is { } payloadFormat)
        {
            HttpRouteIntegrations.CheckLambdaVersion(payloadFormat, $"{PropsType}.Defaults");
        }

        authorizers = new HttpAuthorizers(props.Authorizers);
        HttpApiAdoption.Check(props);
        var existingApi = props.Cdk?.ExistingHttpApi;
        var cors = existingApi is null ? HttpCorsOptions.From(props.Cors) : null;
        corsEnabled = cors is not null;

        HttpApi = existingApi ?? new HttpApi(this, "HttpApi", ApiPassThrough.Merge(
            new HttpApiProps
            {
                // CDK would name every API "HttpApi" (the construct ID); a name from the path tells them apart in the console.
                ApiName = props.ApiName ?? Names.UniqueId(this),
                CorsPreflight = cors,
                CreateDefaultStage = false,
                DisableExecuteApiEndpoint = props.DisableExecuteApiEndpoint,
            },
            props.Cdk?.HttpApi,
            $"{PropsType}.Cdk.HttpApi",
            HttpApiAdoption.CoveredApiProps));

        var domain = ApiDomainFactory.Create(this, props.CustomDomain, props.HostedZone, PropsType);
        DomainName = domain?.DomainName;
        Certificate = domain?.Certificate;
        CustomDomainUrl = domain?.HttpUrl;
        if (props.Cdk?.ExistingDefaultStage is { } existingStage)
        {
            DefaultStage = existingStage;
            Url = ApiUrls.Stage(this, HttpApi.ApiId, "https", existingStage.StageName);
            if (domain is not null)
            {
                _ = new ApiMapping(this, "DomainMapping", new ApiMappingProps { Api = HttpApi, DomainName = domain.DomainName, Stage = existingStage, ApiMappingKey = domain.MappingKey });
            }
        }
        else
        {
            var stage = new HttpStage(this, "DefaultStage", ApiPassThrough.Merge(
                new HttpStageProps
                {
                    HttpApi = HttpApi,
                    StageName = "$default",
                    AutoDeploy = true,
                    Throttle = ApiThrottles.ToSettings(defaults?.Throttle, $"{PropsType}.Defaults.Throttle"),
                    DomainMapping = domain is null ? null : new DomainMappingOptions { DomainName = domain.DomainName, MappingKey = domain.MappingKey },
                },
                props.Cdk?.DefaultStage,
                $"{PropsType}.Cdk.DefaultStage",
                HttpApiAdoption.CoveredStageOptions));
            DefaultStage = stage;
            Url = stage.Url;
            defaultCfnStage = (CfnStage)stage.Node.DefaultChild!;
            AccessLogGroup = AccessLogSettings.Apply(this, "AccessLogs", defaultCfnStage, props.AccessLog, AccessLogSettings.HttpFormat, $"{PropsType}.AccessLog");
            if (props.StageVariables is { Count: > 0 } variables)
            {
                defaultCfnStage.StageVariables = new Dictionary<string, string>(variables);
            }
        }

        Stages = CreateStages(props.Stages);
        DeletionPolicyAspect.Apply(this, props.Tags, props.DeletionPolicy);
        AddRoutesFrom(props.Routes ?? new Dictionary<string, ApiRoute>(), $"{PropsType}.Routes", this);

        _ = new CfnOutput(this, "ApiId", new CfnOutputProps { Value = HttpApi.ApiId, Description = "The HTTP API's ID" });
        _ = new CfnOutput(this, "ApiEndpoint", new CfnOutputProps
        {
            // With the execute-api endpoint off, the custom domain is the only way in.
            Value = props.DisableExecuteApiEndpoint == true ? CustomDomainUrl! : Url,
            Description = "The HTTP API's URL",
        });
        if (CustomDomainUrl is not null)
        {
            _ = new CfnOutput(this, "CustomDomainUrl", new CfnOutputProps { Value = CustomDomainUrl, Description = "The HTTP API's custom domain URL" });
        }
    }

    /// <summary>The underlying CDK HTTP API: the one created, or <see cref="AstroHttpApiCdkProps.ExistingHttpApi"/>.</summary>
    public IHttpApi HttpApi { get; }

    /// <summary>The <c>$default</c> stage (auto-deployed), or <see cref="AstroHttpApiCdkProps.ExistingDefaultStage"/>.</summary>
    public IHttpStage DefaultStage { get; }

    /// <summary>The named stages, by name.</summary>
    public IReadOnlyDictionary<string, HttpStage> Stages { get; }

    /// <summary>The access log group the API created, or null when logs are off or go to your destination.</summary>
    public LogGroup? AccessLogGroup { get; }

    /// <summary>The custom domain (the one created, or the one given with <see cref="ApiDomain.FromDomainName"/>), or null.</summary>
    public IDomainName? DomainName { get; }

    /// <summary>The custom domain's certificate (yours or the one created), or null (also for a domain given with <see cref="ApiDomain.FromDomainName"/>).</summary>
    public ICertificate? Certificate { get; }

    /// <summary>The API's execute-api URL (the default stage).</summary>
    public string Url { get; }

    /// <summary>
    /// Replaces the API's CORS configuration after construction, e.g. once the site that calls it is known:
    /// <c>api.SetCors(new ApiCors { AllowOrigins = [$"https://{site.Distribution.DistributionDomainName}"] })</c>.
    /// It is checked as <see cref="AstroHttpApiProps.Cors"/> is, and turning CORS on adds the unauthenticated
    /// preflight routes beside authorized ANY and <c>$default</c> routes, as the props do.
    /// </summary>
    /// <param name="cors">The new settings; <see cref="ApiCors.Off"/> turns CORS off.</param>
    /// <exception cref="ArgumentException">The settings are invalid, or they turn CORS off after preflight routes were added.</exception>
    public void SetCors(ApiCors cors)
    {
        ArgumentNullException.ThrowIfNull(cors);
        if (HttpApi.Node.DefaultChild is not CfnApi cfnApi)
        {
            throw new ArgumentException(
                "AstroHttpApi.SetCors(cors): this API was adopted (AstroHttpApiProps.Cdk.ExistingHttpApi), and CORS is part of the API, so it stays as its owner set it. Set CorsPreflight where that API is created.",
                nameof(cors));
        }

        var options = HttpCorsOptions.Cfn(cors, "AstroHttpApi.SetCors(cors)");
        if (options is null && preflightsAdded)
        {
            throw new ArgumentException(
                "AstroHttpApi.SetCors(cors): received ApiCors.Off, but CORS already added preflight routes beside authorized ANY or $default routes. Pass Cors = ApiCors.Off in AstroHttpApiProps instead, so they are never added.",
                nameof(cors));
        }

        cfnApi.CorsConfiguration = options;
        if (options is not null && !corsEnabled)
        {
            corsEnabled = true;
            foreach (var (key, target, where) in authorizedCatchAlls)
            {
                routes.AddRange(AddPreflights(key, target, where, _ => false));
            }
        }

        corsEnabled = options is not null;
    }

    /// <summary>
    /// The API's own ARN, <c>arn:{partition}:apigateway:{region}::/apis/{id}</c>: for IAM policies on managing it and
    /// for tagging (<see cref="ExecuteApiArn"/> is the one that invoking it needs).
    /// </summary>
    public string ApiArn => ApiArns.Api(this, HttpApi.ApiId);

    /// <summary>The ARN that invoking every route of every stage needs: <c>arn:{partition}:execute-api:{region}:{account}:{id}/*</c>.</summary>
    public string ExecuteApiArn => ApiArns.ExecuteApi(this, HttpApi.ApiId);

    /// <summary>The custom domain URL, with the base path if any and always a trailing slash (<c>https://api.example.com/v1/</c>: without it the API sees an empty path), or null.</summary>
    public string? CustomDomainUrl { get; }

    /// <summary>The routes, in the order they were added.</summary>
    public IReadOnlyList<HttpRoute> Routes => routes;

    /// <summary>The functions behind Lambda routes, by route key (as API Gateway writes it).</summary>
    public IReadOnlyDictionary<string, IFunction> Functions => functions.ByKey;

    /// <summary>Adds routes; the keys and values follow the same rules as <see cref="AstroHttpApiProps.Routes"/>.</summary>
    /// <returns>The routes created.</returns>
    public IReadOnlyList<HttpRoute> AddRoutes(IReadOnlyDictionary<string, ApiRoute> newRoutes) => AddRoutesFrom(newRoutes, "AstroHttpApi.AddRoutes(routes)", this);

    /// <summary>
    /// Adds routes whose functions are created in <paramref name="functionScope"/>, e.g. a stack of their own: the
    /// routes and integrations stay in the API's stack, the functions, roles and log groups move, so a large API keeps
    /// each stack under CloudFormation's 500 resources. The functions sit under a child named after this API, so
    /// several APIs can share the scope.
    /// </summary>
    /// <param name="functionScope">Where the routes' functions are created (any construct of the same app and account).</param>
    /// <param name="newRoutes">Routes with the same rules as <see cref="AstroHttpApiProps.Routes"/>.</param>
    /// <returns>The routes created.</returns>
    public IReadOnlyList<HttpRoute> AddRoutes(Construct functionScope, IReadOnlyDictionary<string, ApiRoute> newRoutes)
    {
        ArgumentNullException.ThrowIfNull(functionScope);
        return AddRoutesFrom(newRoutes, "AstroHttpApi.AddRoutes(functionScope, routes)", FunctionHolder.In(functionScope, this));
    }

    /// <summary>The function behind a route (e.g. <c>"GET /notes"</c>), or null when the route has none.</summary>
    public IFunction? GetFunction(string routeKey) => functions.Get(Normalise(routeKey));

    /// <summary>Grants every route function the statements, including the functions of routes added later with <c>AddRoutes</c>.</summary>
    public void AttachPermissions(params PolicyStatement[] statements) => functions.GrantAll(statements);

    /// <summary>Grants one route's function the statements.</summary>
    /// <exception cref="ArgumentException">The route does not exist or has no function.</exception>
    public void AttachPermissionsToRoute(string routeKey, params PolicyStatement[] statements) => functions.GrantRoute(routeKey, Normalise(routeKey), statements);

    /// <inheritdoc cref="HttpApi.MetricClientError(IMetricOptions)"/>
    public Metric MetricClientError(IMetricOptions? props = null) => HttpApi.MetricClientError(props);

    /// <inheritdoc cref="HttpApi.MetricServerError(IMetricOptions)"/>
    public Metric MetricServerError(IMetricOptions? props = null) => HttpApi.MetricServerError(props);

    /// <inheritdoc cref="HttpApi.MetricCount(IMetricOptions)"/>
    public Metric MetricCount(IMetricOptions? props = null) => HttpApi.MetricCount(props);

    /// <inheritdoc cref="HttpApi.MetricLatency(IMetricOptions)"/>
    public Metric MetricLatency(IMetricOptions? props = null) => HttpApi.MetricLatency(props);

    /// <inheritdoc cref="HttpApi.MetricIntegrationLatency(IMetricOptions)"/>
    public Metric MetricIntegrationLatency(IMetricOptions? props = null) => HttpApi.MetricIntegrationLatency(props);

    /// <inheritdoc cref="HttpApi.MetricDataProcessed(IMetricOptions)"/>
    public Metric MetricDataProcessed(IMetricOptions? props = null) => HttpApi.MetricDataProcessed(props);

    private static string Normalise(string routeKey) => RouteKey.Parse(routeKey, "AstroHttpApi(routeKey)").Text;

    private Dictionary<string, HttpStage> CreateStages(IReadOnlyDictionary<string, ApiStageOptions>? stages)
    {
        var created = new Dictionary<string, HttpStage>(StringComparer.Ordinal);
        foreach (var (name, options) in stages ?? new Dictionary<string, ApiStageOptions>())
        {
            var propName = $"{PropsType}.Stages[\"{name}\"]";
            if (!StageNames.IsValid(name))
            {
                throw new ArgumentException($"{propName}: '{name}' is not a stage name. Use letters, digits, '-' and '_' only (no spaces), e.g. \"beta\"; \"$default\" always exists.", propName);
            }

            var stage = new HttpStage(this, "Stage" + name, new HttpStageProps
            {
                HttpApi = HttpApi,
                StageName = name,
                AutoDeploy = true,
                Throttle = ApiThrottles.ToSettings(options.Throttle, $"{propName}.Throttle"),
            });
            if (options.StageVariables is { Count: > 0 } variables)
            {
                ((CfnStage)stage.Node.DefaultChild!).StageVariables = new Dictionary<string, string>(variables);
            }

            created[name] = stage;
        }

        return created;
    }

    private List<HttpRoute> AddRoutesFrom(IReadOnlyDictionary<string, ApiRoute> newRoutes, string propName, Construct functionScope)
    {
        ArgumentNullException.ThrowIfNull(newRoutes);
        var added = new List<HttpRoute>();
        foreach (var (text, route) in newRoutes)
        {
            var key = RouteKey.Parse(text, propName);
            var where = $"{propName}[\"{text}\"]";
            if (route is null)
            {
                throw new ArgumentException($"{where}: the route has no value. Give a handler string such as \"src/list.main\", or an ApiRoute.", propName);
            }

            var keys = route.Kind == ApiRouteKind.GraphQL && !key.IsDefault
                ? [key with { Method = "GET" }, key with { Method = "POST" }]
                : new[] { key };

            // Before anything is created for the route: its function's construct ID comes from the key, so a duplicate
            // (also one written in another letter case, "get /notes") would otherwise fail inside CDK.
            foreach (var routeKey in keys)
            {
                RefuseTaken(routeKey, text, where);
            }

            var target = HttpRouteIntegrations.Create(functionScope, key, route, defaults, where);
            var authorizer = authorizers.Resolve(route.Authorizer ?? defaults?.Authorizer, where);

            // Default scopes belong to the default authorizer: a route that picks its own authorizer starts without them.
            var scopes = route.AuthorizationScopes ?? (route.Authorizer is null ? defaults?.AuthorizationScopes : null);
            if (scopes is { Count: > 0 } && !HttpAuthorizers.TakesScopes(authorizer))
            {
                throw new ArgumentException(
                    $"{where}: authorization scopes ({string.Join(", ", scopes)}) need a JWT or user pool authorizer, and this route has {(authorizer is null ? "none" : authorizer.GetType().Name)}. "
                    + "Set a JWT or user pool Authorizer, or remove the scopes (AuthorizationScopes = [] on this route).",
                    propName);
            }

            if (route.Throttle is not null && defaultCfnStage is null)
            {
                throw new ArgumentException(
                    $"{where}.Throttle: received per-route throttling, but the default stage was adopted (AstroHttpApiProps.Cdk.ExistingDefaultStage), and route settings are part of the stage. Set them where that stage is created, or remove Throttle.",
                    $"{where}.Throttle");
            }

            var throttle = route.Throttle is null ? null : ApiThrottles.ToSettings(route.Throttle, $"{where}.Throttle");
            foreach (var routeKey in keys)
            {
                var httpRoute = AddRoute(routeKey, target, authorizer, scopes, where);
                added.Add(httpRoute);
                if (authorizer is null)
                {
                    Security.ApiSuppressions.PublicHttpRoute(httpRoute);
                }

                if (throttle is not null && defaultCfnStage is not null)
                {
                    routeSettings[routeKey.Text] = new Dictionary<string, object> { ["ThrottlingRateLimit"] = throttle.RateLimit!, ["ThrottlingBurstLimit"] = throttle.BurstLimit! };
                    defaultCfnStage.RouteSettings = new Dictionary<string, object>(routeSettings);
                    RouteSettingsOrder.StageAfterRoute(defaultCfnStage, httpRoute);
                }

                if (authorizer is not null && (routeKey.Method == "ANY" || routeKey.IsDefault))
                {
                    authorizedCatchAlls.Add((routeKey, target, where));
                    if (corsEnabled)
                    {
                        added.AddRange(AddPreflights(routeKey, target, where, p => newRoutes.Keys.Any(k => RouteKey.Parse(k, propName).Shape == p.Shape)));
                    }
                }
            }
        }

        routes.AddRange(added);
        return added;
    }

    /// <summary>
    /// Preflight requests carry no credentials, so an authorizer on ANY (or $default) would answer them 401: an
    /// OPTIONS route without one goes beside it, unless a route of that shape exists or is about to.
    /// </summary>
    private List<HttpRoute> AddPreflights(RouteKey routeKey, HttpRouteTarget target, string where, Func<RouteKey, bool> comingLater)
    {
        RouteKey[] preflights = routeKey.IsDefault ? [new("OPTIONS", "/"), new("OPTIONS", "/{proxy+}")] : [routeKey with { Method = "OPTIONS" }];
        var added = new List<HttpRoute>();
        foreach (var preflight in preflights.Where(p => !shapes.ContainsKey(p.Shape) && !comingLater(p)))
        {
            var preflightRoute = AddRoute(preflight, target with { Function = null }, null, null, where);
            Security.ApiSuppressions.PreflightRoute(preflightRoute);
            added.Add(preflightRoute);
            preflightsAdded = true;
        }

        return added;
    }

    private void RefuseTaken(RouteKey key, string given, string where)
    {
        if (shapes.TryGetValue(key.Shape, out var existing))
        {
            var why = existing.Text == key.Text
                ? given == key.Text ? "the route already exists" : $"'{given}' is the route '{key.Text}', which already exists (methods are not case-sensitive)"
                : $"'{key.Text}' is the same route as '{existing.Text}' (API Gateway ignores parameter names)";
            throw new ArgumentException($"{where}: {why}. Keep one of them.", where);
        }
    }

    private HttpRoute AddRoute(RouteKey key, HttpRouteTarget target, IHttpRouteAuthorizer? authorizer, IReadOnlyList<string>? scopes, string where)
    {
        RefuseTaken(key, key.Text, where);
        shapes[key.Shape] = key;
        var route = new HttpRoute(this, ConstructIds.ForRoute(key), new HttpRouteProps
        {
            HttpApi = HttpApi,
            RouteKey = key.IsDefault ? HttpRouteKey.DEFAULT : HttpRouteKey.With(key.Path, Enum.Parse<HttpMethod>(key.Method)),
            Integration = target.Integration,
            Authorizer = authorizer ?? new HttpNoneAuthorizer(),
            AuthorizationScopes = scopes is null ? null : [.. scopes],
        });
        if (target.Function is not null)
        {
            functions.Add(key.Text, target.Function);
        }

        return route;
    }
}
