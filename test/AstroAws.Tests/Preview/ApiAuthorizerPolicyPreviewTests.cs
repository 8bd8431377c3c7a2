using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using Stack = Amazon.CDK.Stack;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// Lambda authorizers that answer with an IAM policy, as the preview judges them: an HTTP API authorizer in payload 1.0
/// and 2.0 (Allow on the route ARN, which names the request's own path; Deny beats Allow; a policy for other routes is
/// 403; no policy or a failed call 500; the context reaching the route), and a WebSocket <c>$connect</c> authorizer
/// whose policy admits or refuses the handshake and whose context every later route sees.
/// </summary>
public sealed class ApiAuthorizerPolicyPreviewTests : IDisposable
{
    private static readonly string CodeRoot = Path.Combine(TestPaths.TestProject, "Fixtures", "api-preview");
    private readonly ScratchFolder scratch = new("preview-apipolicy");

    private static Stack NewStack(App app, string id) => new(app, id, new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "us-east-1" } });

    private static Function Fixture(Stack stack, string id, string handler) => new(stack, id, new FunctionProps
    {
        Runtime = Runtime.NODEJS_20_X, // Amazon.CDK.Lib 2.160.0 has no NODEJS_22_X; the preview runs every Node runtime in its Node 22
        Handler = handler,
        Code = Code.FromAsset(CodeRoot),
    });

    [Fact]
    public async Task Http_lambda_authorizer_policy_allows_only_the_route_arn_it_names()
    {
        var app = new App(new AppProps { Outdir = scratch.Combine("cdk.out") });
        var stack = NewStack(app, "PolicyApi");
        var decider = Fixture(stack, "Decider", "src/policyAuthorizer.main");
        _ = new AstroHttpApi(stack, "Api", new AstroHttpApiProps
        {
            Defaults = new ApiDefaults { Function = new ApiFunctionProps { CodeRoot = CodeRoot } },
            Authorizers = new Dictionary<string, ApiAuthorizer>
            {
                ["gateOne"] = new ApiLambdaAuthorizer(decider) { ResponseType = ApiLambdaAuthorizerResponse.Iam },
                ["gateTwo"] = new ApiLambdaAuthorizer(decider) { ResponseType = ApiLambdaAuthorizerResponse.Iam },
            },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /one/items/{id}"] = ApiRoute.FromHandler("src/echo.main") with { Authorizer = "gateOne" },
                ["GET /two/items/{id}"] = ApiRoute.FromHandler("src/echo.main") with { Authorizer = "gateTwo" },
            },
        });
        foreach (var authorizer in stack.Node.FindAll().OfType<Amazon.CDK.AWS.Apigatewayv2.CfnAuthorizer>().Where(a => a.Name.Contains("gateTwo", StringComparison.Ordinal)))
        {
            // The IAM policy answer is also the 2.0 payload's alternative to simple responses.
            authorizer.AuthorizerPayloadFormatVersion = "2.0";
        }

        var assembly = app.Synth().Directory;
        await using var server = await PreviewServer.Start(assembly, "PolicyApi", scratch.Combine("trace.jsonl"));
        async Task<HttpResponseMessage> Get(string path, string? authorization)
        {
            var request = new HttpRequestMessage(System.Net.Http.HttpMethod.Get, path);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            return await server.Client.SendAsync(request);
        }

        foreach (var (prefix, payload) in new[] { ("one", "1.0"), ("two", "2.0") })
        {
            var path = prefix + "/items/42";
            foreach (var allowed in new[] { "allow", "exact", "wildcard" })
            {
                using var passed = await Get(path, allowed);
                passed.StatusCode.Should().Be(HttpStatusCode.OK, $"payload {payload}, '{allowed}': the policy allows execute-api:Invoke on the route ARN");
                var lambda = JsonNode.Parse(await passed.Content.ReadAsStringAsync())!["authorizer"]!["lambda"]!;
                ((string?)lambda["who"]).Should().Be("policy-fixture", $"payload {payload}: the authorizer's context reaches requestContext.authorizer.lambda");
                ((string?)lambda["payload"]).Should().Be(payload, "the authorizer got the event of its payload format version");
            }

            foreach (var denied in new[] { "elsewhere", "manage", "deny" })
            {
                using var refused = await Get(path, denied);
                refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, $"payload {payload}, '{denied}': no Allow of execute-api:Invoke for this route, or an explicit Deny, is a denial");
                (await refused.Content.ReadAsStringAsync()).Should().Be("{\"message\":\"Forbidden\"}");
            }

            foreach (var failed in new[] { "broken", "throw" })
            {
                using var error = await Get(path, failed);
                error.StatusCode.Should().Be(HttpStatusCode.InternalServerError, $"payload {payload}, '{failed}': an answer in the wrong format or a failed authorizer is 500");
                (await error.Content.ReadAsStringAsync()).Should().Be("{\"message\":\"Internal Server Error\"}");
            }

            using var missing = await Get(path, null);
            missing.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"payload {payload}: without the identity source the authorizer is not called");
            (await missing.Content.ReadAsStringAsync()).Should().Be("{\"message\":\"Unauthorized\"}");
        }
    }

    [Fact]
    public async Task Websocket_connect_authorizer_policy_admits_or_refuses_and_its_context_reaches_every_route()
    {
        var app = new App(new AppProps { Outdir = scratch.Combine("cdk.out") });
        var stack = NewStack(app, "WsPolicy");
        var decider = Fixture(stack, "Decider", "src/wsPolicyAuthorizer.main");
        _ = new AstroWebSocketApi(stack, "Ws", new AstroWebSocketApiProps
        {
            Defaults = new WebSocketApiDefaults { Function = new ApiFunctionProps { CodeRoot = CodeRoot } },
            Authorizer = new ApiLambdaAuthorizer(decider) { ResponseType = ApiLambdaAuthorizerResponse.Iam, IdentitySource = ["route.request.querystring.ticket"] },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["$connect"] = "src/connectNeedsContext.main",
                ["$default"] = ApiRoute.FromHandler("src/echo.main") with { ReturnResponse = true },
            },
        });
        var assembly = app.Synth().Directory;

        await using var server = await PreviewServer.Start(assembly, "WsPolicy", scratch.Combine("trace.jsonl"));
        using (var admitted = await ApiPreviewClient.Connect(server, server.Port, "/prod?ticket=ok"))
        {
            admitted.State.Should().Be(WebSocketState.Open, "the policy allows {stage}/$connect, and $connect saw the authorizer's context");
            await ApiPreviewClient.Send(admitted, "{\"hello\":\"world\"}");
            var authorizer = JsonNode.Parse(await ApiPreviewClient.Receive(admitted))!["authorizer"];
            authorizer.Should().NotBeNull("a route after $connect gets requestContext.authorizer");
            ((string?)authorizer!["room"]).Should().Be("lobby", "the authorizer's context stays with the connection for later routes");
            ((string?)authorizer["principalId"]).Should().Be("ada");
            await admitted.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        (await Handshake(server, "/prod?ticket=wrong")).Should().Be(HttpStatusCode.Forbidden, "a Deny for $connect refuses the connection with 403");
        (await Handshake(server, "/prod")).Should().Be(HttpStatusCode.Unauthorized, "without the identity source the connection is refused with 401");
    }

    /// <summary>The status a refused WebSocket handshake was answered with.</summary>
    private static async Task<HttpStatusCode> Handshake(PreviewServer server, string path)
    {
        var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(server.CertificateFile));
        using var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;
        client.Options.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var connect = () => client.ConnectAsync(new Uri($"wss://127.0.0.1:{server.Port}{path}"), timeout.Token);
        await connect.Should().ThrowAsync<WebSocketException>(path + " is refused");
        return client.HttpStatusCode;
    }

    public void Dispose() => scratch.Dispose();
}
