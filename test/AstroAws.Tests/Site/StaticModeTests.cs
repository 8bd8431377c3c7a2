using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CloudFront;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site;

/// <summary>A build without the adapter: every file from S3, the site's 404 page for missing files.</summary>
public class StaticModeTests
{
    [Fact]
    public void Absent_metadata_means_static()
    {
        var (_, site) = SiteStacks.ForFixture("static");

        site.Mode.Should().Be(AstroAwsMode.Static);
        site.ServerFunction.Should().BeNull();
        site.FunctionUrl.Should().BeNull();
        site.EdgeFunction.Should().BeNull();
    }

    [Fact]
    public void Every_request_reaches_s3_with_pages_resolved_to_index_html()
    {
        var (stack, _) = SiteStacks.ForFixture("static");
        var routed = SiteStacks.Model(stack).Route(
            new ViewerRequest("GET", "/"),
            new ViewerRequest("GET", "/about"),
            new ViewerRequest("GET", "/about/"),
            new ViewerRequest("GET", "/robots.txt"),
            new ViewerRequest("GET", "/no-such-page"));

        routed.Should().AllSatisfy(r => r.Origin.Should().Be("s3"));
        routed[0].OriginUri.Should().Be("/index.html");
        routed[1].OriginUri.Should().Be("/about/index.html");
        routed[2].OriginUri.Should().Be("/about/index.html");
        routed[3].OriginUri.Should().Be("/robots.txt");
        routed[4].OriginUri.Should().Be("/no-such-page", "a path the build does not hold is left as it is, for S3 to refuse and the error responses to turn into the 404 page");
        routed[0].OriginHeaders.Should().NotContainKey("x-forwarded-host");
    }

    [Fact]
    public void A_static_site_of_thousands_of_pages_routes_exactly_from_the_route_store()
    {
        var dist = Path.Combine(Path.GetTempPath(), "astroaws-big-static", Guid.NewGuid().ToString("N"), "dist");
        for (var i = 0; i < 3000; i++)
        {
            Directory.CreateDirectory(Path.Combine(dist, "posts", $"post-{i:D5}"));
            File.WriteAllText(Path.Combine(dist, "posts", $"post-{i:D5}", "index.html"), "<p>post</p>");
        }

        var (stack, _) = SiteStacks.ForFixture("static", build: _ => new AstroAwsProps { OutDir = dist });
        var routed = SiteStacks.Model(stack).Route(new ViewerRequest("GET", "/posts/post-02999"));

        routed.Origin.Should().Be("s3");
        routed.OriginUri.Should().Be("/posts/post-02999/index.html");
        Directory.Delete(Path.GetDirectoryName(dist)!, recursive: true);
    }

    [Fact]
    public void File_format_builds_map_pages_to_dot_html()
    {
        var dist = Path.Combine(Path.GetTempPath(), "astroaws-file-format", Guid.NewGuid().ToString("N"), "dist");
        Directory.CreateDirectory(dist);
        File.WriteAllText(Path.Combine(dist, "index.html"), "home");
        File.WriteAllText(Path.Combine(dist, "about.html"), "about");

        var (stack, _) = SiteStacks.ForFixture("static", build: _ => new AstroAwsProps { OutDir = dist });
        var routed = SiteStacks.Model(stack).Route(new ViewerRequest("GET", "/about"), new ViewerRequest("GET", "/"));

        routed.Select(r => r.OriginUri).Should().Equal("/about.html", "/index.html");
        Directory.Delete(Path.GetDirectoryName(dist)!, recursive: true);
    }

    [Fact]
    public void Missing_files_show_the_404_page_with_status_404()
    {
        var (stack, _) = SiteStacks.ForFixture("static");

        SiteStacks.Template(stack).HasResourceProperties("AWS::CloudFront::Distribution", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DistributionConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["DefaultRootObject"] = "index.html",
                ["CustomErrorResponses"] = new[]
                {
                    new Dictionary<string, object> { ["ErrorCode"] = 403, ["ResponseCode"] = 404, ["ResponsePagePath"] = "/404.html", ["ErrorCachingMinTTL"] = 10 },
                    new Dictionary<string, object> { ["ErrorCode"] = 404, ["ResponseCode"] = 404, ["ResponsePagePath"] = "/404.html", ["ErrorCachingMinTTL"] = 10 },
                },
                ["DefaultCacheBehavior"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["AllowedMethods"] = new[] { "GET", "HEAD" },
                    ["CachePolicyId"] = CachePolicy.CACHING_OPTIMIZED.CachePolicyId,
                    ["ResponseHeadersPolicyId"] = ResponseHeadersPolicy.SECURITY_HEADERS.ResponseHeadersPolicyId,
                }),
            }),
        }));
    }

    [Fact]
    public void User_error_responses_are_kept_and_win_for_their_status_code()
    {
        var (stack, _) = SiteStacks.ForFixture("static", p => new AstroAwsProps
        {
            OutDir = p.OutDir,
            Cdk = new AstroAwsCdkProps
            {
                CloudfrontDistribution = new AstroAwsDistributionProps
                {
                    ErrorResponses = [new ErrorResponse { HttpStatus = 404, ResponseHttpStatus = 200, ResponsePagePath = "/index.html" }, new ErrorResponse { HttpStatus = 500, ResponsePagePath = "/500.html", ResponseHttpStatus = 500 }],
                },
            },
        });

        var errors = TemplateQueries.DistributionConfig(SiteStacks.Json(stack))["CustomErrorResponses"]!.AsArray();

        errors.Select(e => (e!["ErrorCode"]!.GetValue<int>(), e["ResponsePagePath"]!.GetValue<string>()))
            .Should().BeEquivalentTo([(403, "/404.html"), (404, "/index.html"), (500, "/500.html")]);
    }

    [Fact]
    public void No_server_resources_are_created()
    {
        var (stack, _) = SiteStacks.ForFixture("static");
        var template = SiteStacks.Template(stack);

        template.ResourceCountIs("AWS::Lambda::Url", 0);
        template.ResourceCountIs("AWS::CloudFront::CachePolicy", 0);
        TemplateQueries.DistributionConfig(SiteStacks.Json(stack))["CacheBehaviors"]!.AsArray()
            .Select(b => b!["PathPattern"]!.GetValue<string>()).Should().Equal("/_astro/*");
    }

    [Fact]
    public void Template_matches_snapshot()
    {
        var (stack, _) = SiteStacks.ForFixture("static");
        Snapshot.Match("site-static", SiteStacks.Json(stack));
    }
}
