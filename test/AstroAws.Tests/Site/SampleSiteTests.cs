using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// End to end on the real sample build (samples/astro-site/dist, made by scripts/build-sample.sh with the real
/// adapter): every page class of the sample reaches exactly one correct origin.
/// </summary>
public class SampleSiteTests
{
    private static string SampleDist => Path.Combine(TestPaths.SampleSite, "dist");

    [Fact]
    public void Every_sample_route_reaches_the_right_origin()
    {
        File.Exists(Path.Combine(SampleDist, "metadata.json")).Should().BeTrue($"the sample must be built first: run scripts/build-sample.sh ({SampleDist} is missing)");
        var stack = SiteStacks.NewStack();
        var site = new AstroAws(stack, "Site", new AstroAwsProps { WebsiteDir = TestPaths.SampleSite });
        var model = SiteStacks.Model(stack);
        var hashed = site.Build.StaticFiles.Where(f => f.StartsWith("_astro/", StringComparison.Ordinal)).ToList();
        hashed.Should().NotBeEmpty();

        var toS3 = model.Route([
            .. hashed.Select(f => new ViewerRequest("GET", "/" + f)),
            new ViewerRequest("GET", "/about"),
            new ViewerRequest("GET", "/robots.txt"),
            new ViewerRequest("GET", "/favicon.svg"),
            new ViewerRequest("GET", "/images/logo.svg"),
        ]);
        var toServer = model.Route(
            new ViewerRequest("GET", "/"),
            new ViewerRequest("GET", "/ssr", Query: new Dictionary<string, string> { ["name"] = "Ada" }, Cookies: new Dictionary<string, string> { ["theme"] = "dark" }),
            new ViewerRequest("GET", "/form"),
            new ViewerRequest("POST", "/form", Headers: new Dictionary<string, string> { ["origin"] = "https://" + ViewerRequest.Host }),
            new ViewerRequest("GET", "/actions"),
            new ViewerRequest("POST", "/_actions/greet"),
            new ViewerRequest("GET", "/api/hello", Query: new Dictionary<string, string> { ["x"] = "1" }),
            new ViewerRequest("POST", "/api/hello"),
            new ViewerRequest("GET", "/api/42"),
            new ViewerRequest("GET", "/missing-page"));

        site.Mode.Should().Be(AstroAwsMode.Ssr);
        toS3.Should().AllSatisfy(r => r.Origin.Should().Be("s3"));
        toServer.Should().AllSatisfy(r =>
        {
            r.Origin.Should().Be("lambda-url");
            r.MethodAllowed.Should().BeTrue();
            r.QueryStringsReachOrigin.Should().BeTrue();
            r.CookiesReachOrigin.Should().BeTrue();
            r.DefaultTtl.Should().Be(0);
            r.OriginHeaders["x-forwarded-host"].Should().Be(ViewerRequest.Host);
        });
    }
}
