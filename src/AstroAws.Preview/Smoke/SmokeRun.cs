using System.Net;
using System.Net.Security;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Astro.Aws.Preview.Smoke;

/// <summary>
/// The request classes of the sample site (static file, prerendered page, server page with query and cookie, form POST,
/// Astro Action POST, /api GET and POST, hashed asset, unknown page, image) sent to one base URL, each checked
/// against what a correctly deployed site answers.
/// </summary>
public sealed partial class SmokeRun : IDisposable
{
    // The headers a report shows: what decides how the answer is cached and whether a browser accepts it.
    private static readonly string[] Reported = ["content-type", "cache-control", "x-cache", "age", "access-control-allow-origin", "x-preview-origin"];
    private const string ForeignOrigin = "https://smoke.example";

    private readonly HttpClient client;
    private readonly Uri baseUrl;
    private readonly string nonce = Guid.NewGuid().ToString("N")[..8];

    public SmokeRun(Uri baseUrl, bool insecure, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        this.baseUrl = new Uri(baseUrl.GetLeftPart(UriPartial.Authority) + "/");
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.All };
        if (insecure)
        {
            // Only when asked (--insecure): the preview's certificate is self-signed.
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true };
        }

        client = new HttpClient(handler) { BaseAddress = this.baseUrl, Timeout = timeout };
    }

    public async Task<IReadOnlyList<SmokeCheck>> RunAsync(CancellationToken cancel)
    {
        var self = baseUrl.GetLeftPart(UriPartial.Authority);
        var name = "smoke-" + nonce;
        var checks = new List<SmokeCheck>
        {
            await Check("static file", HttpMethod.Get, "robots.txt", null, null, "200, text/plain", (r, _) =>
                Expect(r.StatusCode == HttpStatusCode.OK, "status") ?? Expect(Type(r).StartsWith("text/plain", StringComparison.Ordinal), "content-type"), cancel).ConfigureAwait(false),
            await Check("prerendered page", HttpMethod.Get, "about", null, null, "200, text/html", Html, cancel).ConfigureAwait(false),
            await Check("server page with query", HttpMethod.Get, $"ssr?name={name}", null, new() { ["cookie"] = "theme=smoke" }, "200, text/html, the page shows the query string and the cookie", (r, body) =>
                Html(r, body) ?? Expect(body.Contains($"data-name=\"{name}\"", StringComparison.Ordinal), "the query string did not reach the page")
                    ?? Expect(body.Contains("data-theme=\"smoke\"", StringComparison.Ordinal), "the cookie did not reach the page"), cancel).ConfigureAwait(false),
            await Check("form POST", HttpMethod.Post, "form", Form("message", name), new() { ["origin"] = self }, "200, the page shows what was posted", (r, body) =>
                Html(r, body) ?? Expect(body.Contains($"data-posted=\"{name}\"", StringComparison.Ordinal), "the posted message is not on the page"), cancel).ConfigureAwait(false),
            await Check("action POST", HttpMethod.Post, "actions?_action=greet", Form("name", name), new() { ["origin"] = self }, "2xx or 3xx (Astro answers an HTML form action itself)", (r, _) =>
                Expect((int)r.StatusCode is >= 200 and < 400, "status"), cancel).ConfigureAwait(false),
            await Check("api GET with query", HttpMethod.Get, $"api/hello?x={name}", null, new() { ["origin"] = ForeignOrigin }, "200, JSON echoing the query, CORS allows the origin", (r, body) =>
                Json(r, body, j => (string?)j["query"]?["x"] == name, "the query string did not reach the API") ?? Cors(r), cancel).ConfigureAwait(false),
            await Check("api POST JSON", HttpMethod.Post, "api/hello", new StringContent("{\"n\":42}", Encoding.UTF8, "application/json"), new() { ["origin"] = ForeignOrigin }, "200, JSON echoing the body, CORS allows the origin", (r, body) =>
                Json(r, body, j => (int?)j["echo"]?["n"] == 42, "the JSON body did not reach the API") ?? Cors(r), cancel).ConfigureAwait(false),
        };

        var about = await Text("about", cancel).ConfigureAwait(false);
        checks.Add(AssetPattern().Match(about) is { Success: true } asset
            ? await Check("hashed asset", HttpMethod.Get, asset.Groups[1].Value.TrimStart('/'), null, null, "200, Cache-Control immutable", (r, _) =>
                Expect(r.StatusCode == HttpStatusCode.OK, "status") ?? Expect(Header(r, "cache-control").Contains("immutable", StringComparison.OrdinalIgnoreCase), "Cache-Control is not immutable"), cancel).ConfigureAwait(false)
            : Missing("hashed asset", "GET", "/about", "no /_astro/ file is referenced by /about"));

        checks.Add(await Check("unknown page", HttpMethod.Get, $"smoke-missing-{nonce}", null, null, "404, text/html (the 404 page)", (r, _) =>
            Expect(r.StatusCode == HttpStatusCode.NotFound, "status") ?? Expect(Type(r).StartsWith("text/html", StringComparison.Ordinal), "content-type"), cancel).ConfigureAwait(false));

        var images = await Text("images", cancel).ConfigureAwait(false);
        checks.Add(ImagePattern().Match(images) is { Success: true } image
            ? await Check("image", HttpMethod.Get, WebUtility.HtmlDecode(image.Groups[1].Value).TrimStart('/'), null, null, "200, image/*", (r, _) =>
                Expect(r.StatusCode == HttpStatusCode.OK, "status") ?? Expect(Type(r).StartsWith("image/", StringComparison.Ordinal), "content-type"), cancel).ConfigureAwait(false)
            : Missing("image", "GET", "/images", "no /_image URL on /images"));
        return checks;
    }

    private async Task<SmokeCheck> Check(string name, HttpMethod method, string path, HttpContent? content, Dictionary<string, string>? headers, string expected, Func<HttpResponseMessage, string, string?> verdict, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        foreach (var (header, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        try
        {
            using var response = await client.SendAsync(request, cancel).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
            var problem = verdict(response, body);
            if (problem == "status")
            {
                problem = $"status {(int)response.StatusCode}";
            }
            else if (problem == "content-type")
            {
                problem = $"content-type {Type(response)}";
            }

            var shown = Reported.Select(h => (h, Header(response, h))).Where(p => p.Item2.Length > 0).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal);
            return new SmokeCheck(name, method.Method, "/" + path, (int)response.StatusCode, problem is null, expected, problem, shown);
        }
        catch (HttpRequestException e)
        {
            return new SmokeCheck(name, method.Method, "/" + path, null, false, expected, "request failed: " + (e.InnerException?.Message ?? e.Message), new Dictionary<string, string>());
        }
        catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
        {
            return new SmokeCheck(name, method.Method, "/" + path, null, false, expected, $"no answer within {client.Timeout.TotalSeconds:0} s", new Dictionary<string, string>());
        }
    }

    private static SmokeCheck Missing(string name, string method, string path, string problem) => new(name, method, path, null, false, "a URL to request", problem, new Dictionary<string, string>());

    private async Task<string> Text(string path, CancellationToken cancel)
    {
        try
        {
            return await client.GetStringAsync(path, cancel).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
    }

    private static FormUrlEncodedContent Form(string field, string value) => new([new KeyValuePair<string, string>(field, value)]);

    private static string? Expect(bool condition, string problem) => condition ? null : problem;

    private static string? Html(HttpResponseMessage r, string body) =>
        Expect(r.StatusCode == HttpStatusCode.OK, "status") ?? Expect(Type(r).StartsWith("text/html", StringComparison.Ordinal), "content-type");

    private static string? Json(HttpResponseMessage r, string body, Func<JsonNode, bool> holds, string problem)
    {
        if (Expect(r.StatusCode == HttpStatusCode.OK, "status") is { } status)
        {
            return status;
        }

        try
        {
            return JsonNode.Parse(body) is { } json && holds(json) ? null : problem;
        }
        catch (System.Text.Json.JsonException)
        {
            return "the body is not JSON";
        }
    }

    private static string? Cors(HttpResponseMessage r) =>
        Header(r, "access-control-allow-origin") is "*" or ForeignOrigin ? null : "no Access-Control-Allow-Origin for " + ForeignOrigin;

    private static string Type(HttpResponseMessage r) => Header(r, "content-type");

    private static string Header(HttpResponseMessage r, string name) =>
        r.Headers.NonValidated.TryGetValues(name, out var values) || r.Content.Headers.NonValidated.TryGetValues(name, out values) ? string.Join(",", values) : string.Empty;

    [GeneratedRegex("(?:href|src)=\"(/_astro/[^\"?#]+)\"")]
    private static partial Regex AssetPattern();

    [GeneratedRegex("src=\"(/_image\\?[^\"]+)\"")]
    private static partial Regex ImagePattern();

    public void Dispose() => client.Dispose();
}
