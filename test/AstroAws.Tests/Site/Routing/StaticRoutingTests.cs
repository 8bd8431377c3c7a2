using Amazon.CDK.Assertions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site.Routing;

/// <summary>
/// Static sites route from the build's file list, as server sites do: a file is served under its own name whatever
/// its shape, and a path the build does not hold is left for S3 to refuse (and the 404 page to answer).
/// </summary>
public sealed class StaticRoutingTests : IDisposable
{
    private readonly ScratchFolder scratch = new("astroaws-static-routing");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Extensionless_files_and_dotted_folders_are_served_by_their_own_names()
    {
        var dist = GeneratedBuilds.WithPages(scratch, "static", 3);
        Directory.CreateDirectory(Path.Combine(dist, "v1.2"));
        File.WriteAllText(Path.Combine(dist, "v1.2", "index.html"), "<p>v1.2</p>");
        var (stack, _) = SiteStacks.ForFixture("static", build: _ => new AstroAwsProps { OutDir = dist });

        var routed = SiteStacks.Model(stack).Route(
            new ViewerRequest("GET", "/api/time"),
            new ViewerRequest("GET", "/.well-known/apple-app-site-association"),
            new ViewerRequest("GET", "/v1.2"),
            new ViewerRequest("GET", "/v1.2/"),
            new ViewerRequest("GET", "/api/ping.json"),
            new ViewerRequest("GET", "/blog/2024/post-00002/"),
            new ViewerRequest("GET", "/blog/2024"),
            new ViewerRequest("GET", "/about2"));

        routed.Should().AllSatisfy(r => r.Origin.Should().Be("s3"));
        routed.Select(r => r.OriginUri).Should().Equal(
            "/api/time",
            "/.well-known/apple-app-site-association",
            "/v1.2/index.html",
            "/v1.2/index.html",
            "/api/ping.json",
            "/blog/2024/post-00002/index.html",
            "/blog/2024",
            "/about2");
    }

    [Fact]
    public void A_static_build_with_a_base_is_uploaded_and_routed_under_it()
    {
        var (stack, site) = SiteStacks.ForFixture("static", build: _ => new AstroAwsProps { OutDir = TestPaths.Fixture("static"), BasePath = "/docs" });
        var template = SiteStacks.Template(stack);

        site.Build.BasePath.Should().Be("/docs/");
        template.AllResourcesProperties("Custom::CDKBucketDeployment", Match.ObjectLike(new Dictionary<string, object> { ["DestinationBucketKeyPrefix"] = "docs" }));
        template.HasResourceProperties("AWS::CloudFront::Distribution", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DistributionConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["CacheBehaviors"] = new object[] { Match.ObjectLike(new Dictionary<string, object> { ["PathPattern"] = "/docs/_astro/*" }) },
                ["CustomErrorResponses"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object> { ["ErrorCode"] = 403, ["ResponsePagePath"] = "/docs/404.html" })]),
            }),
        }));
        var routed = SiteStacks.Model(stack).Route(new ViewerRequest("GET", "/docs/about"), new ViewerRequest("GET", "/docs/"), new ViewerRequest("GET", "/about"));
        routed.Select(r => r.OriginUri).Should().Equal("/docs/about/index.html", "/docs/index.html", "/about");
    }

    [Theory]
    [InlineData("https://example.com/docs")]
    [InlineData("/docs/../x")]
    [InlineData("/docs?x=1")]
    public void A_base_that_is_not_a_url_path_is_refused(string basePath)
    {
        var act = () => SiteStacks.ForFixture("static", build: _ => new AstroAwsProps { OutDir = TestPaths.Fixture("static"), BasePath = basePath });

        act.Should().Throw<ArgumentException>().WithMessage($"AstroAwsProps.BasePath: received '{basePath}', which is not a URL path.*").And.ParamName.Should().Be("AstroAwsProps.BasePath");
    }

    [Fact]
    public void A_base_that_contradicts_a_server_build_is_refused()
    {
        var act = () => SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), BasePath = "/docs" });

        act.Should().Throw<ArgumentException>().WithMessage("AstroAwsProps.BasePath: received '/docs', but the build's metadata.json says Astro's base is '/'.*");
    }
}
