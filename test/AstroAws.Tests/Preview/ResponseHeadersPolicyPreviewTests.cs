using System.Net;
using System.Text.Json.Nodes;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using static Astro.Aws.Tests.Preview.RawHeaders;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// Response headers policies as the preview applies them to the sample site: the managed SecurityHeadersPolicy on the
/// default behavior and CORS-with-preflight-and-SecurityHeadersPolicy on /api/* with the headers AWS publishes for them,
/// the preflight answer headers only on a CORS preflight, an origin's own CORS header kept, and a custom policy's
/// CorsConfig answering a preflight with the template's values (rules cloudfront/managed-response-headers and
/// cloudfront/custom-cors-preflight).
/// </summary>
public sealed class ResponseHeadersPolicyPreviewTests(SamplePreviewFixture fixture) : IClassFixture<SamplePreviewFixture>, IDisposable
{
    private static readonly string[] AllMethods = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

    private readonly ScratchFolder scratch = new("preview-response-headers");

    private HttpClient Client => fixture.Server.Client;

    private static HttpRequestMessage Preflight(string path, string method = "POST")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", "https://app.example.com");
        request.Headers.Add("Access-Control-Request-Method", method);
        return request;
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task The_managed_security_headers_policy_adds_its_five_published_headers()
    {
        using var response = await Client.GetAsync("about");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-preview-behavior").Should().Be("(default)");
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
        Header(response, "Strict-Transport-Security").Should().Be("max-age=31536000");
        Header(response, "X-Frame-Options").Should().Be("SAMEORIGIN");
        Header(response, "Referrer-Policy").Should().Be("strict-origin-when-cross-origin");
        Header(response, "X-XSS-Protection").Should().Be("1; mode=block");
        Header(response, "Access-Control-Allow-Origin").Should().BeEmpty("SecurityHeadersPolicy has no CORS headers");
    }

