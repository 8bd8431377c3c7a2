using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using HttpMethod = System.Net.Http.HttpMethod;
using Stack = Amazon.CDK.Stack;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// API Gateway's rules in the preview, on small stacks whose handlers (test/AstroAws.Tests/Fixtures/api-preview) echo
/// what they were sent: the documented route priority, payload 1.0 and 2.0, the 2.0 response inference, the function's
/// resource policy (500 without an invoke permission), and a WebSocket round trip through the management API.
/// </summary>
public sealed class ApiGatewayPreviewTests : IDisposable
{
    private static readonly string CodeRoot = Path.Combine(TestPaths.TestProject, "Fixtures", "api-preview");
    private readonly ScratchFolder scratch = new("preview-apigw");

    private static Stack NewStack(App app, string id) => new(app, id, new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "us-east-1" } });

    [Fact]
    public async Task Http_routes_follow_api_gateways_priority_and_payload_formats_and_permissions()
    {
        var app = new App(new AppProps { Outdir = scratch.Combine("cdk.out") });
        var stack = NewStack(app, "ApiRules");
        _ = new AstroHttpApi(stack, "Api", new AstroHttpApiProps
        {
            Defaults = new ApiDefaults { Function = new ApiFunctionProps { CodeRoot = CodeRoot } },
            Routes = new Dictionary<string, ApiRoute>
            {
                // The example routes of "Create routes for HTTP APIs" (Routing API requests).
                ["GET /pets/dog/1"] = "src/echo.main",
                ["GET /pets/dog/{id}"] = "src/echo.main",
                ["GET /pets/{proxy+}"] = "src/echo.main",
                ["ANY /{proxy+}"] = "src/echo.main",
                ["$default"] = "src/echo.main",
                ["GET /v1/{id}"] = ApiRoute.FromHandler("src/echo.main") with { PayloadFormatVersion = PayloadFormatVersion.VERSION_1_0 },
                ["GET /plain"] = "src/plain.main",
                ["GET /locked"] = "src/plain.main",
            },
        });
        var locked = stack.Node.FindAll().OfType<CfnPermission>().Single(p => p.Node.Path.Contains("locked", StringComparison.OrdinalIgnoreCase));
        locked.Node.Scope!.Node.TryRemoveChild(locked.Node.Id).Should().BeTrue();
        var assembly = app.Synth().Directory;

        await using var server = await PreviewServer.Start(assembly, "ApiRules", scratch.Combine("trace.jsonl"));
        async Task<string> RouteOf(HttpMethod method, string path)
        {
            using var response = await server.Client.SendAsync(new HttpRequestMessage(method, path));
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{method} {path}");
            var routeKey = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["routeKey"]!.GetValue<string>();
            response.Headers.GetValues("x-preview-behavior").Should().Equal(routeKey);
            return routeKey;
        }

        (await RouteOf(HttpMethod.Get, "pets/dog/1")).Should().Be("GET /pets/dog/1", "a static route beats a path variable");
        (await RouteOf(HttpMethod.Get, "pets/dog/2")).Should().Be("GET /pets/dog/{id}");
        (await RouteOf(HttpMethod.Get, "pets/cat/1")).Should().Be("GET /pets/{proxy+}", "the longer greedy route wins");
        (await RouteOf(HttpMethod.Post, "test/5")).Should().Be("ANY /{proxy+}", "ANY matches a method no route names, and greedy routes beat $default");
        (await RouteOf(HttpMethod.Get, "")).Should().Be("$default");

        using var v1 = await server.Client.GetAsync("v1/7");
        var v1Event = JsonNode.Parse(await v1.Content.ReadAsStringAsync())!;
        v1Event["version"]!.GetValue<string>().Should().Be("1.0");
        v1Event["multiValueHeaders"]!.GetValue<bool>().Should().BeTrue("format 1.0 has multiValueHeaders");
        v1Event["pathParameters"]!["id"]!.GetValue<string>().Should().Be("7");
        using var v2 = await server.Client.GetAsync("pets/dog/2");
        JsonNode.Parse(await v2.Content.ReadAsStringAsync())!["version"]!.GetValue<string>().Should().Be("2.0");

        using var plain = await server.Client.GetAsync("plain");
        plain.StatusCode.Should().Be(HttpStatusCode.OK);
        plain.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await plain.Content.ReadAsStringAsync()).Should().Be("{\"hello\":\"world\"}", "format 2.0 takes valid JSON without statusCode as the body");

        using var denied = await server.Client.GetAsync("locked");
        denied.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await denied.Content.ReadAsStringAsync()).Should().Be("{\"message\":\"Internal Server Error\"}");
        (await File.ReadAllTextAsync(server.TraceFile)).Should().Contain("refused by Lambda");
    }

    [Fact]
    public async Task A_websocket_message_comes_back_through_the_management_api()
    {
        var app = new App(new AppProps { Outdir = scratch.Combine("cdk.out") });
        var stack = NewStack(app, "WsEcho");
        _ = new AstroWebSocketApi(stack, "Ws", new AstroWebSocketApiProps
        {
            Defaults = new WebSocketApiDefaults { Function = new ApiFunctionProps { CodeRoot = CodeRoot } },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["$connect"] = "src/echo.main",
                ["sendMessage"] = "src/wsEcho.main",
            },
        });
        var assembly = app.Synth().Directory;

        await using var server = await PreviewServer.Start(assembly, "WsEcho", scratch.Combine("trace.jsonl"));
        using var socket = await ApiPreviewClient.Connect(server, server.Port, "/prod");
        await ApiPreviewClient.Send(socket, "{\"action\":\"sendMessage\",\"data\":\"hello\"}");
        var echoed = JsonNode.Parse(await ApiPreviewClient.Receive(socket))!;
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);

        echoed["echo"]!.GetValue<string>().Should().Be("hello");
        echoed["routeKey"]!.GetValue<string>().Should().Be("sendMessage");
        (await File.ReadAllTextAsync(server.TraceFile)).Should().Contain("\"behavior\":\"@connections\"").And.Contain("\"method\":\"POST\"");
    }

    public void Dispose() => scratch.Dispose();
}
