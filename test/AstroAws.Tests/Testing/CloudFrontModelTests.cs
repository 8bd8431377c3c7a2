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

        var routed = CloudFrontModel.For(stack).Route(new ViewerRequest("GET", "/ssr", Query: new() { ["q"] = "1" }, Cookies: new() { ["theme"] = "dark" }));

        routed.Origin.Should().Be("lambda-url");
        routed.QueryStringsReachOrigin.Should().BeTrue();
        routed.CookiesReachOrigin.Should().BeTrue();
        routed.OriginHeaders["x-forwarded-host"].Should().Be(ViewerRequest.Host);
        routed.DefaultTtl.Should().Be(0);
        routed.ResponseHeadersPolicy.Should().Be("67f7725c-6f97-4210-82d7-5512b31e9d03", "pages get the managed SecurityHeadersPolicy");
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
