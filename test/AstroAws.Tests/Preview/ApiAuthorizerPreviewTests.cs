using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using Stack = Amazon.CDK.Stack;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// The preview's authorization paths: an HTTP API JWT authorizer checked against a local JWKS (<c>--jwks</c>), with
/// tokens signed here by hand (RS256 over base64url parts), answering 401 <c>{"message":"Unauthorized"}</c> as the
/// HTTP API JWT troubleshooting page shows; a Lambda REQUEST authorizer with simple responses; and a WebSocket
/// <c>$connect</c> whose non-2xx answer refuses the connection.
/// </summary>
public sealed class ApiAuthorizerPreviewTests : IDisposable
{
    private const string Issuer = "https://issuer.preview.example";
    private const string Audience = "preview-tests";
    private const string KeyId = "test-key";
    private static readonly string CodeRoot = Path.Combine(TestPaths.TestProject, "Fixtures", "api-preview");
    private readonly ScratchFolder scratch = new("preview-apiauth");

    private static Stack NewStack(App app, string id) => new(app, id, new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "us-east-1" } });

    [Fact]
    public async Task Jwt_authorizer_checks_signature_issuer_audience_and_expiry_against_the_jwks()
    {
        var app = new App(new AppProps { Outdir = scratch.Combine("cdk.out") });
        var stack = NewStack(app, "JwtApi");
        _ = new AstroHttpApi(stack, "Api", new AstroHttpApiProps
        {
            Defaults = new ApiDefaults { Function = new ApiFunctionProps { CodeRoot = CodeRoot } },
            Authorizers = new Dictionary<string, ApiAuthorizer> { ["jwt"] = ApiAuthorizer.Jwt(Issuer, Audience) },
            Routes = new Dictionary<string, ApiRoute> { ["GET /private"] = ApiRoute.FromHandler("src/echo.main") with { Authorizer = "jwt" } },
        });
        var assembly = app.Synth().Directory;
        using var key = RSA.Create(2048);
        using var otherKey = RSA.Create(2048);
        var jwks = scratch.Combine("jwks.json");
        await File.WriteAllTextAsync(jwks, Jwks(key));

        await using var server = await PreviewServer.Start(assembly, "JwtApi", scratch.Combine("trace.jsonl"), jwks);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        JsonObject Claims(string iss = Issuer, string aud = Audience, long? exp = null) =>
            new() { ["iss"] = iss, ["aud"] = aud, ["sub"] = "ada", ["iat"] = now - 60, ["exp"] = exp ?? now + 3600 };
        async Task<HttpResponseMessage> Get(string? token)
        {
            var request = new HttpRequestMessage(System.Net.Http.HttpMethod.Get, "private");
            if (token is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            }

            return await server.Client.SendAsync(request);
        }

        using var valid = await Get(Sign(key, Claims()));
        valid.StatusCode.Should().Be(HttpStatusCode.OK, "a token signed by the JWKS key, with the issuer and audience, reaches the route");
        var claims = JsonNode.Parse(await valid.Content.ReadAsStringAsync())!["authorizer"]!["jwt"]!["claims"]!;
        claims["sub"]!.GetValue<string>().Should().Be("ada", "the token's claims reach the function in requestContext.authorizer.jwt.claims");

        var refusals = new (string Case, string? Token, string? Reason)[]
        {
            ("no token", null, null),
            ("wrong issuer", Sign(key, Claims(iss: "https://someone-else.example")), "issuer"),
            ("wrong audience", Sign(key, Claims(aud: "another-app")), "the token does not have a valid audience"),
            ("expired", Sign(key, Claims(exp: now - 60)), "expired"),
            ("signed by another key", Sign(otherKey, Claims()), "signature"),
        };
        foreach (var (name, token, reason) in refusals)
        {
            using var refused = await Get(token);
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized, name);
            (await refused.Content.ReadAsStringAsync()).Should().Be("{\"message\":\"Unauthorized\"}", name);
            if (reason is not null)
            {
                var challenge = string.Join(' ', refused.Headers.GetValues("www-authenticate"));
                challenge.Should().Contain("error=\"invalid_token\"", name).And.Contain(reason, name);
            }
        }
    }

    [Fact]
    public async Task Jwt_authorizer_requires_one_of_the_route_scopes_in_scope_or_scp()
    {
        var app = new App(new AppProps { Outdir = scratch.Combine("cdk.out") });
        var stack = NewStack(app, "JwtScopes");
        _ = new AstroHttpApi(stack, "Api", new AstroHttpApiProps
        {
            Defaults = new ApiDefaults { Function = new ApiFunctionProps { CodeRoot = CodeRoot } },
            Authorizers = new Dictionary<string, ApiAuthorizer> { ["jwt"] = ApiAuthorizer.Jwt(Issuer, Audience) },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /orders"] = ApiRoute.FromHandler("src/echo.main") with { Authorizer = "jwt", AuthorizationScopes = ["orders:read", "orders/admin"] },
            },
        });
        var assembly = app.Synth().Directory;
        using var key = RSA.Create(2048);
        var jwks = scratch.Combine("jwks.json");
        await File.WriteAllTextAsync(jwks, Jwks(key));

        await using var server = await PreviewServer.Start(assembly, "JwtScopes", scratch.Combine("trace.jsonl"), jwks);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string Token(string? claim, JsonNode? value, string aud = Audience)
        {
            var claims = new JsonObject { ["iss"] = Issuer, ["aud"] = aud, ["sub"] = "ada", ["iat"] = now - 60, ["exp"] = now + 3600 };
            if (claim is not null)
            {
                claims[claim] = value;
            }

            return Sign(key, claims);
        }

        async Task<HttpResponseMessage> Get(string token)
        {
            var request = new HttpRequestMessage(System.Net.Http.HttpMethod.Get, "orders");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            return await server.Client.SendAsync(request);
        }

        var granted = new (string Case, string Token)[]
        {
            ("scope, space-separated, among others", Token("scope", "profile orders:read")),
            ("scp as a string", Token("scp", "orders:read")),
            ("scp as a list (Okta, Entra ID)", Token("scp", new JsonArray("email", "orders/admin"))),
        };
        foreach (var (name, token) in granted)
        {
            using var passed = await Get(token);
            passed.StatusCode.Should().Be(HttpStatusCode.OK, name + ": the token carries one of the route's scopes");
        }

        using var withScopes = await Get(Token("scope", "profile orders:read"));
        JsonNode.Parse(await withScopes.Content.ReadAsStringAsync())!["authorizer"]!["jwt"]!["scopes"]!.AsArray().Select(s => (string?)s)
            .Should().Contain("orders:read", "the token's scopes reach the function in requestContext.authorizer.jwt.scopes");

        foreach (var (name, token) in new[] { ("other scopes only", Token("scope", "profile email")), ("no scope claim", Token(null, null)) })
        {
            using var refused = await Get(token);
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, name + ": a valid token without one of the route's scopes is forbidden, not unauthorized");
            (await refused.Content.ReadAsStringAsync()).Should().Be("{\"message\":\"Forbidden\"}", name);
            string.Join(' ', refused.Headers.GetValues("www-authenticate")).Should().Contain("error=\"insufficient_scope\"", name);
        }

        using var invalid = await Get(Token("scope", "profile", aud: "another-app"));
        invalid.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a token that fails validation is 401 before its scopes are looked at");
    }

    [Fact]
    public async Task Lambda_request_authorizer_with_simple_responses_allows_or_denies()
    {
        var app = new App(new AppProps { Outdir = scratch.Combine("cdk.out") });
        var stack = NewStack(app, "LambdaAuthApi");
        var decider = new Function(stack, "Decider", new FunctionProps
        {
            Runtime = Runtime.NODEJS_20_X, // Amazon.CDK.Lib 2.160.0 has no NODEJS_22_X; the preview runs every Node runtime in its Node 22
            Handler = "src/authorizer.main",
            Code = Code.FromAsset(CodeRoot),
        });
        _ = new AstroHttpApi(stack, "Api", new AstroHttpApiProps
        {
            Defaults = new ApiDefaults { Function = new ApiFunctionProps { CodeRoot = CodeRoot } },
            Authorizers = new Dictionary<string, ApiAuthorizer> { ["gate"] = ApiAuthorizer.Lambda(decider) },
            Routes = new Dictionary<string, ApiRoute> { ["GET /guarded"] = ApiRoute.FromHandler("src/echo.main") with { Authorizer = "gate" } },
        });
        var assembly = app.Synth().Directory;

        await using var server = await PreviewServer.Start(assembly, "LambdaAuthApi", scratch.Combine("trace.jsonl"));
        async Task<HttpResponseMessage> Get(string? authorization)
        {
            var request = new HttpRequestMessage(System.Net.Http.HttpMethod.Get, "guarded");
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            return await server.Client.SendAsync(request);
        }

        using var allowed = await Get("let-me-in");
        allowed.StatusCode.Should().Be(HttpStatusCode.OK, "the authorizer answered isAuthorized: true");
        JsonNode.Parse(await allowed.Content.ReadAsStringAsync())!["authorizer"]!["lambda"]!["who"]!.GetValue<string>()
            .Should().Be("authorizer-fixture", "the authorizer's context reaches the route's function");

        using var denied = await Get("wrong");
        denied.StatusCode.Should().Be(HttpStatusCode.Forbidden, "isAuthorized: false is a denial");
        (await denied.Content.ReadAsStringAsync()).Should().Be("{\"message\":\"Forbidden\"}");

        using var missing = await Get(null);
        missing.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a request without the identity source is refused before the authorizer runs");
        (await missing.Content.ReadAsStringAsync()).Should().Be("{\"message\":\"Unauthorized\"}");
    }

    [Fact]
    public async Task Websocket_connect_answering_non_2xx_refuses_the_connection()
    {
        var app = new App(new AppProps { Outdir = scratch.Combine("cdk.out") });
        var stack = NewStack(app, "WsGate");
        _ = new AstroWebSocketApi(stack, "Ws", new AstroWebSocketApiProps
        {
            Defaults = new WebSocketApiDefaults { Function = new ApiFunctionProps { CodeRoot = CodeRoot } },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["$connect"] = "src/connectGate.main",
                ["$default"] = ApiRoute.FromHandler("src/echo.main") with { ReturnResponse = true },
            },
        });
        var assembly = app.Synth().Directory;

        await using var server = await PreviewServer.Start(assembly, "WsGate", scratch.Combine("trace.jsonl"));
        using var admitted = await ApiPreviewClient.Connect(server, server.Port, "/prod?ticket=ok");
        admitted.State.Should().Be(WebSocketState.Open, "$connect answered 200");
        await admitted.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);

        var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(server.CertificateFile));
        using var refused = new ClientWebSocket();
        refused.Options.CollectHttpResponseDetails = true;
        refused.Options.RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var connect = () => refused.ConnectAsync(new Uri($"wss://127.0.0.1:{server.Port}/prod?ticket=no"), timeout.Token);
        await connect.Should().ThrowAsync<WebSocketException>("$connect answered 401, so the handshake is refused");
        refused.HttpStatusCode.Should().Be(HttpStatusCode.Unauthorized, "the handshake is answered with $connect's status");
        static IEnumerable<int> ConnectStatuses(string[] lines) =>
            lines.Select(l => JsonNode.Parse(l)!).Where(e => (string?)e["behavior"] == "$connect").Select(e => (int)e["status"]!);
        ConnectStatuses(await server.TraceLines(lines => ConnectStatuses(lines).Count() >= 2))
            .Should().Equal([101, 401], "the trace has the accepted and the refused connection");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Jwks(RSA key)
    {
        var parameters = key.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["kid"] = KeyId,
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["n"] = Base64Url(parameters.Modulus!),
                ["e"] = Base64Url(parameters.Exponent!),
            }),
        }.ToJsonString();
    }

    /// <summary>A compact JWS: base64url(header).base64url(claims).base64url(RS256 signature over the first two).</summary>
    private static string Sign(RSA key, JsonObject claims)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = KeyId };
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    public void Dispose() => scratch.Dispose();
}
