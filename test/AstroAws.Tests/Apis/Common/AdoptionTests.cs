using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.CertificateManager;
using Astro.Aws.Rules;
using Astro.Aws.Tests.Apis.WebSocket;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using DomainName = Amazon.CDK.AWS.Apigatewayv2.DomainName;

namespace Astro.Aws.Tests.Apis.Common;

/// <summary>Existing or imported APIs, stages and domains, adopted instead of created.</summary>
public class AdoptionTests
{
    private static readonly Dictionary<string, ApiRoute> NotesRoutes = new() { ["GET /notes"] = "src/list.main" };

    [Fact]
    public void Routes_go_onto_an_imported_http_api_with_a_default_stage_of_ours_and_no_api_is_created()
    {
        var (stack, api) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = NotesRoutes,
            Cdk = new AstroHttpApiCdkProps { ExistingHttpApi = HttpApi.FromHttpApiAttributes(scope, "Imported", new HttpApiAttributes { HttpApiId = "abc123" }) },
        });
        var template = ApiStacks.Template(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 0);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["ApiId"] = "abc123", ["RouteKey"] = "GET /notes" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new Dictionary<string, object> { ["ApiId"] = "abc123" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object> { ["ApiId"] = "abc123", ["StageName"] = "$default", ["AutoDeploy"] = true }));
        api.HttpApi.ApiId.Should().Be("abc123");
    }

    [Fact]
    public void An_existing_api_and_its_default_stage_are_adopted_whole_and_the_url_is_the_stages()
    {
        var (stack, api) = ApiStacks.Http(scope =>
        {
            var existing = new HttpApi(scope, "Existing");
            return new AstroHttpApiProps
            {
                Defaults = ApiStacks.Defaults(),
                Routes = NotesRoutes,
                Cdk = new AstroHttpApiCdkProps { ExistingHttpApi = existing, ExistingDefaultStage = existing.DefaultStage },
            };
        });
        var template = ApiStacks.Template(stack);
        var json = SiteStacks.Json(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 1);
        template.ResourceCountIs("AWS::ApiGatewayV2::Stage", 1);
        var existingId = WsStacks.LogicalId(json, "AWS::ApiGatewayV2::Api");
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["ApiId"] = new Dictionary<string, object> { ["Ref"] = existingId } }));
        Stack.Of(api).Resolve(api.Url).Should().BeEquivalentTo(Stack.Of(api).Resolve(api.DefaultStage.Url), "the URL is the adopted stage's");
    }

    [Fact]
    public void An_api_that_has_a_default_stage_is_refused_without_it_because_an_api_has_one()
    {
        Refusal.Expect(
            () => ApiStacks.Http(scope => new AstroHttpApiProps
            {
                Defaults = ApiStacks.Defaults(),
                Cdk = new AstroHttpApiCdkProps { ExistingHttpApi = new HttpApi(scope, "Existing") },
            }),
            "AstroHttpApiProps.Cdk.ExistingHttpApi",
            "already has a $default stage",
            "Cdk.ExistingDefaultStage = api.DefaultStage").ParamName.Should().Be("AstroHttpApiProps.Cdk.ExistingHttpApi");
    }

    public static TheoryData<string> AdoptedApiRefusals => ["ApiName", "DisableExecuteApiEndpoint", "Cors", "Cdk.HttpApi"];

    [Theory]
    [MemberData(nameof(AdoptedApiRefusals))]
    public void What_an_adopted_api_keeps_as_its_owner_set_it_is_refused(string prop)
    {
        var error = Refusal.Expect(
            () => ApiStacks.Http(scope => new AstroHttpApiProps
            {
                Defaults = ApiStacks.Defaults(),
                ApiName = prop == "ApiName" ? "orders" : null,
                DisableExecuteApiEndpoint = prop == "DisableExecuteApiEndpoint" ? false : null,
                Cors = prop == "Cors" ? new ApiCors { AllowOrigins = ["https://example.com"] } : null,
                Cdk = new AstroHttpApiCdkProps
                {
                    ExistingHttpApi = HttpApi.FromHttpApiAttributes(scope, "Imported", new HttpApiAttributes { HttpApiId = "abc123" }),
                    HttpApi = prop == "Cdk.HttpApi" ? new HttpApiProps { Description = "x" } : null,
                },
            }),
            $"AstroHttpApiProps.{prop}",
            "received");
        error.ParamName.Should().Be($"AstroHttpApiProps.{prop}");
    }

    [Fact]
    public void Cors_cannot_be_set_later_on_an_adopted_api()
    {
        var (_, api) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Cdk = new AstroHttpApiCdkProps { ExistingHttpApi = HttpApi.FromHttpApiAttributes(scope, "Imported", new HttpApiAttributes { HttpApiId = "abc123" }) },
        });

        Refusal.Expect(() => { api.SetCors(new ApiCors()); return 0; }, "AstroHttpApi.SetCors(cors)", "adopted", "CorsPreflight");
    }

    public static TheoryData<string> AdoptedStageRefusals => ["Defaults.Throttle", "AccessLog", "StageVariables", "Cdk.DefaultStage", "Routes[\"GET /notes\"].Throttle"];

    [Theory]
    [MemberData(nameof(AdoptedStageRefusals))]
    public void What_an_adopted_stage_keeps_as_its_owner_set_it_is_refused(string prop)
    {
        var throttle = new ApiThrottle(10, 5);
        var error = Refusal.Expect(
            () => ApiStacks.Http(scope =>
            {
                var existing = new HttpApi(scope, "Existing");
                return new AstroHttpApiProps
                {
                    Defaults = ApiStacks.Defaults(new ApiDefaults { Throttle = prop == "Defaults.Throttle" ? throttle : null }),
                    AccessLog = prop == "AccessLog" ? new ApiAccessLog { Retention = Amazon.CDK.AWS.Logs.RetentionDays.ONE_WEEK } : null,
                    StageVariables = prop == "StageVariables" ? new Dictionary<string, string> { ["v"] = "1" } : null,
                    Routes = new Dictionary<string, ApiRoute> { ["GET /notes"] = ApiRoute.FromHandler("src/list.main") with { Throttle = prop.StartsWith("Routes", StringComparison.Ordinal) ? throttle : null } },
                    Cdk = new AstroHttpApiCdkProps
                    {
                        ExistingHttpApi = existing,
                        ExistingDefaultStage = existing.DefaultStage,
                        DefaultStage = prop == "Cdk.DefaultStage" ? new StageOptions { Description = "x" } : null,
                    },
                };
            }),
            prop,
            "received");
        error.ParamName.Should().EndWith(prop);
    }

    [Fact]
    public void Two_apis_share_one_domain_under_their_own_base_paths_and_the_rules_pass()
    {
        var stack = SiteStacks.NewStack();
        var domain = new DomainName(stack, "Domain", new DomainNameProps
        {
            DomainName = "api.example.com",
            Certificate = Certificate.FromCertificateArn(stack, "Cert", "arn:aws:acm:eu-west-1:123456789012:certificate/abc"),
        });
        var orders = new AstroHttpApi(stack, "Orders", new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = NotesRoutes, CustomDomain = ApiDomain.FromDomainName(domain, "orders") });
        var billing = new AstroHttpApi(stack, "Billing", new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = NotesRoutes, CustomDomain = ApiDomain.FromDomainName(orders.DomainName!, "billing") });
        var template = SiteStacks.Template(stack);
        var domainRef = new Dictionary<string, object> { ["Ref"] = WsStacks.LogicalId(SiteStacks.Json(stack), "AWS::ApiGatewayV2::DomainName") };

        template.ResourceCountIs("AWS::ApiGatewayV2::DomainName", 1);
        template.ResourceCountIs("AWS::CertificateManager::Certificate", 0);
        template.ResourceCountIs("AWS::Route53::RecordSet", 0);
        template.HasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Match.ObjectLike(new Dictionary<string, object> { ["DomainName"] = domainRef, ["ApiMappingKey"] = "orders" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Match.ObjectLike(new Dictionary<string, object> { ["DomainName"] = domainRef, ["ApiMappingKey"] = "billing" }));
        System.Text.Json.JsonSerializer.Serialize(stack.Resolve(billing.CustomDomainUrl!)).Should().Contain("/billing/");
        billing.Certificate.Should().BeNull();
    }

    [Fact]
    public void Two_apis_on_the_root_of_one_domain_break_the_shared_domain_rule()
    {
        var stack = SiteStacks.NewStack();
        var domain = ApiStacks.ImportedDomain(stack);
        _ = new AstroHttpApi(stack, "One", new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = NotesRoutes, CustomDomain = ApiDomain.FromDomainName(domain) });
        _ = new AstroHttpApi(stack, "Two", new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = NotesRoutes, CustomDomain = ApiDomain.FromDomainName(domain) });

        var findings = AwsRules.Check(Unchecked(stack)).Where(finding => finding.RuleId == "apigateway/shared-domain").ToList();

        findings.Should().ContainSingle().Which.Message.Should().Contain("the root");
    }

    [Fact]
    public void A_websocket_api_beside_an_http_api_on_one_domain_breaks_the_shared_domain_rule()
    {
        var stack = SiteStacks.NewStack();
        var domain = ApiStacks.ImportedDomain(stack);
        _ = new AstroHttpApi(stack, "Http", new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = NotesRoutes, CustomDomain = ApiDomain.FromDomainName(domain, "rest") });
        _ = new AstroWebSocketApi(stack, "Ws", new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), CustomDomain = ApiDomain.FromDomainName(domain, "chat") });

        var findings = AwsRules.Check(Unchecked(stack)).Where(finding => finding.RuleId == "apigateway/shared-domain").ToList();

        findings.Should().ContainSingle().Which.Message.Should().Contain("WebSocket");
    }

    [Fact]
    public void A_domain_that_exists_refuses_a_certificate_or_zone_of_its_own()
    {
        Refusal.Expect(
            () => ApiStacks.Http(scope => new AstroHttpApiProps
            {
                Defaults = ApiStacks.Defaults(),
                CustomDomain = ApiDomain.FromDomainName(ApiStacks.ImportedDomain(scope)) with
                {
                    Certificate = Certificate.FromCertificateArn(scope, "Cert", "arn:aws:acm:eu-west-1:123456789012:certificate/abc"),
                },
            }),
            "AstroHttpApiProps.CustomDomain",
            "exists",
            "Remove the Certificate");
    }

    [Fact]
    public void An_imported_websocket_api_gets_routes_a_stage_and_connection_grants_on_itself()
    {
        var (stack, api) = WsStacks.Create(scope => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            Cdk = new AstroWebSocketApiCdkProps { ExistingWebSocketApi = WebSocketApi.FromWebSocketApiAttributes(scope, "Imported", new WebSocketApiAttributes { WebSocketId = "ws123" }) },
        });
        var template = SiteStacks.Template(stack);
        var json = SiteStacks.Json(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 0);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["ApiId"] = "ws123", ["RouteKey"] = "$connect" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object> { ["ApiId"] = "ws123", ["StageName"] = "prod" }));
        json.ToJsonString().Should().Contain(":ws123/*/*/@connections/*", "route functions may post to the adopted API's connections");
        System.Text.Json.JsonSerializer.Serialize(Stack.Of(api).Resolve(api.CallbackUrl)).Should().Contain("ws123");
    }

    [Fact]
    public void An_adopted_websocket_stage_is_mapped_onto_the_domain_with_a_mapping_of_its_own()
    {
        var (stack, api) = WsStacks.Create(scope =>
        {
            var existing = new WebSocketApi(scope, "Existing");
            var stage = new WebSocketStage(scope, "ExistingStage", new WebSocketStageProps { WebSocketApi = existing, StageName = "live", AutoDeploy = true });
            var domain = ApiStacks.ImportedDomain(scope, "ws.example.com");
            return new AstroWebSocketApiProps
            {
                Defaults = WsStacks.Defaults(),
                Routes = WsStacks.SeedRoutes(),
                CustomDomain = ApiDomain.FromDomainName(domain, "chat"),
                AccessLog = ApiAccessLog.Off,
                Cdk = new AstroWebSocketApiCdkProps { ExistingWebSocketApi = existing, ExistingStage = stage },
            };
        });
        var template = SiteStacks.Template(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Stage", 1);
        template.HasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Match.ObjectLike(new Dictionary<string, object> { ["DomainName"] = "ws.example.com", ["ApiMappingKey"] = "chat", ["Stage"] = Match.AnyValue() }));
        api.CustomDomainUrl.Should().Be("wss://ws.example.com/chat");
    }

    public static TheoryData<string> AdoptedWebSocketRefusals => ["ApiName", "RouteSelectionExpression", "Cdk.WebSocketApi", "StageName", "CloudWatchRole", "Cdk.Stage"];

    [Theory]
    [MemberData(nameof(AdoptedWebSocketRefusals))]
    public void What_an_adopted_websocket_api_or_stage_keeps_is_refused(string prop)
    {
        var error = Refusal.Expect(
            () => WsStacks.Create(scope =>
            {
                var existing = new WebSocketApi(scope, "Existing");
                return new AstroWebSocketApiProps
                {
                    Defaults = WsStacks.Defaults(),
                    ApiName = prop == "ApiName" ? "chat" : null,
                    RouteSelectionExpression = prop == "RouteSelectionExpression" ? "$request.body.type" : null,
                    StageName = prop == "StageName" ? "live" : null,
                    CloudWatchRole = prop == "CloudWatchRole" ? false : null,
                    Cdk = new AstroWebSocketApiCdkProps
                    {
                        ExistingWebSocketApi = existing,
                        WebSocketApi = prop == "Cdk.WebSocketApi" ? new WebSocketApiProps { Description = "x" } : null,
                        ExistingStage = prop is "StageName" or "CloudWatchRole" or "Cdk.Stage" ? new WebSocketStage(scope, "S", new WebSocketStageProps { WebSocketApi = existing, StageName = "live" }) : null,
                        Stage = prop == "Cdk.Stage" ? new StageOptions { Description = "x" } : null,
                    },
                };
            }),
            $"AstroWebSocketApiProps.{prop}",
            "received");
        error.ParamName.Should().Be($"AstroWebSocketApiProps.{prop}");
    }

    /// <summary>The template without the rules check that <see cref="SiteStacks.Json"/> makes: these tests want the findings.</summary>
    private static System.Text.Json.Nodes.JsonObject Unchecked(Stack stack)
    {
        var assembly = ((App)stack.Node.Root).Synth();
        return (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(assembly.Directory, stack.TemplateFile)))!;
    }
}
