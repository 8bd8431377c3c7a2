using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AwsApigatewayv2Authorizers;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Astro.Aws.Overrides;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.Common;

/// <summary>
/// Every property of every CDK type the APIs pass through (<c>Cdk.HttpApi</c>, <c>Cdk.DefaultStage</c>,
/// <c>Cdk.WebSocketApi</c>, <c>Cdk.Stage</c>), found by reflection, has one row: either the value reaches the
/// synthesized template (and the same check fails without it), or it is refused with the prop to use instead. So no
/// property is silently ignored.
/// </summary>
public class PassThroughEnumerationTests
{
    private const string Http = "HttpApi";
    private const string HttpStage = "HttpDefaultStage";
    private const string Ws = "WebSocketApi";
    private const string WsStage = "WebSocketStage";

    private static readonly Dictionary<string, Type> Contracts = new()
    {
        [Http] = typeof(IHttpApiProps),
        [HttpStage] = typeof(IStageOptions),
        [Ws] = typeof(IWebSocketApiProps),
        [WsStage] = typeof(IStageOptions),
    };

    private static readonly PassThroughCase[] Cases =
    [
        Applied(Http, nameof(IHttpApiProps.Description), _ => "Orders API", ("AWS::ApiGatewayV2::Api", "Description", "Orders API")),
        Applied(Http, nameof(IHttpApiProps.RouteSelectionExpression), _ => true, ("AWS::ApiGatewayV2::Api", "RouteSelectionExpression", "${request.method} ${request.path}")),
        Refused(Http, nameof(IHttpApiProps.ApiName), _ => "orders", "AstroHttpApiProps.ApiName"),
        Refused(Http, nameof(IHttpApiProps.DisableExecuteApiEndpoint), _ => true, "AstroHttpApiProps.DisableExecuteApiEndpoint"),
        Refused(Http, nameof(IHttpApiProps.CorsPreflight), _ => new CorsPreflightOptions { AllowOrigins = ["*"] }, "AstroHttpApiProps.Cors"),
        Refused(Http, nameof(IHttpApiProps.CreateDefaultStage), _ => true, "Cdk.DefaultStage"),
        Refused(Http, nameof(IHttpApiProps.DefaultAuthorizer), _ => new HttpIamAuthorizer(), "ApiAuthorizer.FromCdk"),
        Refused(Http, nameof(IHttpApiProps.DefaultAuthorizationScopes), _ => new[] { "read" }, "Defaults.AuthorizationScopes"),
        Refused(Http, nameof(IHttpApiProps.DefaultIntegration), _ => new HttpUrlIntegration("Default", "https://example.com"), "Routes"),
        Refused(Http, nameof(IHttpApiProps.DefaultDomainMapping), scope => new DomainMappingOptions { DomainName = ExistingDomain(scope) }, "AstroHttpApiProps.CustomDomain"),
        Applied(HttpStage, nameof(IStageOptions.AutoDeploy), _ => false, ("AWS::ApiGatewayV2::Stage", "AutoDeploy", false)),
        Applied(HttpStage, nameof(IStageOptions.Description), _ => "live", ("AWS::ApiGatewayV2::Stage", "Description", "live")),
        Refused(HttpStage, nameof(IStageOptions.Throttle), _ => new ThrottleSettings { RateLimit = 10 }, "AstroHttpApiProps.Defaults.Throttle"),
        Refused(HttpStage, nameof(IStageOptions.DomainMapping), scope => new DomainMappingOptions { DomainName = ExistingDomain(scope) }, "AstroHttpApiProps.CustomDomain"),
        Applied(Ws, nameof(IWebSocketApiProps.Description), _ => "Chat", ("AWS::ApiGatewayV2::Api", "Description", "Chat")),
        Applied(Ws, nameof(IWebSocketApiProps.ApiKeySelectionExpression), _ => WebSocketApiKeySelectionExpression.HEADER_X_API_KEY, ("AWS::ApiGatewayV2::Api", "ApiKeySelectionExpression", "$request.header.x-api-key")),
        Refused(Ws, nameof(IWebSocketApiProps.ApiName), _ => "chat", "AstroWebSocketApiProps.ApiName"),
        Refused(Ws, nameof(IWebSocketApiProps.RouteSelectionExpression), _ => "$request.body.type", "AstroWebSocketApiProps.RouteSelectionExpression"),
        Refused(Ws, nameof(IWebSocketApiProps.ConnectRouteOptions), _ => new WebSocketRouteOptions { Integration = new WebSocketMockIntegration("Connect") }, "Routes[\"$connect\"]"),
        Refused(Ws, nameof(IWebSocketApiProps.DisconnectRouteOptions), _ => new WebSocketRouteOptions { Integration = new WebSocketMockIntegration("Disconnect") }, "Routes[\"$disconnect\"]"),
        Refused(Ws, nameof(IWebSocketApiProps.DefaultRouteOptions), _ => new WebSocketRouteOptions { Integration = new WebSocketMockIntegration("Default") }, "Routes[\"$default\"]"),
        Applied(WsStage, nameof(IStageOptions.AutoDeploy), _ => false, ("AWS::ApiGatewayV2::Stage", "AutoDeploy", false)),
        Applied(WsStage, nameof(IStageOptions.Description), _ => "live", ("AWS::ApiGatewayV2::Stage", "Description", "live")),
        Refused(WsStage, nameof(IStageOptions.Throttle), _ => new ThrottleSettings { RateLimit = 10 }, "AstroWebSocketApiProps.Defaults.Throttle"),
        Refused(WsStage, nameof(IStageOptions.DomainMapping), scope => new DomainMappingOptions { DomainName = ExistingDomain(scope) }, "AstroWebSocketApiProps.CustomDomain"),
    ];

