using Amazon.CDK;
using Astro.Aws.Tests.Apis.WebSocket;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis;

/// <summary>
/// Refusals both API constructs share (function limits, custom domains) that had a test on one construct only: each
/// is proven here on the other, so docs/bad-input.md can name a test for every row.
/// </summary>
public class ApiFunctionAndDomainBadInputTests
{
    [Fact]
    public void Http_route_function_with_negative_reserved_concurrency() =>
        RefusedHttp(
            _ => new AstroHttpApiProps
            {
                Defaults = ApiStacks.Defaults(),
                Routes = new Dictionary<string, ApiRoute> { ["GET /x"] = ApiRoute.FromHandler("src/list.main") with { FunctionProps = new ApiFunctionProps { ReservedConcurrentExecutions = -1 } } },
            },
            "Routes[\"GET /x\"].ReservedConcurrentExecutions", "received -1", "0 or more");

    [Theory]
    [InlineData(100)]
    [InlineData(20000)]
    public void WebSocket_function_memory_out_of_range(double memory) =>
        RefusedWs(
            _ => new AstroWebSocketApiProps
            {
                Defaults = new WebSocketApiDefaults { Function = new ApiFunctionProps { CodeRoot = WsStacks.CodeRoot, MemorySize = memory } },
                Routes = WsStacks.SeedRoutes(),
            },
            ".MemorySize", $"received {memory}", "128 to 10240");

    [Fact]
    public void WebSocket_function_timeout_of_sixteen_minutes() =>
        RefusedWs(
            _ => new AstroWebSocketApiProps
            {
                Defaults = new WebSocketApiDefaults { Function = new ApiFunctionProps { CodeRoot = WsStacks.CodeRoot, Timeout = Duration.Minutes(16) } },
                Routes = WsStacks.SeedRoutes(),
            },
            ".Timeout", "received 960 s", "at most 30 s");

    [Fact]
    public void WebSocket_custom_domain_without_a_certificate_or_hosted_zone() =>
        RefusedWs(
            _ => new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), CustomDomain = "ws.example.com" },
            "AstroWebSocketApiProps.CustomDomain", "'ws.example.com' has no certificate and no hosted zone", "HostedZone", "Certificate = ...");

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Http_custom_domain_with_an_empty_name(string domain) =>
        RefusedHttp(_ => new AstroHttpApiProps { CustomDomain = domain }, "AstroHttpApiProps.CustomDomain", "empty domain name", "\"api.example.com\"");

    [Fact]
    public void Http_custom_domain_with_an_underscore() =>
        RefusedHttp(_ => new AstroHttpApiProps { CustomDomain = "my_api.example.com" }, "AstroHttpApiProps.CustomDomain", "received 'my_api.example.com'", "refuses underscores", "'my-api.example.com'");

    [Fact]
    public void WebSocket_custom_domain_with_an_underscore() =>
        RefusedWs(_ => new AstroWebSocketApiProps { CustomDomain = "ws_1.example.com" }, "AstroWebSocketApiProps.CustomDomain", "received 'ws_1.example.com'", "refuses underscores", "'ws-1.example.com'");

    [Theory]
    [InlineData("api.example.com.")]
    [InlineData("api..example.com")]
    public void Http_custom_domain_that_is_not_a_host_name(string domain) =>
        RefusedHttp(_ => new AstroHttpApiProps { CustomDomain = domain }, "AstroHttpApiProps.CustomDomain", $"'{domain}' is not a domain name", "\"api.example.com\"");

    [Theory]
    [InlineData("v 1")]
    [InlineData("orders//v1")]
    [InlineData("v1?x")]
    public void Http_custom_domain_base_path_with_characters_api_gateway_refuses(string path) =>
        RefusedHttp(
            scope => new AstroHttpApiProps { CustomDomain = new ApiDomain { DomainName = "api.example.com", Path = path, Certificate = Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(scope, "Cert", "arn:aws:acm:eu-west-1:123456789012:certificate/abc") } },
            "AstroHttpApiProps.CustomDomain.Path", $"received '{path}'", "\"orders/v1\"");

    [Fact]
    public void Http_access_log_format_without_the_request_id() =>
        RefusedHttp(_ => new AstroHttpApiProps { AccessLog = "$context.status" }, "AstroHttpApiProps.AccessLog.Format", "received '$context.status'", "$context.requestId");

    [Fact]
    public void WebSocket_access_log_format_without_the_request_id() =>
        RefusedWs(_ => new AstroWebSocketApiProps { AccessLog = "$context.connectionId" }, "AstroWebSocketApiProps.AccessLog.Format", "received '$context.connectionId'", "$context.requestId");

    private static void RefusedHttp(Func<Stack, AstroHttpApiProps> props, params string[] fragments)
    {
        var act = () => ApiStacks.Http(props);
        Refusal.Expect(act, fragments);
    }

    private static void RefusedWs(Func<Stack, AstroWebSocketApiProps> props, params string[] fragments)
    {
        var act = () => WsStacks.Create(props);
        Refusal.Expect(act, fragments);
    }
}
