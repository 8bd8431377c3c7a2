using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;
using static Astro.Aws.Tests.Preview.RawHeaders;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// astroaws preview serving the sample's HTTP API and WebSocket API as API Gateway would: the real handlers in Node,
/// routes chosen in API Gateway's order, CORS answered from the API's CorsConfiguration.
/// </summary>
public sealed class SampleApiPreviewTests(SampleApiPreviewFixture fixture) : IClassFixture<SampleApiPreviewFixture>
{
    private HttpClient Client => fixture.Http.Client;

    [Fact]
    public async Task Get_and_post_reach_the_routes_functions()
    {
        using var list = await Client.GetAsync("notes");
        using var post = await Client.PostAsync("notes", new StringContent("{\"text\":\"from the test\"}", Encoding.UTF8, "application/json"));
        using var get = await Client.GetAsync("notes/1");

        list.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(list, "x-preview-origin").Should().Be("apigw");
        Header(list, "x-preview-behavior").Should().Be("GET /notes");
        JsonNode.Parse(await list.Content.ReadAsStringAsync())![0]!["text"]!.GetValue<string>().Should().Be("Hello from AstroHttpApi");
        post.StatusCode.Should().Be(HttpStatusCode.Created);
        JsonNode.Parse(await post.Content.ReadAsStringAsync())!["text"]!.GetValue<string>().Should().Be("from the test");
        Header(get, "x-preview-behavior").Should().Be("GET /notes/{id}");
        JsonNode.Parse(await get.Content.ReadAsStringAsync())!["id"]!.GetValue<string>().Should().Be("1", "the path parameter reaches the function");
    }

    [Fact]
    public async Task A_greedy_route_needs_a_segment_and_an_unknown_path_is_not_found()
    {
        using var greedy = await Client.GetAsync("api/files/a/b.txt");
        using var exact = await Client.GetAsync("api/files");
        using var unknown = await Client.GetAsync("nothing/here");

        Header(greedy, "x-preview-behavior").Should().Be("GET /api/files/{proxy+}");
        (await greedy.Content.ReadAsStringAsync()).Should().Be("file: /a/b.txt\n");
        Header(exact, "x-preview-behavior").Should().Be("GET /api/files");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).Should().Be("{\"message\":\"Not Found\"}");
    }

    [Fact]
    public async Task Api_gateway_answers_the_cors_preflight_and_adds_cors_headers_to_answers()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "notes");
        preflight.Headers.Add("Origin", "https://app.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using var answer = await Client.SendAsync(preflight);
        using var get = new HttpRequestMessage(HttpMethod.Get, "notes");
        get.Headers.Add("Origin", "https://app.example.com");
        using var cors = await Client.SendAsync(get);
        using var plain = await Client.GetAsync("notes");

        answer.StatusCode.Should().Be(HttpStatusCode.NoContent, "there is no OPTIONS route: API Gateway answers the preflight itself");
        Header(answer, "x-preview-behavior").Should().Be("(cors preflight)");
        Header(answer, "Access-Control-Allow-Origin").Should().Be("*");
        Header(answer, "Access-Control-Allow-Methods").Should().Be("*");
        Header(answer, "Access-Control-Allow-Headers").Should().Be("*");
        Header(cors, "Access-Control-Allow-Origin").Should().Be("*");
        Header(plain, "Access-Control-Allow-Origin").Should().BeEmpty("CORS headers need an Origin header");
    }

    [Fact]
    public async Task The_websocket_default_route_returns_its_response_and_custom_routes_are_selected_by_action()
    {
        using var socket = await ApiPreviewClient.Connect(fixture.WebSocket, fixture.WebSocket.Port);
        await ApiPreviewClient.Send(socket, "not json");
        var reply = JsonNode.Parse(await ApiPreviewClient.Receive(socket))!;
        await ApiPreviewClient.Send(socket, "{\"action\":\"sendMessage\",\"data\":\"hi\"}");
        await ApiPreviewClient.Send(socket, "{\"action\":\"nope\"}");
        var second = JsonNode.Parse(await ApiPreviewClient.Receive(socket))!;
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);

        reply["error"]!.GetValue<string>().Should().Be("unknown action", "$default has a route response, so the function's body comes back");
        reply["received"]!.GetValue<string>().Should().Be("not json");
        second["received"]!.GetValue<string>().Should().Be("{\"action\":\"nope\"}", "sendMessage has no route response, so the next reply is $default's for the unknown action");
        var trace = await File.ReadAllTextAsync(fixture.WebSocket.TraceFile);
        trace.Should().Contain("\"behavior\":\"sendMessage\"").And.Contain("\"behavior\":\"$connect\"");
    }
}
