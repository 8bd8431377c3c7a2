using Amazon.CDK.AWS.CertificateManager;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// <see cref="AstroAwsProps.DefaultDomain"/>: once the site has custom names, a request to the distribution's own
/// *.cloudfront.net name is redirected to the primary name (the default), refused, or served, by the site's own request
/// function, run through the routing model.
/// </summary>
public sealed class DefaultDomainTests
{
    private const string CloudFrontHost = "d111111abcdef8.cloudfront.net";
    private const string CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000";

    [Fact]
    public void By_default_the_cloudfront_name_redirects_to_the_primary_name_with_path_and_query()
    {
        var model = Model(access: null);

        var routed = model.Route(new ViewerRequest("GET", "/about", Query: new Dictionary<string, string> { ["x"] = "1" }, Headers: new Dictionary<string, string> { ["host"] = CloudFrontHost }));
        routed.Response!.StatusCode.Should().Be(301);
        routed.Response.Headers["location"].Should().Be("https://www.example.com/about?x=1");
        model.Get("/about").ReachesBucket.Should().BeTrue("the primary name serves the site");
        model.Route(new ViewerRequest("POST", "/form", Headers: new Dictionary<string, string> { ["host"] = "example.com" })).ReachesServer.Should().BeTrue("other custom names still serve without RedirectToPrimaryDomain");
    }

    [Fact]
    public void Refuse_answers_403_and_serve_routes_as_usual()
    {
        Model(DefaultDomainAccess.Refuse).Route(new ViewerRequest("GET", "/", Headers: new Dictionary<string, string> { ["host"] = CloudFrontHost })).Response!.StatusCode.Should().Be(403);
        Model(DefaultDomainAccess.Serve).Route(new ViewerRequest("GET", "/about", Headers: new Dictionary<string, string> { ["host"] = CloudFrontHost })).ReachesBucket.Should().BeTrue();
    }

    [Fact]
    public void Without_domain_names_only_serve_is_allowed()
    {
        Refusal.Expect(
            () => SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = p.OutDir, DefaultDomain = DefaultDomainAccess.Redirect }),
            "AstroAwsProps.DefaultDomain", "no DomainNames");
    }

    [Fact]
    public void A_wildcard_primary_name_cannot_be_redirected_to()
    {
        Refusal.Expect(
            () => SiteStacks.ForFixture("ssr", p => new AstroAwsProps
            {
                OutDir = p.OutDir,
                DomainNames = ["*.example.com"],
                Certificate = Certificate.FromCertificateArn(new Amazon.CDK.Stack(), "Cert", CertificateArn),
                DefaultDomain = DefaultDomainAccess.Redirect,
            }),
            "AstroAwsProps.DefaultDomain", "wildcard");
    }

    private static CloudFrontModel Model(DefaultDomainAccess? access)
    {
        var stack = SiteStacks.NewStack();
        _ = new AstroAws(stack, "Site", new AstroAwsProps
        {
            OutDir = TestPaths.Fixture("ssr"),
            DomainNames = ["www.example.com", "example.com"],
            Certificate = Certificate.FromCertificateArn(stack, "Cert", CertificateArn),
            DefaultDomain = access,
        });
        return SiteStacks.Model(stack);
    }
}
