using System.Text.Json.Nodes;
using Amazon.CDK.AWS.CloudFront;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using CloudFrontFunction = Amazon.CDK.AWS.CloudFront.Function;
using CloudFrontFunctionProps = Amazon.CDK.AWS.CloudFront.FunctionProps;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// <see cref="AstroAwsProps.ViewerRequest"/> and <see cref="AstroAwsProps.ViewerResponse"/>: the caller's code runs in
/// the site's CloudFront Functions, checked at synth (declaration, syntax, 10 KB), and the template's own code is run
/// in Node through the routing model.
/// </summary>
public sealed class ViewerCodeTests : IDisposable
{
    // The basic-auth example of docs/viewer-code.md: "user:secret" is dXNlcjpzZWNyZXQ= in base64.
    public const string BasicAuth = """
        function viewerRequest(event) {
          var authorization = event.request.headers.authorization;
          if (authorization && authorization.value === 'Basic dXNlcjpzZWNyZXQ=') return;
          return {
            statusCode: 401,
            statusDescription: 'Unauthorized',
            headers: { 'www-authenticate': { value: 'Basic realm="staging", charset="UTF-8"' } },
          };
        }
        """;

    private static readonly Dictionary<string, string> Credentials = new() { ["authorization"] = "Basic dXNlcjpzZWNyZXQ=" };

    private readonly ScratchFolder scratch = new("astroaws-viewer-code");

    public void Dispose() => scratch.Dispose();

    [Theory]
    [InlineData("ssr")]
    [InlineData("edge")]
    [InlineData("static")]
    public void Basic_auth_answers_401_without_credentials_and_routes_as_usual_with_them(string mode)
    {
        var (stack, _) = SiteStacks.ForFixture(mode, p => new AstroAwsProps { OutDir = p.OutDir, ViewerRequest = ViewerCode.FromInline(BasicAuth) });
        var model = SiteStacks.Model(stack);
        var asset = "/_astro/" + Path.GetFileName(Directory.GetFiles(Path.Combine(TestPaths.Fixture(mode), mode == "static" ? "_astro" : "client/_astro"))[0]);

        foreach (var refused in model.Route(ViewerRequest.Get("/about"), ViewerRequest.Get(asset), ViewerRequest.Post("/form")))
        {
            refused.AnsweredByFunction.Should().BeTrue($"{refused.PathPattern} runs the hook");
            refused.Response!.StatusCode.Should().Be(401);
            refused.Response.Headers["www-authenticate"].Should().StartWith("Basic realm=");
        }

        var page = model.Route(new ViewerRequest("GET", "/about", Headers: Credentials));
        page.AnsweredByFunction.Should().BeFalse();
        page.OriginUri.Should().Be(mode == "static" ? "/about/index.html" : "/about/index.html");
        model.Route(new ViewerRequest("GET", asset, Headers: Credentials)).ReachesBucket.Should().BeTrue();
        if (mode != "static")
        {
            model.Route(new ViewerRequest("POST", "/form", Headers: Credentials)).ReachesServer.Should().BeTrue();
        }
    }

    [Fact]
    public void The_docs_basic_auth_example_is_the_code_tested_here()
    {
        static string Code(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "viewer-code.md"));

