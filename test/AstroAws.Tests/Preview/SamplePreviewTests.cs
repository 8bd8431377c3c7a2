using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;
using static Astro.Aws.Tests.Preview.RawHeaders;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// astroaws preview serving the real sample site (the real Astro build, synthesized by the sample app) over HTTPS: the
/// requests a browser makes, answered by the staged S3 assets and the real handler in Node, with AWS's rules applied.
/// </summary>
public sealed class SamplePreviewTests(SamplePreviewFixture fixture) : IClassFixture<SamplePreviewFixture>
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task A_static_file_comes_from_the_bucket_with_the_deployments_metadata()
    {
        using var response = await Client.GetAsync("robots.txt");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-preview-origin").Should().Be("s3");
        Header(response, "x-preview-behavior").Should().Be("(default)");
        Header(response, "Cache-Control").Should().Be("public,max-age=0,s-maxage=86400,stale-while-revalidate=86400");
        Header(response, "Content-Type").Should().StartWith("text/plain");
        (await response.Content.ReadAsStringAsync()).Should().Be(await File.ReadAllTextAsync(Path.Combine(Support.TestPaths.SampleSite, "dist", "client", "robots.txt")));
    }

    [Fact]
    public async Task A_prerendered_page_is_its_index_html_in_the_bucket()
    {
        using var response = await Client.GetAsync("about");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-preview-origin").Should().Be("s3");
        Header(response, "Content-Type").Should().StartWith("text/html");
        Header(response, "x-preview-cache").Should().Be("would-cache ttl=86400");
        (await response.Content.ReadAsStringAsync()).Should().Be(await File.ReadAllTextAsync(Path.Combine(Support.TestPaths.SampleSite, "dist", "client", "about", "index.html")));
    }

    [Fact]
    public async Task The_server_page_sees_the_query_string_and_cookies_and_its_cookie_comes_back()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "ssr?name=Ada&other=1");
        request.Headers.Add("Cookie", "theme=dark; unrelated=1");
        using var response = await Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-preview-origin").Should().Be("lambda");
        html.Should().Contain("Ada").And.Contain("dark");
        Header(response, "Set-Cookie").Should().Contain("last-name=Ada");
        Header(response, "x-preview-cache").Should().StartWith("no-cache");
    }

    [Fact]
    public async Task A_same_origin_form_post_to_the_server_page_succeeds()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "form")
        {
            Content = new StringContent("message=hello+preview", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Origin", $"https://localhost:{fixture.Server.Port}");
        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-preview-origin").Should().Be("lambda");
        (await response.Content.ReadAsStringAsync()).Should().Contain("data-posted=\"hello preview\"");
    }

    [Fact]
    public async Task A_cross_origin_form_post_is_refused_by_astro()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "form")
        {
            Content = new StringContent("message=x", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("Origin", "https://elsewhere.example");
        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Header(response, "x-preview-origin").Should().Be("lambda");
    }

    [Fact]
    public async Task A_hashed_asset_is_immutable_from_the_bucket()
    {
        var asset = Directory.EnumerateFiles(Path.Combine(Support.TestPaths.SampleSite, "dist", "client", "_astro")).First();
        using var response = await Client.GetAsync("_astro/" + Path.GetFileName(asset));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(response, "x-preview-origin").Should().Be("s3");
        Header(response, "x-preview-behavior").Should().Be("/_astro/*");
        Header(response, "Cache-Control").Should().Be("public,max-age=31536000,immutable");
        Header(response, "x-preview-cache").Should().Be("would-cache ttl=31536000");
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(await File.ReadAllBytesAsync(asset));
    }

    [Fact]
    public async Task A_missing_key_under_the_bucket_behavior_is_access_denied_as_behind_oac()
    {
        using var response = await Client.GetAsync("_astro/missing.js");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Header(response, "x-preview-origin").Should().Be("s3");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<Code>AccessDenied</Code>");
    }

    [Fact]
    public async Task An_unknown_page_is_the_404_page_with_status_404()
    {
        using var response = await Client.GetAsync("no/such/page");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Header(response, "x-preview-origin").Should().Be("lambda");
        Header(response, "Content-Type").Should().StartWith("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<html");
    }

    [Fact]
    public async Task A_cors_preflight_to_the_api_is_answered_by_the_function_with_the_methods_and_headers_it_allows()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "api/hello");
        request.Headers.Add("Origin", "https://other.example.com");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var response = await Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent, "a browser needs a 2xx preflight answer, which the CORS-with-preflight policy adds headers to but does not make");
        Header(response, "x-preview-origin").Should().Be("lambda");
        Header(response, "Access-Control-Allow-Methods").Should().Contain("POST");
        Header(response, "Access-Control-Allow-Headers").Should().Contain("content-type");
        Header(response, "Access-Control-Allow-Origin").Should().Be("*");
    }

    [Fact]
    public async Task A_method_the_behavior_does_not_allow_is_refused_by_cloudfront_with_403()
    {
        using var response = await Client.PutAsync("_astro/anything.js", new StringContent("x"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Header(response, "x-preview-origin").Should().Be("cloudfront");
        Header(response, "x-preview-behavior").Should().Be("/_astro/*");
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_as_the_viewer_protocol_policy_says()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync($"http://localhost:{fixture.Server.HttpPort}/about?x=1");

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location.Should().Be(new Uri($"https://localhost:{fixture.Server.Port}/about?x=1"));
        Header(response, "x-preview-origin").Should().Be("cloudfront");
    }

    [Fact]
    public async Task Each_request_is_traced_in_the_json_lines_file_with_its_origin_fetches()
    {
        using (var response = await Client.GetAsync("ssr?name=trace-me"))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var entry = (await File.ReadAllLinesAsync(fixture.Server.TraceFile))
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .Last(e => (string?)e["path"] == "/ssr?name=trace-me");
        ((string?)entry["method"]).Should().Be("GET");
        ((string?)entry["behavior"]).Should().Be("(default)");
        ((string?)entry["function"]).Should().Be("viewer-request: passed");
        ((int?)entry["status"]).Should().Be(200);
        entry["origins"]!.AsArray().Select(o => (string?)o!["origin"]).Should().Equal("lambda");
        fixture.Server.Console.Should().Contain("GET /ssr?name=trace-me -> 200 [(default)]");
    }
}
