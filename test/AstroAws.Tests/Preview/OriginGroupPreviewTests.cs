using System.Net;
using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;
using Astro.Aws.Preview.Server;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// Origin groups as CloudFront serves them ("Request and response behavior for origin groups"): the primary first, the
/// secondary when the primary answers a failover code, both fetches in the trace; the sample's distribution turned into
/// the TypeScript original's shape (default behavior onto a group of the bucket, then the function URL).
/// </summary>
public sealed class OriginGroupPreviewTests(SamplePreviewFixture fixture) : IClassFixture<SamplePreviewFixture>, IDisposable
{
    private const string Stack = "AstroSiteStack";
    private const string GroupId = "BucketThenServer";
    private readonly ScratchFolder scratch = new("preview-origin-groups");

    private static string OriginId(JsonObject config, string kind) =>
        (string)config["Origins"]!.AsArray().Single(o => o![kind] is not null)!["Id"]!;

    // The default behavior onto an origin group, without the request function (which would pick an origin itself).
    private string Planted(string name, int[] codes, string[]? methods = null) => PlantedAssembly.Copy(fixture.Assembly, Stack, scratch.Combine(name), config =>
    {
        config["OriginGroups"] = new JsonObject
        {
            ["Quantity"] = 1,
            ["Items"] = new JsonArray(new JsonObject
            {
                ["Id"] = GroupId,
                ["FailoverCriteria"] = new JsonObject { ["StatusCodes"] = new JsonObject { ["Quantity"] = codes.Length, ["Items"] = new JsonArray([.. codes.Select(c => (JsonNode)c)]) } },
                ["Members"] = new JsonObject
                {
                    ["Quantity"] = 2,
                    ["Items"] = new JsonArray(new JsonObject { ["OriginId"] = OriginId(config, "S3OriginConfig") }, new JsonObject { ["OriginId"] = OriginId(config, "CustomOriginConfig") }),
                },
            }),
        };
        var defaultBehavior = config["DefaultCacheBehavior"]!.AsObject();
        defaultBehavior["TargetOriginId"] = GroupId;
        defaultBehavior["AllowedMethods"] = new JsonArray([.. (methods ?? ["GET", "HEAD", "OPTIONS"]).Select(m => (JsonNode)m)]);
        defaultBehavior.Remove("FunctionAssociations");
    });

    private static JsonObject Entry(PreviewServer server, string path) => File.ReadAllLines(server.TraceFile)
        .Select(line => JsonNode.Parse(line)!.AsObject())
        .Last(e => (string?)e["path"] == path);

    [Fact]
    public async Task A_failover_code_from_the_primary_sends_the_same_request_to_the_secondary()
    {
        await using var server = await PreviewServer.Start(Planted("failover", [403, 404, 500, 502, 503, 504]), Stack, scratch.Combine("failover.jsonl"));

        using var page = await server.Client.GetAsync("ssr?name=Ada");
        using var file = await server.Client.GetAsync("robots.txt");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Headers.GetValues("x-preview-origin").Should().Equal("lambda");
        (await page.Content.ReadAsStringAsync()).Should().Contain("Ada", "the secondary gets the same request, query string included");
        var fetches = Entry(server, "/ssr?name=Ada")["origins"]!.AsArray();
        fetches.Select(f => ((string?)f!["origin"], (int?)f["status"])).Should().Equal(("s3", 403), ("lambda", 200));
        ((string?)fetches[0]!["note"]).Should().Contain("failover: 403");
        ((string?)fetches[1]!["note"]).Should().Contain("secondary of " + GroupId);
        ((string?)fetches[1]!["reached"]!["query"]).Should().Be("name=Ada");

        file.StatusCode.Should().Be(HttpStatusCode.OK);
        Entry(server, "/robots.txt")["origins"]!.AsArray().Select(f => (string?)f!["origin"]).Should().Equal(["s3"], "a 200 from the primary is the answer");
    }

    [Fact]
    public async Task A_status_that_is_not_a_failover_code_is_the_answer()
    {
        await using var server = await PreviewServer.Start(Planted("no-failover", [500, 502]), Stack, scratch.Combine("no-failover.jsonl"));

        using var page = await server.Client.GetAsync("ssr");

        page.StatusCode.Should().Be(HttpStatusCode.Forbidden, "S3 behind OAC answers 403 for a missing key, and 403 is not among the group's codes");
        page.Headers.GetValues("x-preview-origin").Should().Equal("s3");
        Entry(server, "/ssr")["origins"]!.AsArray().Select(f => (string?)f!["origin"]).Should().Equal("s3");
    }

    [Fact]
    public void A_behavior_onto_an_origin_group_that_allows_post_is_refused_at_start()
    {
        var assembly = Planted("allow-all", [403], ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]);

        var start = () => PreviewHost.Create(assembly, Stack, 1, null, null, TextWriter.Null);

        start.Should().Throw<PreviewException>().WithMessage("*allows PUT, PATCH, POST, DELETE onto the origin group BucketThenServer*only GET, HEAD and OPTIONS*");
    }

    [Fact]
    public void A_failover_code_cloudfront_does_not_offer_is_refused_at_start()
    {
        var assembly = Planted("bad-code", [403, 429]);

        var start = () => PreviewHost.Create(assembly, Stack, 1, null, null, TextWriter.Null);

        start.Should().Throw<PreviewException>().WithMessage("*fails over on 429; CloudFront allows only 400, 403, 404, 416, 500, 502, 503, 504*");
    }

    public void Dispose() => scratch.Dispose();
}
