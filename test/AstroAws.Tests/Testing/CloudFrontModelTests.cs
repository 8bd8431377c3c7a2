using Amazon.CDK;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Testing;

/// <summary>
/// AstroAws.Testing as a user's test would use it (docs/testing.md), on the traps a user can't see in a template.
/// </summary>
public sealed class CloudFrontModelTests : IDisposable
{
    private readonly ScratchFolder scratch = new("astroaws-testing");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void A_public_file_shadows_an_on_demand_page_for_get_while_post_still_reaches_the_server()
    {
        // public/hello.html is copied into the build as a file, and /hello is also an on-demand page of the app.
        var dist = scratch.CopyFixture("ssr");
        File.WriteAllText(Path.Combine(dist, "client", "hello.html"), "<p>static hello</p>");
        var stack = new Stack(new App(new AppProps { Outdir = scratch.Combine("cdk.out") }), "Site");
        _ = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = dist });

        var model = CloudFrontModel.For(stack);
        var get = model.Get("/hello");
        var post = model.Post("/hello");

        get.Origin.Should().Be("s3");
        get.OriginUri.Should().Be("/hello.html");
        post.Origin.Should().Be("lambda-url");
        post.MethodAllowed.Should().BeTrue();
    }

    [Fact]
    public void What_reaches_the_server_its_ttl_and_its_response_headers_policy()
    {
        var stack = new Stack(new App(new AppProps { Outdir = scratch.Combine("cdk.out") }), "Site");
        _ = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture("ssr") });

        var routed = CloudFrontModel.For(stack).Route(new ViewerRequest("GET", "/ssr", Query: new Dictionary<string, string> { ["q"] = "1" }, Cookies: new Dictionary<string, string> { ["theme"] = "dark" }));

        routed.Origin.Should().Be("lambda-url");
        routed.QueryStringsReachOrigin.Should().BeTrue();
        routed.CookiesReachOrigin.Should().BeTrue();
        routed.OriginHeaders["x-forwarded-host"].Should().Be(ViewerRequest.Host);
        routed.DefaultTtl.Should().Be(0);
        routed.ResponseHeadersPolicy.Should().Be("67f7725c-6f97-4210-82d7-5512b31e9d03", "pages get the managed SecurityHeadersPolicy");
    }

    [Fact]
    public void The_fluent_requests_build_new_requests_and_leave_the_one_they_start_from_alone()
    {
        var plain = ViewerRequest.Get("/ssr");
        var asked = plain.WithQuery("q", "1").WithCookie("theme", "dark").WithHeader("accept-language", "de");

        plain.Query.Should().BeNull();
        plain.Cookies.Should().BeNull();
        asked.Query.Should().Equal(new Dictionary<string, string> { ["q"] = "1" });
        asked.Cookies.Should().Equal(new Dictionary<string, string> { ["theme"] = "dark" });

        var (stack, _) = SiteStacks.ForFixture("ssr");
        var model = SiteStacks.Model(stack);
        var routed = model.Route(asked);
        routed.ReachesServer.Should().BeTrue();
        routed.ReachesBucket.Should().BeFalse();
        routed.OriginHeaders["accept-language"].Should().Be("de");
        model.Route(ViewerRequest.Post("/about")).ReachesServer.Should().BeTrue("only GET and HEAD are routed to files");
        model.Get("/about").ReachesBucket.Should().BeTrue();
    }

    [Fact]
    public void In_edge_mode_the_server_is_the_edge_function_in_front_of_the_bucket()
    {
        var (stack, _) = SiteStacks.ForFixture("edge");
        var model = SiteStacks.Model(stack);

        var page = model.Get("/ssr");
        page.Origin.Should().Be("s3", "Lambda@Edge renders in front of the bucket origin");
        page.EdgeFunctionEvents.Should().Contain("origin-request");
        page.ReachesServer.Should().BeTrue();
        var asset = model.Get("/_astro/" + Path.GetFileName(Directory.GetFiles(Path.Combine(TestPaths.Fixture("edge"), "client", "_astro"))[0]));
        asset.ReachesBucket.Should().BeTrue();
        asset.EdgeFunctionEvents.Should().BeEmpty();
    }

    [Fact]
    public void A_relative_website_dir_resolves_against_the_test_runs_folder_not_the_projects()
    {
        // In a test, the current directory is the test's bin folder: a WebsiteDir that works under `cdk synth` (run
        // from the folder of cdk.json) points elsewhere here. The message names the folder it looked in.
        var stack = new Stack(new App(new AppProps { Outdir = scratch.Combine("cdk.out") }), "Site");

        var act = () => new AstroAws(stack, "Site", new AstroAwsProps { WebsiteDir = "site" });

        act.Should().Throw<ArgumentException>().WithMessage($"*'{Path.Combine(Directory.GetCurrentDirectory(), "site")}'*");
    }
}
