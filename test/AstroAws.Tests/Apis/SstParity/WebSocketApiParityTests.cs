using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Route53;
using Astro.Aws.Tests.Apis.WebSocket;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Apis.SstParity;

/// <summary>
/// The cases of SST v2's <c>WebSocketApi.test.ts</c> that have an <see cref="AstroWebSocketApi"/> counterpart and no
/// other test yet, one test per SST case (the table is in docs/sst-parity.md).
/// </summary>
public sealed class WebSocketApiParityTests
{
    private static IHostedZone Zone(Stack scope) =>
        HostedZone.FromHostedZoneAttributes(scope, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123", ZoneName = "example.com" });

    private static string OnlyId(System.Text.Json.Nodes.JsonObject json, string type) => TemplateQueries.OfType(json, type).Single().Key;

    private static Dictionary<string, ApiRoute> ConnectAndDefault() => new() { ["$connect"] = "src/connect.main", ["$default"] = "src/default.main" };

    [Fact]
    public void Without_routes_the_api_has_no_route()
    {
        // SST: "routes: undefined"
        var stack = SiteStacks.NewStack();
        _ = new AstroWebSocketApi(stack, "Ws");
        var template = SiteStacks.Template(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 1);
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 0);
    }

    [Fact]
    public void An_empty_routes_map_creates_no_route()
    {
        // SST: "routes: empty"
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps { Routes = new Dictionary<string, ApiRoute>() });
        var template = SiteStacks.Template(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 1);
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 0);
    }

    [Fact]
    public void A_domain_object_with_a_hosted_zone_and_a_base_path()
    {
        // SST: "customDomain.domainName is string"
        var (stack, api) = WsStacks.Create(stack => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            CustomDomain = new ApiDomain { DomainName = "ws.example.com", HostedZone = Zone(stack), Path = "users" },
        });
        var json = SiteStacks.Json(stack);
        var domainId = OnlyId(json, "AWS::ApiGatewayV2::DomainName");
        var certificateId = OnlyId(json, "AWS::CertificateManager::Certificate");
        var template = SiteStacks.Template(stack);

        template.HasResourceProperties("AWS::CertificateManager::Certificate", Match.ObjectLike(new J { ["DomainName"] = "ws.example.com", ["ValidationMethod"] = "DNS" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.ObjectLike(new J
        {
            ["DomainName"] = "ws.example.com",
            ["DomainNameConfigurations"] = new[] { Match.ObjectLike(new J { ["CertificateArn"] = new J { ["Ref"] = certificateId }, ["EndpointType"] = "REGIONAL" }) },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Match.ObjectLike(new J { ["DomainName"] = new J { ["Ref"] = domainId }, ["Stage"] = "prod", ["ApiMappingKey"] = "users" }));
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(new J { ["Name"] = "ws.example.com.", ["Type"] = "A", ["HostedZoneId"] = "Z123" }));
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(new J { ["Name"] = "ws.example.com.", ["Type"] = "AAAA", ["HostedZoneId"] = "Z123" }));
        api.CustomDomainUrl.Should().Be("wss://ws.example.com/users");
    }

    [Fact]
    public void Upper_case_letters_in_the_domain_are_lowered_instead_of_refused()
    {
        // SST: "customDomain.domainName is string (uppercase error)" (we differ: the name is lowered, not refused)
        var (stack, api) = WsStacks.Create(stack => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            CustomDomain = new ApiDomain { DomainName = "WS.Example.com", HostedZone = Zone(stack) },
        });
        var template = SiteStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.ObjectLike(new J { ["DomainName"] = "ws.example.com" }));
        template.HasResourceProperties("AWS::CertificateManager::Certificate", Match.ObjectLike(new J { ["DomainName"] = "ws.example.com" }));
        template.AllResourcesProperties("AWS::Route53::RecordSet", Match.ObjectLike(new J { ["Name"] = "ws.example.com." }));
        api.CustomDomainUrl.Should().Be("wss://ws.example.com/");
    }

    [Fact]
    public void Without_an_authorizer_every_route_is_open()
    {
        // SST: "authorizationType-default"
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = ConnectAndDefault() });
        var template = SiteStacks.Template(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 2);
        template.ResourcePropertiesCountIs("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J { ["AuthorizationType"] = "NONE", ["AuthorizerId"] = Match.Absent() }), 2);
        template.ResourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
    }

    [Fact]
    public void A_lambda_authorizer_on_connect_is_a_request_authorizer_without_payload_format_or_cache()
    {
        // SST: "authorizationType-custom"
        var (stack, _) = WsStacks.Create(stack => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = ConnectAndDefault(),
            Authorizer = ApiAuthorizer.Lambda(WsStacks.OwnFunction(stack, "Authorizer")),
        });
        var template = SiteStacks.Template(stack);

        template.ResourcePropertiesCountIs("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J { ["AuthorizationType"] = "NONE" }), 1);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J { ["RouteKey"] = "$default", ["AuthorizationType"] = "NONE" }));
        template.ResourcePropertiesCountIs("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J { ["AuthorizationType"] = "CUSTOM" }), 1);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J { ["RouteKey"] = "$connect", ["AuthorizationType"] = "CUSTOM" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new J
        {
            ["AuthorizerType"] = "REQUEST",
            ["AuthorizerPayloadFormatVersion"] = Match.Absent(),
            ["AuthorizerResultTtlInSeconds"] = Match.Absent(),
            ["IdentitySource"] = new[] { "route.request.header.Authorization" },
        }));
    }

    [Fact]
    public void A_function_props_routes_timeout_wins_and_its_environment_adds_to_the_defaults()
    {
        // SST: "routes: route is prop-with-defaultFunctionProps-override"
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps
        {
            Defaults = new WebSocketApiDefaults
            {
                Function = new ApiFunctionProps { CodeRoot = WsStacks.CodeRoot, Timeout = Duration.Seconds(3), Environment = new Dictionary<string, string> { ["keyB"] = "valueB" } },
            },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["$connect"] = ApiRoute.FromFunctionProps(new ApiFunctionProps { Handler = "src/connect.main", Timeout = Duration.Seconds(5), Environment = new Dictionary<string, string> { ["keyA"] = "valueA" } }),
            },
        });

        SiteStacks.Template(stack).HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new J
        {
            ["Handler"] = "connect.main",
            ["Timeout"] = 5,
            ["Environment"] = new J { ["Variables"] = new J { ["keyA"] = "valueA", ["keyB"] = "valueB", [AstroWebSocketApi.CallbackUrlVariable] = Match.AnyValue() } },
        }));
    }

    [Fact]
    public void Routes_of_an_api_without_routes_is_empty()
    {
        // SST: "routes: no routes"
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps());

        api.Routes.Should().BeEmpty();
        api.Functions.Should().BeEmpty();
        SiteStacks.Template(stack).ResourceCountIs("AWS::ApiGatewayV2::Route", 0);
    }

    [Fact]
    public void A_route_is_found_by_its_key()
    {
        // SST: "getRoute"
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = new Dictionary<string, ApiRoute> { ["$connect"] = "src/connect.main" } });
        var json = SiteStacks.Json(stack);

        api.Routes.Should().ContainKey("$connect");
        stack.GetLogicalId((CfnElement)api.Routes["$connect"].Node.DefaultChild!).Should().Be(TemplateQueries.RouteId(json, "$connect"));
        api.Routes.ContainsKey("$disconnect").Should().BeFalse();
    }
}