    [Fact]
    public async Task A_simple_cors_request_to_the_api_gets_only_the_allow_origin_header_of_the_cors_policy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/hello");
        request.Headers.Add("Origin", "https://app.example.com");
        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "Access-Control-Allow-Origin").Should().Be("*");
        Header(response, "Access-Control-Allow-Methods").Should().BeEmpty("for simple CORS requests, CloudFront adds only the Access-Control-Allow-Origin header");
        Header(response, "Access-Control-Expose-Headers").Should().BeEmpty();
        Header(response, "X-Frame-Options").Should().Be("SAMEORIGIN", "the policy also carries the security headers");
    }

    [Fact]
    public async Task A_preflight_to_the_api_carries_the_managed_preflight_answer_where_the_origin_sent_none()
    {
        // No route answers OPTIONS here, so the origin's answer (Astro's 404) carries no CORS header of its own.
        using var request = Preflight("api/no-such-route");
        using var response = await Client.SendAsync(request);

        Header(response, "x-preview-behavior").Should().Be("/api/*");
        Header(response, "Access-Control-Allow-Origin").Should().Be("*");
        List(Header(response, "Access-Control-Allow-Methods")).Should().BeEquivalentTo(AllMethods);
        Header(response, "Access-Control-Expose-Headers").Should().Be("*");
        Header(response, "Access-Control-Allow-Headers").Should().BeEmpty("the managed preflight policy publishes no Access-Control-Allow-Headers");
        Header(response, "Access-Control-Max-Age").Should().BeEmpty("the managed preflight policy publishes no Access-Control-Max-Age");
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
    }

    [Fact]
    public async Task A_preflight_to_the_api_keeps_the_cors_headers_the_origin_sent()
    {
        using var request = Preflight("api/hello");
        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Header(response, "x-preview-origin").Should().Be("lambda");
        Header(response, "Access-Control-Allow-Methods").Should().Be("GET, POST, OPTIONS", "the origin's header wins over the policy's (Override origin: No)");
        Header(response, "Access-Control-Expose-Headers").Should().Be("*", "the origin did not send this one");
    }

    [Fact]
    public async Task A_custom_cors_policy_answers_a_preflight_with_its_template_values()
    {
        await using var server = await PlantedCorsPolicy(originOverride: true);
        using var request = Preflight("api/hello", "PUT");
        using var response = await server.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        Header(response, "Access-Control-Allow-Origin").Should().Be("https://app.example.com");
        Header(response, "Access-Control-Allow-Credentials").Should().Be("true");
        List(Header(response, "Access-Control-Allow-Methods")).Should().BeEquivalentTo("GET", "PUT");
        List(Header(response, "Access-Control-Allow-Headers")).Should().BeEquivalentTo("x-planted");
        Header(response, "Access-Control-Max-Age").Should().Be("42");
    }

    [Fact]
    public async Task A_custom_cors_policy_adds_no_preflight_headers_to_a_simple_cors_request()
    {
        await using var server = await PlantedCorsPolicy(originOverride: true);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/hello");
        request.Headers.Add("Origin", "https://app.example.com");
        using var response = await server.Client.SendAsync(request);

        Header(response, "Access-Control-Allow-Origin").Should().Be("https://app.example.com");
        Header(response, "Access-Control-Allow-Methods").Should().BeEmpty("Allow-Methods is for responses to CORS preflight requests");
        Header(response, "Access-Control-Max-Age").Should().BeEmpty();
    }

    [Fact]
    public async Task A_custom_cors_policy_without_origin_override_keeps_the_origins_preflight_headers()
    {
        await using var server = await PlantedCorsPolicy(originOverride: false);
        using var request = Preflight("api/hello");
        using var response = await server.Client.SendAsync(request);

        Header(response, "Access-Control-Allow-Methods").Should().Be("GET, POST, OPTIONS");
        Header(response, "Access-Control-Max-Age").Should().Be("600");
        Header(response, "Access-Control-Allow-Credentials").Should().Be("true", "the origin did not send this one");
    }

    public void Dispose() => scratch.Dispose();

    // The sample's /api/* behavior onto a custom policy with a CorsConfig, as a CDK ResponseHeadersPolicy would write it.
    private async Task<PreviewServer> PlantedCorsPolicy(bool originOverride)
    {
        var folder = scratch.Combine(originOverride ? "override" : "keep");
        var assembly = PlantedAssembly.Copy(fixture.Assembly, "AstroSiteStack", Path.Combine(folder, "cdk.out"), config =>
        {
            var api = config["CacheBehaviors"]!.AsArray().Single(b => (string?)b!["PathPattern"] == "/api/*")!.AsObject();
            api["ResponseHeadersPolicyId"] = new JsonObject { ["Ref"] = "PlantedCorsPolicy" };
        });
        var templateFile = Path.Combine(assembly, "AstroSiteStack.template.json");
        var template = JsonNode.Parse(await File.ReadAllTextAsync(templateFile))!;
        template["Resources"]!["PlantedCorsPolicy"] = new JsonObject
        {
            ["Type"] = "AWS::CloudFront::ResponseHeadersPolicy",
            ["Properties"] = new JsonObject
            {
                ["ResponseHeadersPolicyConfig"] = new JsonObject
                {
                    ["Name"] = "planted-cors",
                    ["CorsConfig"] = new JsonObject
                    {
                        ["AccessControlAllowCredentials"] = true,
                        ["AccessControlAllowHeaders"] = new JsonObject { ["Items"] = new JsonArray("x-planted") },
                        ["AccessControlAllowMethods"] = new JsonObject { ["Items"] = new JsonArray("GET", "PUT") },
                        ["AccessControlAllowOrigins"] = new JsonObject { ["Items"] = new JsonArray("https://app.example.com") },
                        ["AccessControlMaxAgeSec"] = 42,
                        ["OriginOverride"] = originOverride,
                    },
                },
            },
        };
        await File.WriteAllTextAsync(templateFile, template.ToJsonString());
        return await PreviewServer.Start(assembly, "AstroSiteStack", Path.Combine(folder, "trace.jsonl"));
    }
}
