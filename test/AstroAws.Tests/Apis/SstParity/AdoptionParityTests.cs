using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AwsApigatewayv2Authorizers;
using Astro.Aws.Tests.Apis.WebSocket;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using DomainName = Amazon.CDK.AWS.Apigatewayv2.DomainName;
using J = System.Collections.Generic.Dictionary<string, object>;
using Match = Amazon.CDK.Assertions.Match;

namespace Astro.Aws.Tests.Apis.SstParity;

/// <summary>
/// The cases of SST v2's <c>Api.test.ts</c> and <c>WebSocketApi.test.ts</c> about CDK props, adopted APIs, stages and
/// domains, CDK authorizers and AWS routes, one test per SST case (the table is in docs/sst-parity.md).
/// </summary>
public sealed class AdoptionParityTests
{
    private static IDomainName Existing(Stack scope) => ApiStacks.ImportedDomain(scope, id: "Existing");

    private static IHostedZone Zone(Stack scope) => HostedZone.FromHostedZoneAttributes(scope, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123456", ZoneName = "example.com" });

    // SST: "constructor: httpApi is props"
    [Fact]
    public void Http_api_props_reach_the_api()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main" },
            Cdk = new AstroHttpApiCdkProps { HttpApi = new HttpApiProps { Description = "Orders" } },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new J { ["Description"] = "Orders", ["ProtocolType"] = "HTTP" }));
    }

    // SST: "customDomain: cdk.domainName and hostedZone co-exist error", "customDomain: cdk.domainName and cdk.hostedZone co-exist error"
    [Theory]
    [InlineData("the domain's HostedZone")]
    [InlineData("the API's HostedZone")]
    public void A_hosted_zone_beside_a_domain_that_exists_is_refused_on_an_http_api(string where)
    {
        Refusal.Expect(
            () => ApiStacks.Http(scope => new AstroHttpApiProps
            {
                Defaults = ApiStacks.Defaults(),
                CustomDomain = where == "the domain's HostedZone" ? ApiDomain.FromDomainName(Existing(scope)) with { HostedZone = Zone(scope) } : ApiDomain.FromDomainName(Existing(scope)),
                HostedZone = where == "the API's HostedZone" ? Zone(scope) : null,
            }),
            "AstroHttpApiProps.CustomDomain",
            "exists (ApiDomain.FromDomainName)",
            "Remove the Certificate and HostedZone");
    }

    // SST: "defaults: authorizer cdk user_pool"
    [Fact]
    public void A_cdk_user_pool_authorizer_is_the_default_with_default_scopes()
    {
        var (stack, _) = ApiStacks.Http(scope =>
        {
            var pool = new UserPool(scope, "UserPool");
            var client = pool.AddClient("UserPoolClient");
            return new AstroHttpApiProps
            {
                Authorizers = new Dictionary<string, ApiAuthorizer>
                {
                    ["Authorizer"] = ApiAuthorizer.FromCdk(new HttpUserPoolAuthorizer("Authorizer", pool, new HttpUserPoolAuthorizerProps { UserPoolClients = [client] })),
                },
                Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "Authorizer", AuthorizationScopes = ["user.id", "user.email"] }),
                Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main" },
            };
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new J { ["AuthorizerType"] = "JWT", ["Name"] = "Authorizer" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J { ["AuthorizationType"] = "JWT", ["AuthorizationScopes"] = new[] { "user.id", "user.email" } }));
    }

    // SST: "routes: ApiAwsRouteProps method is undefined"
    [Fact]
    public void An_event_route_with_parameters_from_the_body_has_no_function_one_route_and_one_integration()
    {
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Routes = new Dictionary<string, ApiRoute>
            {
                ["POST /"] = ApiRoute.FromEventBus(new EventBus(scope, "Bus"), "placeholder", "placeholder") with
                {
                    Integration = new ApiIntegrationOptions
                    {
                        ParameterMapping = new ParameterMapping().Custom("Source", "$request.body.source").Custom("DetailType", "$request.body.detailType").Custom("Detail", "$request.body.detail"),
                    },
                },
            },
        });
        var template = ApiStacks.Template(stack);

        template.ResourceCountIs("AWS::Lambda::Function", 0);
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 1);
        template.ResourceCountIs("AWS::ApiGatewayV2::Integration", 1);
        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new J
        {
            ["IntegrationSubtype"] = "EventBridge-PutEvents",
            ["RequestParameters"] = Match.ObjectLike(new J { ["Source"] = "$request.body.source", ["DetailType"] = "$request.body.detailType", ["Detail"] = "$request.body.detail" }),
        }));
    }

    // SST: "constructor: webSocketApi is props"
    [Fact]
    public void WebSocket_api_and_stage_props_reach_the_api_and_the_stage()
    {
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            Cdk = new AstroWebSocketApiCdkProps { WebSocketApi = new WebSocketApiProps { Description = "Chat" }, Stage = new StageOptions { AutoDeploy = false } },
        });
        var template = SiteStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new J { ["Description"] = "Chat", ["ProtocolType"] = "WEBSOCKET" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new J { ["AutoDeploy"] = false }));
    }

    // SST: "constructor: webSocketApi stage-imported-api-no-imported"
    [Fact]
    public void A_stage_without_its_api_is_refused()
    {
        Refusal.Expect(
            () => WsStacks.Create(scope => new AstroWebSocketApiProps
            {
                Defaults = WsStacks.Defaults(),
                Cdk = new AstroWebSocketApiCdkProps { ExistingStage = WebSocketStage.FromWebSocketStageAttributes(scope, "Stage", new WebSocketStageAttributes { StageName = "live", Api = WebSocketApi.FromWebSocketApiAttributes(scope, "Api", new WebSocketApiAttributes { WebSocketId = "ws1" }) }) },
            }),
            "AstroWebSocketApiProps.Cdk.ExistingStage",
            "Also pass its API as Cdk.ExistingWebSocketApi").ParamName.Should().Be("AstroWebSocketApiProps.Cdk.ExistingStage");
    }

    // SST: "accessLog-redefined" (WebSocketApi)
    [Fact]
    public void Access_logs_on_an_adopted_websocket_stage_are_refused()
    {
        Refusal.Expect(
            () => WsStacks.Create(scope =>
            {
                var api = new WebSocketApi(scope, "Existing");
                return new AstroWebSocketApiProps
                {
                    Defaults = WsStacks.Defaults(),
                    AccessLog = new ApiAccessLog(),
                    Cdk = new AstroWebSocketApiCdkProps { ExistingWebSocketApi = api, ExistingStage = new WebSocketStage(scope, "Live", new WebSocketStageProps { WebSocketApi = api, StageName = "live" }) },
                };
            }),
            "AstroWebSocketApiProps.AccessLog",
            "an adopted stage keeps its access logs");
    }

    // SST: "customDomain: cdk.domainName and hostedZone co-exist error", "customDomain: cdk.domainName and cdk.certificate co-exist error" (WebSocketApi)
    [Theory]
    [InlineData("HostedZone")]
    [InlineData("Certificate")]
    public void A_zone_or_certificate_beside_a_domain_that_exists_is_refused_on_a_websocket_api(string what)
    {
        Refusal.Expect(
            () => WsStacks.Create(scope => new AstroWebSocketApiProps
            {
                Defaults = WsStacks.Defaults(),
                CustomDomain = ApiDomain.FromDomainName(Existing(scope)) with
                {
                    HostedZone = what == "HostedZone" ? Zone(scope) : null,
                    Certificate = what == "Certificate" ? Certificate.FromCertificateArn(scope, "Cert", "arn:aws:acm:eu-west-1:123456789012:certificate/abc") : null,
                },
            }),
            "AstroWebSocketApiProps.CustomDomain",
            "only the API mapping is created");
    }

    // SST: "attachPermissions-after-addRoutes" (WebSocketApi)
    [Fact]
    public void Routes_added_with_their_functions_in_another_stack_get_the_connection_grant_and_earlier_permissions_there()
    {
        var app = new App(new AppProps { Outdir = Path.Combine(Path.GetTempPath(), "astroaws-ws-split-" + Guid.NewGuid().ToString("N")) });
        var stackA = new Stack(app, "stackA", new StackProps { Env = SiteStacks.Env });
        var stackB = new Stack(app, "stackB", new StackProps { Env = SiteStacks.Env });
        var api = new AstroWebSocketApi(stackA, "Api", new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["$connect"] = "src/connect.main", ["$disconnect"] = "src/disconnect.main" },
        });
        api.AttachPermissions(new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = ["arn:aws:s3:::notes/*"] }));

        api.AddRoutes(stackB, new Dictionary<string, ApiRoute> { ["custom"] = "src/sendMessage.main" });

        var assembly = app.Synth();
        Template.FromStack(stackA).ResourceCountIs("AWS::Lambda::Function", 2);
        Template.FromStack(stackB).ResourceCountIs("AWS::Lambda::Function", 1);
        Template.FromStack(stackB).HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J
        {
            ["RouteKey"] = "custom",
            ["ApiId"] = Match.ObjectLike(new J { ["Fn::ImportValue"] = Match.StringLikeRegexp("^stackA:") }),
        }));
        var policyB = Template.FromStack(stackB).FindResources("AWS::IAM::Policy");
        var text = System.Text.Json.JsonSerializer.Serialize(policyB);
        text.Should().Contain("execute-api:ManageConnections").And.Contain("s3:GetObject");
        Stack.Of(api.GetFunction("custom")!).Should().BeSameAs(stackB);
        RulesCheck.PassesAssembly(assembly.Directory);
    }

    // SST: "customDomain is props: domainName-defined-in-stage"
    [Fact]
    public void A_domain_mapping_in_the_stage_options_is_refused_in_favour_of_custom_domain()
    {
        Refusal.Expect(
            () => WsStacks.Create(scope => new AstroWebSocketApiProps
            {
                Defaults = WsStacks.Defaults(),
                Cdk = new AstroWebSocketApiCdkProps { Stage = new StageOptions { DomainMapping = new DomainMappingOptions { DomainName = Existing(scope) } } },
            }),
            "AstroWebSocketApiProps.Cdk.Stage.DomainMapping",
            "AstroWebSocketApiProps.CustomDomain maps the stage").ParamName.Should().Be("AstroWebSocketApiProps.Cdk.Stage.DomainMapping");
    }
}