        Code(page).Should().Contain(Code(BasicAuth));
    }

    [Fact]
    public void The_hook_runs_after_the_host_redirect_and_before_x_forwarded_host_and_routing()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr", p => new AstroAwsProps
        {
            OutDir = p.OutDir,
            // It moves /old to /about, and tags the request with the Host it saw forwarded by the viewer (if any).
            ViewerRequest = ViewerCode.FromInline("""
                function viewerRequest(event) {
                  if (event.request.uri === '/old') event.request.uri = '/about';
                  var sent = event.request.headers['x-forwarded-host'];
                  event.request.headers['x-seen-forwarded-host'] = { value: sent ? sent.value : 'none' };
                }
                """),
        });
        var model = SiteStacks.Model(stack);

        var moved = model.Get("/old");
        moved.ReachesBucket.Should().BeTrue("routing sees the URI the hook wrote");
        moved.OriginUri.Should().Be("/about/index.html");

        var page = model.Route(new ViewerRequest("GET", "/ssr", Headers: new Dictionary<string, string> { ["x-forwarded-host"] = "evil.example" }));
        page.OriginHeaders["x-seen-forwarded-host"].Should().Be("evil.example", "the hook runs before the site overwrites x-forwarded-host");
        page.OriginHeaders["x-forwarded-host"].Should().Be(ViewerRequest.Host, "the site still overwrites it after the hook");

        var code = site.Plan.Routing.Code;
        code.IndexOf("viewerRequest(event);", StringComparison.Ordinal).Should().BeLessThan(code.IndexOf("request.headers['x-forwarded-host'] =", StringComparison.Ordinal));
    }

    [Fact]
    public void An_async_hook_is_awaited_with_the_table_in_the_functions_code()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr", p => new AstroAwsProps
        {
            OutDir = p.OutDir,
            ViewerRequest = ViewerCode.FromInline("async function viewerRequest(event) { if (event.request.uri === '/blocked') return { statusCode: 403, statusDescription: 'Forbidden' }; }"),
        });

        site.Plan.Routing.Placement.Should().Be(RoutePlacement.FunctionCode);
        var model = SiteStacks.Model(stack);
        model.Get("/blocked").Response!.StatusCode.Should().Be(403);
        model.Get("/about").ReachesBucket.Should().BeTrue();
    }

    [Fact]
    public void The_hook_joins_a_function_that_reads_its_table_from_the_store()
    {
        var build = GeneratedBuilds.WithPages(scratch, "ssr", 600);
        var (stack, site) = SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = build, ViewerRequest = ViewerCode.FromInline(BasicAuth) });

        site.Plan.Routing.Placement.Should().Be(RoutePlacement.KeyValueStore);
        var model = SiteStacks.Model(stack);
        model.Get(GeneratedBuilds.DeepPage).Response!.StatusCode.Should().Be(401);
        model.Route(new ViewerRequest("GET", GeneratedBuilds.DeepPage, Headers: Credentials)).ReachesBucket.Should().BeTrue();
    }

    [Fact]
    public void The_viewer_response_hook_runs_on_every_behavior_and_returns_its_response()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr", p => new AstroAwsProps
        {
            OutDir = p.OutDir,
            ViewerResponse = ViewerCode.FromInline("""
                function viewerResponse(event) {
                  event.response.headers['x-robots-tag'] = { value: 'noindex' };
                  return event.response;
                }
                """),
        });
        var json = SiteStacks.Json(stack);

        foreach (var behavior in new[] { TemplateQueries.DefaultBehavior(json), TemplateQueries.Behavior(json, "/api/*"), TemplateQueries.Behavior(json, "/_astro/*") })
        {
            behavior["FunctionAssociations"]!.AsArray().Select(a => (string)a!["EventType"]!).Should().Contain("viewer-response");
        }

        var code = (string)TemplateQueries.OfType(json, "AWS::CloudFront::Function").Single(f => f.Key.Contains("ResponseFunction", StringComparison.Ordinal)).Value!["Properties"]!["FunctionCode"]!;
        var response = RunResponseFunction(code, new JsonObject { ["statusCode"] = 200, ["headers"] = new JsonObject { ["content-type"] = new JsonObject { ["value"] = "text/html" } } });
        ((string)response["headers"]!["x-robots-tag"]!["value"]!).Should().Be("noindex");
        ((string)response["headers"]!["content-type"]!["value"]!).Should().Be("text/html");
        site.ResponseFunction.Should().NotBeNull();
    }

    [Fact]
    public void Code_without_the_hook_declaration_is_refused()
    {
        Refusal.Expect(
            () => Site(request: ViewerCode.FromInline("function handler(event) { return event.request; }")),
            "AstroAwsProps.ViewerRequest", "declares no `function viewerRequest(event)`");
        Refusal.Expect(
            () => Site(response: ViewerCode.FromInline("function viewerRequest(event) {}")),
            "AstroAwsProps.ViewerResponse", "declares no `function viewerResponse(event)`");
    }

    [Fact]
    public void Code_that_does_not_parse_is_refused_with_nodes_message_and_line()
    {
        Refusal.Expect(
            () => Site(request: ViewerCode.FromInline("function viewerRequest(event) {\n  if (event.request.uri === '/x' {\n  }\n}")),
            "AstroAwsProps.ViewerRequest", "does not parse as JavaScript", "SyntaxError", "line 2");
    }

    [Fact]
    public void Code_that_clashes_with_the_sites_own_is_refused()
    {
        Refusal.Expect(
            () => Site(request: ViewerCode.FromInline("function viewerRequest(event) {}\nfunction handler(event) { return event.request; }")),
            "AstroAwsProps.ViewerRequest", "parses on its own but not inside the site's request function", "Do not declare `handler`");
    }

    [Fact]
    public void Code_that_makes_a_function_over_10_kb_is_refused()
    {
        var padding = "// " + new string('x', 10_300) + "\n";
        Refusal.Expect(
            () => Site(response: ViewerCode.FromInline(padding + "function viewerResponse(event) { return event.response; }")),
            "AstroAwsProps.ViewerResponse", "over CloudFront Functions' 10240-byte limit");
        Refusal.Expect(
            () => Site(request: ViewerCode.FromInline(padding + "function viewerRequest(event) {}")),
            "AstroAwsProps.ViewerRequest", "the site's request function", "over CloudFront Functions' 10240-byte limit");
    }

    [Fact]
    public void A_callers_own_viewer_response_function_beside_the_hook_is_refused()
    {
        var stack = SiteStacks.NewStack();
        var theirs = new CloudFrontFunction(stack, "Theirs", new CloudFrontFunctionProps { Code = FunctionCode.FromInline("function handler(event) { return event.response; }") });

        Refusal.Expect(
            () => new AstroAws(stack, "Site", new AstroAwsProps
            {
                OutDir = TestPaths.Fixture("ssr"),
                ViewerResponse = ViewerCode.FromInline("function viewerResponse(event) { return event.response; }"),
                Cdk = new AstroAwsCdkProps
                {
                    CloudfrontDistribution = new AstroAwsDistributionProps
                    {
                        DefaultBehavior = new AddBehaviorOptions { FunctionAssociations = [new FunctionAssociation { EventType = FunctionEventType.VIEWER_RESPONSE, Function = theirs }] },
                    },
                },
            }),
            "AstroAwsCdkProps.CloudfrontDistribution.DefaultBehavior.FunctionAssociations", "VIEWER_RESPONSE", "AstroAwsProps.ViewerResponse");
    }

    [Fact]
    public void A_missing_file_is_refused_with_the_folder_it_resolved_against()
    {
        Refusal.Expect(() => ViewerCode.FromFile("edge/auth.js"), "ViewerCode.FromFile", "edge/auth.js", "current directory");
    }

    [Fact]
    public void Code_from_a_file_is_read_at_synth()
    {
        var file = scratch.Combine("auth.js");
        Directory.CreateDirectory(scratch.Path);
        File.WriteAllText(file, BasicAuth);

        var (stack, _) = Site(request: ViewerCode.FromFile(file));

        SiteStacks.Model(stack).Get("/about").Response!.StatusCode.Should().Be(401);
    }

    private static (Amazon.CDK.Stack Stack, AstroAws Site) Site(ViewerCode? request = null, ViewerCode? response = null) =>
        SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = p.OutDir, ViewerRequest = request, ViewerResponse = response });

    // Runs a viewer-response function's code in Node on an event with this response, as CloudFront calls handler(event).
    private static JsonObject RunResponseFunction(string code, JsonObject response)
    {
        var file = Path.Combine(Path.GetTempPath(), $"astroaws-response-{Guid.NewGuid():N}.mjs");
        var viewerEvent = new JsonObject { ["version"] = "1.0", ["request"] = new JsonObject { ["method"] = "GET", ["uri"] = "/", ["headers"] = new JsonObject() }, ["response"] = response };
        // CloudFront provides the 'cloudfront' module; Node has none, and this code does not call it.
        var runnable = code.Replace("import cf from 'cloudfront';", "const cf = {};", StringComparison.Ordinal);
        File.WriteAllText(file, runnable + $"\nconsole.log(JSON.stringify(await handler({viewerEvent.ToJsonString()})));\n");
        try
        {
            return JsonNode.Parse(Command.Run(Path.GetTempPath(), "node", file))!.AsObject();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
