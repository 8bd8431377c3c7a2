using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Cognito;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.WebSocket;

/// <summary>
/// Every refusal of <see cref="AstroWebSocketApi"/>: the message names the prop, shows what was received and says what
/// to do instead.
/// </summary>
public class BadInputTests
{
    private static void Refused(Func<Stack, AstroWebSocketApiProps> props, params string[] fragments)
    {
        var act = () => WsStacks.Create(props);
        Refusal.Expect(act, fragments);
    }

    private static void Refused(AstroWebSocketApiProps props, params string[] fragments) => Refused(_ => props, fragments);

    private static AstroWebSocketApiProps WithRoutes(Dictionary<string, ApiRoute> routes) => new() { Defaults = WsStacks.Defaults(), Routes = routes };

    private static AstroWebSocketApiProps WithRoute(string key, ApiRoute route) => WithRoutes(new() { [key] = route });

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_route_key(string key) =>
        Refused(WithRoute(key, "src/connect.main"), "AstroWebSocketApiProps.Routes", "empty", "\"sendMessage\"");

    [Fact]
    public void Route_key_with_whitespace() =>
        Refused(WithRoute("send message", "src/sendMessage.main"), "AstroWebSocketApiProps.Routes[\"send message\"]", "whitespace", "Use \"sendmessage\"");

    [Fact]
    public void Reserved_key_in_the_wrong_case() =>
        Refused(WithRoute("$Connect", "src/connect.main"), "AstroWebSocketApiProps.Routes[\"$Connect\"]", "starts with '$'", "Use \"$connect\"");

    [Fact]
    public void Mistyped_reserved_key() =>
        Refused(WithRoute("$connet", "src/connect.main"), "AstroWebSocketApiProps.Routes[\"$connet\"]", "starts with '$'", "Did you mean \"$connect\"?");

    [Fact]
    public void Other_dollar_key() =>
        Refused(WithRoute("$ping", "src/sendMessage.main"), "AstroWebSocketApiProps.Routes[\"$ping\"]", "reserves", "\"ping\"");

    [Fact]
    public void Duplicate_route_added_later()
    {
        var (_, api) = WsStacks.Create(WithRoutes(WsStacks.SeedRoutes()));
        var act = () => api.AddRoutes(new Dictionary<string, ApiRoute> { ["sendMessage"] = "src/sendMessage.main" });
        act.Should().Throw<ArgumentException>().Which.Message.Should()
            .Contain("AstroWebSocketApi.AddRoutes(routes)[\"sendMessage\"]").And.Contain("already exists").And.Contain("Keep one of them");
    }

    [Fact]
    public void Route_without_a_value() =>
        Refused(WithRoute("sendMessage", null!), "AstroWebSocketApiProps.Routes[\"sendMessage\"]", "no value", "\"src/sendMessage.main\"");

    [Fact]
    public void Missing_handler_file() =>
        Refused(WithRoute("sendMessage", "src/nothere.main"), "AstroWebSocketApiProps.Routes[\"sendMessage\"]", "src/nothere", "Create the file");

    public static TheoryData<string, ApiRoute> HttpOnlyRoutes => new()
    {
        { "Url", ApiRoute.FromUrl("https://example.com") },
        { "GraphQL", ApiRoute.GraphQL("src/sendMessage.main") },
    };

    [Theory]
    [MemberData(nameof(HttpOnlyRoutes))]
    public void Http_only_route_kinds(string kind, ApiRoute route) =>
        Refused(WithRoute("sendMessage", route), "AstroWebSocketApiProps.Routes[\"sendMessage\"]", $"received a {kind} route", "AstroHttpApi", "ApiRoute.FromFunction(fn)");

    [Fact]
    public void Payload_format_version() =>
        Refused(
            WithRoute("sendMessage", ApiRoute.FromHandler("src/sendMessage.main") with { PayloadFormatVersion = PayloadFormatVersion.VERSION_1_0 }),
            "AstroWebSocketApiProps.Routes[\"sendMessage\"].PayloadFormatVersion",
            "received 1.0",
            "Remove PayloadFormatVersion");

    [Fact]
    public void Authorization_scopes() =>
        Refused(
            WithRoute("$connect", ApiRoute.FromHandler("src/connect.main") with { AuthorizationScopes = ["chat/write"] }),
            "AstroWebSocketApiProps.Routes[\"$connect\"].AuthorizationScopes",
            "chat/write",
            "Lambda authorizer");

    [Fact]
    public void Authorizer_on_a_route_other_than_connect() =>
        Refused(
            WithRoute("sendMessage", ApiRoute.FromHandler("src/sendMessage.main") with { Authorizer = "iam" }),
            "AstroWebSocketApiProps.Routes[\"sendMessage\"].Authorizer",
            "received \"iam\"",
            "only $connect",
            "set AstroWebSocketApiProps.Authorizer");

    [Fact]
    public void Named_authorizer_on_connect() =>
        Refused(
            WithRoute("$connect", ApiRoute.FromHandler("src/connect.main") with { Authorizer = "auth0" }),
            "AstroWebSocketApiProps.Routes[\"$connect\"].Authorizer",
            "received \"auth0\"",
            "ApiAuthorizer.Lambda(fn)");

