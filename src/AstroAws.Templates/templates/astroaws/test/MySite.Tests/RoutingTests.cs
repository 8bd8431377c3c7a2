using Astro.Aws.Testing;
using Xunit;

namespace MySite.Tests;

/// <summary>
/// Where each kind of request ends up, through CloudFront's behaviors and the template's own request function
/// (AstroAws.Testing runs it in Node). These are the mistakes a template review misses and a deploy shows.
/// </summary>
public sealed class RoutingTests(SynthesizedSite site) : IClassFixture<SynthesizedSite>
{
    [Fact]
    public void A_prerendered_page_is_a_file_in_the_bucket()
    {
        var about = site.Routing.Get("/about");

        Assert.True(about.ReachesBucket);
        Assert.Equal("/about/index.html", about.OriginUri);
    }

    [Fact]
    public void Hashed_assets_come_from_the_bucket_and_are_cached()
    {
#if (static)
        var asset = Directory.GetFiles(Path.Combine(site.Root, "site", "dist", "_astro")).First();
#else
        var asset = Directory.GetFiles(Path.Combine(site.Root, "site", "dist", "client", "_astro")).First();
#endif
        var routed = site.Routing.Get("/_astro/" + Path.GetFileName(asset));

        Assert.True(routed.ReachesBucket);
        Assert.True(routed.DefaultTtl > 0, $"a hashed asset is cached; its behavior's default TTL is {routed.DefaultTtl}");
    }
#if (static)

    [Fact]
    public void Every_page_is_a_file_and_only_get_and_head_are_allowed()
    {
        Assert.True(site.Routing.Get("/").ReachesBucket);
        Assert.False(site.Routing.Post("/").MethodAllowed, "CloudFront refuses a POST to a static site with 403");
    }
#else

    [Fact]
    public void An_on_demand_page_gets_its_query_string_and_cookies()
    {
        var page = site.Routing.Route(ViewerRequest.Get("/ssr").WithQuery("name", "Ada").WithCookie("theme", "dark"));

        Assert.True(page.ReachesServer);
        Assert.True(page.QueryStringsReachOrigin);
        Assert.True(page.CookiesReachOrigin);
        Assert.Equal(0, page.DefaultTtl);
    }

    [Fact]
    public void A_form_post_and_an_astro_action_reach_the_server()
    {
        var form = site.Routing.Post("/form");
        var action = site.Routing.Post("/_actions/greet");

        Assert.True(form.MethodAllowed);
        Assert.True(form.ReachesServer);
        Assert.True(action.MethodAllowed);
        Assert.True(action.ReachesServer);
    }

    [Fact]
    public void The_api_route_reaches_the_server_with_its_response_headers_policy()
    {
        var api = site.Routing.Route(ViewerRequest.Get("/api/hello").WithQuery("x", "1"));

        Assert.True(api.ReachesServer);
        Assert.Equal("/api/*", api.PathPattern);
        Assert.True(api.QueryStringsReachOrigin);
        Assert.NotNull(api.ResponseHeadersPolicy);
    }

    [Fact]
    public void An_unknown_page_is_rendered_by_the_server_which_answers_with_the_404_page()
    {
        Assert.True(site.Routing.Get("/no-such-page").ReachesServer);
    }
#endif
}
