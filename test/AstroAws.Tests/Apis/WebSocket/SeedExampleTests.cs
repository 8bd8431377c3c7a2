using Amazon.CDK.Assertions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.WebSocket;

/// <summary>The SST WebSocketApi example, in C#, and the template pinned by a snapshot.</summary>
public class SeedExampleTests
{
    [Fact]
    public void Seed_example_creates_the_four_routes_with_a_function_each()
    {
        var stack = SiteStacks.NewStack();
        var api = new AstroWebSocketApi(stack, "Ws", new AstroWebSocketApiProps
        {
            // The seed's handler strings resolve against the current directory; the fixtures live elsewhere.
            Defaults = new WebSocketApiDefaults { Function = new ApiFunctionProps { CodeRoot = WsStacks.CodeRoot } },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["$connect"] = "src/connect.main",
                ["$default"] = "src/default.main",
                ["$disconnect"] = "src/disconnect.main",
                ["sendMessage"] = "src/sendMessage.main",
            },
        });

        var template = SiteStacks.Template(stack);
        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 1);
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 4);
        template.ResourceCountIs("AWS::ApiGatewayV2::Integration", 4);
        template.ResourceCountIs("AWS::Lambda::Function", 4);
        template.ResourceCountIs("AWS::ApiGatewayV2::Stage", 1);
        template.HasResourceProperties("AWS::ApiGatewayV2::Api", new Dictionary<string, object>
        {
            ["ProtocolType"] = "WEBSOCKET",
            ["RouteSelectionExpression"] = "$request.body.action",
        });
        foreach (var key in new[] { "$connect", "$default", "$disconnect", "sendMessage" })
        {
            template.HasResourceProperties("AWS::ApiGatewayV2::Route", new Dictionary<string, object> { ["RouteKey"] = key });
        }

        api.Functions.Keys.Should().BeEquivalentTo("$connect", "$default", "$disconnect", "sendMessage");
    }

    [Fact]
    public void Template_matches_the_snapshot()
    {
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes() });
        Snapshot.Match("websocket-api", SiteStacks.Json(stack));
    }
}