    public static TheoryData<string> Groups => [.. Contracts.Keys];

    public static TheoryData<string, string> Entries
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var entry in Cases)
            {
                data.Add(entry.Group, entry.Property);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Every_property_of_the_cdk_type_has_exactly_one_row(string group)
    {
        var properties = PropsMerge.ContractProperties(Contracts[group]).Select(property => property.Name).ToList();
        var rows = Cases.Where(entry => entry.Group == group).Select(entry => entry.Property).ToList();

        rows.Should().OnlyHaveUniqueItems();
        rows.Should().BeEquivalentTo(properties, $"every property of {Contracts[group].Name} needs a row, and every row must name one");
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_property_reaches_the_template_or_is_refused_with_the_prop_to_use(string group, string property)
    {
        var entry = Cases.Single(candidate => candidate.Group == group && candidate.Property == property);
        if (entry.RefusedFor is { } instead)
        {
            var error = Refusal.Expect(() => Build(entry, withValue: true), $"Cdk.", property, "received", instead);
            error.ParamName.Should().EndWith($".{property}");
            return;
        }

        var (type, key, expected) = entry.Reaches!.Value;
        Check(Build(entry, withValue: true), type, key, expected);
        var without = () => Check(Build(entry, withValue: false), type, key, expected);
        without.Should().Throw<Exception>("without the override our default must not already pass the check");
    }

    private static void Check(Template template, string type, string key, object expected) =>
        template.HasResourceProperties(type, Match.ObjectLike(new Dictionary<string, object> { [key] = expected }));

    private static Template Build(PassThroughCase entry, bool withValue)
    {
        var stack = SiteStacks.NewStack();
        var target = entry.Group switch
        {
            Http => (object)new HttpApiProps(),
            Ws => new WebSocketApiProps(),
            _ => new StageOptions(),
        };
        if (withValue)
        {
            target.GetType().GetProperty(entry.Property)!.SetValue(target, entry.Value(stack));
        }

        if (entry.Group is Http or HttpStage)
        {
            _ = new AstroHttpApi(stack, "Api", new AstroHttpApiProps
            {
                Defaults = ApiStacks.Defaults(),
                Routes = new Dictionary<string, ApiRoute> { ["GET /notes"] = "src/list.main" },
                Cdk = entry.Group == Http ? new AstroHttpApiCdkProps { HttpApi = (IHttpApiProps)target } : new AstroHttpApiCdkProps { DefaultStage = (IStageOptions)target },
            });
        }
        else
        {
            _ = new AstroWebSocketApi(stack, "Ws", new AstroWebSocketApiProps
            {
                Defaults = WebSocket.WsStacks.Defaults(),
                Routes = WebSocket.WsStacks.SeedRoutes(),
                Cdk = entry.Group == Ws ? new AstroWebSocketApiCdkProps { WebSocketApi = (IWebSocketApiProps)target } : new AstroWebSocketApiCdkProps { Stage = (IStageOptions)target },
            });
        }

        return SiteStacks.Template(stack);
    }

    private static IDomainName ExistingDomain(Stack scope) => ApiStacks.ImportedDomain(scope, id: "Existing" + Guid.NewGuid().ToString("N")[..8]);

    private static PassThroughCase Applied(string group, string property, Func<Stack, object> value, (string Type, string Key, object Expected) reaches) => new(group, property, value, reaches, null);

    private static PassThroughCase Refused(string group, string property, Func<Stack, object> value, string instead) => new(group, property, value, null, instead);

    private sealed record PassThroughCase(string Group, string Property, Func<Stack, object> Value, (string Type, string Key, object Expected)? Reaches, string? RefusedFor);
}