    [Fact]
    public void Jwt_authorizer() =>
        Refused(
            new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), Authorizer = ApiAuthorizer.Jwt("https://myorg.us.auth0.com", "client") },
            "AstroWebSocketApiProps.Authorizer",
            "JWT authorizer (issuer 'https://myorg.us.auth0.com')",
            "ApiAuthorizer.Lambda(fn)",
            "route.request.querystring.token");

    [Fact]
    public void User_pool_authorizer() =>
        Refused(
            stack =>
            {
                var pool = new UserPool(stack, "Pool");
                return new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), Authorizer = ApiAuthorizer.UserPool(pool, pool.AddClient("Web")) };
            },
            "AstroWebSocketApiProps.Authorizer",
            "Cognito user pool authorizer",
            "ApiAuthorizer.Lambda(fn)");

    [Fact]
    public void Authorizer_results_cache() =>
        Refused(
            stack => new AstroWebSocketApiProps
            {
                Defaults = WsStacks.Defaults(),
                Routes = WsStacks.SeedRoutes(),
                Authorizer = new ApiLambdaAuthorizer(WsStacks.OwnFunction(stack, "Auth")) { ResultsCacheTtl = Duration.Minutes(5) },
            },
            "AstroWebSocketApiProps.Authorizer.ResultsCacheTtl",
            "received 300 seconds",
            "Remove ResultsCacheTtl");

    [Fact]
    public void Http_style_identity_source() =>
        Refused(
            stack => new AstroWebSocketApiProps
            {
                Defaults = WsStacks.Defaults(),
                Routes = WsStacks.SeedRoutes(),
                Authorizer = new ApiLambdaAuthorizer(WsStacks.OwnFunction(stack, "Auth")) { IdentitySource = ["$request.querystring.token"] },
            },
            "AstroWebSocketApiProps.Authorizer.IdentitySource",
            "received '$request.querystring.token'",
            "\"route.request.querystring.token\"");

    [Fact]
    public void Authorizer_without_a_connect_route()
    {
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["sendMessage"] = "src/sendMessage.main" },
            Authorizer = ApiAuthorizer.Iam(),
        });
        var act = () => Template.FromStack(stack);
        act.Should().Throw<Exception>().Which.Message.Should()
            .Contain("AstroWebSocketApiProps.Authorizer is set").And.Contain("no \"$connect\" route").And.Contain("Add Routes[\"$connect\"]");
    }

    [Theory]
    [InlineData("$default")]
    [InlineData("my stage")]
    public void Invalid_stage_name(string name) =>
        Refused(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), StageName = name }, "AstroWebSocketApiProps.StageName", $"'{name}'", "e.g. \"prod\"");

    [Fact]
    public void Route_selection_expression_that_selects_nothing() =>
        Refused(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), RouteSelectionExpression = "action" }, "AstroWebSocketApiProps.RouteSelectionExpression", "received 'action'", "\"$request.body.action\"");

    [Fact]
    public void Negative_throttle() =>
        Refused(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(new ApiThrottle(-1, 10)) }, "AstroWebSocketApiProps.Defaults.Throttle", "received rate -1", "new ApiThrottle(100, 200)");

    [Fact]
    public void Rest_protocol() =>
        Refused(new AstroWebSocketApiProps { Protocol = ApiProtocol.Rest }, "AstroWebSocketApiProps.Protocol", "received Rest", "RestApi", "leave Protocol unset for a WebSocket API");

    [Fact]
    public void Http_protocol() =>
        Refused(new AstroWebSocketApiProps { Protocol = ApiProtocol.Http }, "AstroWebSocketApiProps.Protocol", "received Http", "use AstroHttpApi");

    [Theory]
    [InlineData(ApiEndpointType.Edge, "CloudFront")]
    [InlineData(ApiEndpointType.Private, "Lambda in the VPC")]
    public void Edge_or_private_endpoint(ApiEndpointType type, string instead) =>
        Refused(new AstroWebSocketApiProps { EndpointType = type }, "AstroWebSocketApiProps.EndpointType", $"received {type}", instead, "Regional");

    [Fact]
    public void Cors() =>
        Refused(new AstroWebSocketApiProps { Cors = new ApiCors { AllowOrigins = ["https://www.example.com"] } }, "AstroWebSocketApiProps.Cors", "received a CORS configuration", "no CORS", "Origin header in your $connect");

    [Fact]
    public void Disable_execute_api_endpoint_without_a_domain() =>
        Refused(new AstroWebSocketApiProps { DisableExecuteApiEndpoint = true }, "AstroWebSocketApiProps.DisableExecuteApiEndpoint", "true without a CustomDomain", "Set CustomDomain");

    [Fact]
    public void Custom_domain_with_a_scheme() =>
        Refused(new AstroWebSocketApiProps { CustomDomain = "wss://ws.example.com" }, "AstroWebSocketApiProps.CustomDomain", "'wss://ws.example.com'", "\"api.example.com\"");

    [Fact]
    public void Attach_permissions_to_an_unknown_route()
    {
        var (_, api) = WsStacks.Create(WithRoutes(WsStacks.SeedRoutes()));
        var act = () => api.AttachPermissionsToRoute("sendmessage");
        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("no route 'sendmessage'").And.Contain("sendMessage");
    }
}
