using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.Route53;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// <see cref="AstroAwsProps.DomainNames"/>, <see cref="AstroAwsProps.Certificate"/>, <see cref="AstroAwsProps.HostedZone"/>
/// and <see cref="AstroAwsProps.RedirectToPrimaryDomain"/>: what reaches the template, the redirect as the real request
/// function runs it, and every refusal.
/// </summary>
public class CustomDomainTests
{
    private const string UsEast1Arn = "arn:aws:acm:us-east-1:123456789012:certificate/site";
    private const string EuWest1Arn = "arn:aws:acm:eu-west-1:123456789012:certificate/site";

    public static TheoryData<string> Modes => ["ssr", "ssr-stream", "edge", "static"];

    [Theory]
    [MemberData(nameof(Modes))]
    public void Names_and_certificate_reach_the_distribution_with_tls_1_2_2021_and_http_2_and_3(string mode)
    {
        var (stack, _) = Site(mode, s => Domain(s, ["www.example.com", "example.com"]));

        SiteStacks.Template(stack).HasResourceProperties("AWS::CloudFront::Distribution", new J
        {
            ["DistributionConfig"] = Match.ObjectLike(new J
            {
                ["Aliases"] = new[] { "www.example.com", "example.com" },
                ["ViewerCertificate"] = new J
                {
                    ["AcmCertificateArn"] = UsEast1Arn,
                    ["MinimumProtocolVersion"] = "TLSv1.2_2021",
                    ["SslSupportMethod"] = "sni-only",
                },
                ["HttpVersion"] = "http2and3",
            }),
        });
    }

    [Fact]
    public void A_hosted_zone_gets_an_a_and_an_aaaa_alias_record_per_name()
    {
        var (stack, site) = Site("ssr", s => Domain(s, ["www.example.com", "example.com"], zone: true));
        var template = SiteStacks.Template(stack);
        var distribution = DistributionLogicalId(SiteStacks.Json(stack));

        foreach (var type in new[] { "A", "AAAA" })
        {
            foreach (var name in new[] { "www.example.com.", "example.com." })
            {
                template.HasResourceProperties("AWS::Route53::RecordSet", new J
                {
                    ["Name"] = name,
                    ["Type"] = type,
                    ["HostedZoneId"] = "Z123456",
                    ["AliasTarget"] = new J
                    {
                        ["DNSName"] = new J { ["Fn::GetAtt"] = new object[] { distribution, "DomainName" } },
                        ["HostedZoneId"] = Match.AnyValue(),
                    },
                });
            }
        }

        template.ResourceCountIs("AWS::Route53::RecordSet", 4);
        site.DomainARecords.Should().HaveCount(2);
        site.DomainAaaaRecords.Should().HaveCount(2);
        site.DomainARecords.Select(r => r.Node.Path).Should().Equal("TestStack/Site/DomainRecords/www.example.com/A", "TestStack/Site/DomainRecords/example.com/A");
        site.DomainAaaaRecords.Select(r => r.Node.Path).Should().Equal("TestStack/Site/DomainRecords/www.example.com/AAAA", "TestStack/Site/DomainRecords/example.com/AAAA");
    }

    [Fact]
    public void Record_ids_follow_the_name_not_its_position()
    {
        var (first, _) = Site("ssr", s => Domain(s, ["www.example.com", "example.com"], zone: true));
        var (reordered, _) = Site("ssr", s => Domain(s, ["example.com", "www.example.com"], zone: true));

        RecordIds(first).Should().BeEquivalentTo(RecordIds(reordered), "reordering DomainNames must not replace records");
    }

    [Fact]
    public void No_aaaa_records_when_ipv6_is_off()
    {
        var (stack, site) = Site("ssr", s => Domain(s, ["www.example.com"], zone: true, cdk: new AstroAwsCdkProps { CloudfrontDistribution = new AstroAwsDistributionProps { EnableIpv6 = false } }));

        SiteStacks.Template(stack).ResourcePropertiesCountIs("AWS::Route53::RecordSet", Match.ObjectLike(new J { ["Type"] = "AAAA" }), 0);
        site.DomainARecords.Should().ContainSingle();
        site.DomainAaaaRecords.Should().BeEmpty();
    }

    [Fact]
    public void Without_a_zone_no_records_are_written()
    {
        var (stack, site) = Site("ssr", s => Domain(s, ["www.example.com"]));

        SiteStacks.Template(stack).ResourceCountIs("AWS::Route53::RecordSet", 0);
        site.DomainARecords.Should().BeEmpty();
        site.DomainAaaaRecords.Should().BeEmpty();
    }

    [Fact]
    public void The_custom_url_is_an_output_and_a_property()
    {
        var (stack, site) = Site("ssr", s => Domain(s, ["www.example.com", "example.com"]));

        site.CustomDomainUrl.Should().Be("https://www.example.com");
        var outputs = SiteStacks.Json(stack)["Outputs"]!.AsObject();
        outputs.Single(o => o.Key.StartsWith("SiteCustomDomainUrl", StringComparison.Ordinal)).Value!["Value"]!.GetValue<string>().Should().Be("https://www.example.com");
    }

    [Fact]
    public void Without_a_domain_there_is_no_custom_url()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr");

        site.CustomDomainUrl.Should().BeNull();
        SiteStacks.Json(stack)["Outputs"]!.AsObject().Select(o => o.Key).Should().NotContain(k => k.Contains("CustomDomainUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void A_certificate_through_the_overrides_also_gets_tls_1_2_2021()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr", build: s => new AstroAwsProps
        {
            OutDir = TestPaths.Fixture("ssr"),
            Cdk = new AstroAwsCdkProps { CloudfrontDistribution = new AstroAwsDistributionProps { DomainNames = ["www.example.com"], Certificate = Certificate.FromCertificateArn(s, "Cert", UsEast1Arn) } },
        });

        SiteStacks.Template(stack).HasResourceProperties("AWS::CloudFront::Distribution", new J
        {
            ["DistributionConfig"] = Match.ObjectLike(new J { ["ViewerCertificate"] = Match.ObjectLike(new J { ["MinimumProtocolVersion"] = "TLSv1.2_2021" }) }),
        });
    }

    [Fact]
    public void The_callers_minimum_protocol_version_still_wins()
    {
        var (stack, _) = Site("ssr", s => Domain(s, ["www.example.com"], cdk: new AstroAwsCdkProps { CloudfrontDistribution = new AstroAwsDistributionProps { MinimumProtocolVersion = SecurityPolicyProtocol.TLS_V1_2_2019 } }));

        SiteStacks.Template(stack).HasResourceProperties("AWS::CloudFront::Distribution", new J
        {
            ["DistributionConfig"] = Match.ObjectLike(new J { ["ViewerCertificate"] = Match.ObjectLike(new J { ["MinimumProtocolVersion"] = "TLSv1.2_2019" }) }),
        });
    }

    [Theory]
    [InlineData("ssr")]
    [InlineData("ssr-stream")]
    [InlineData("edge")]
    [InlineData("static")]
    public void Alternate_names_are_redirected_to_the_primary_with_path_and_query(string mode)
    {
        var (stack, _) = Site(mode, s => Domain(s, ["www.example.com", "example.com", "old.example.org"], redirect: true));
        var model = SiteStacks.Model(stack);

        var routed = model.Route(
            new ViewerRequest("GET", "/about", Query: new Dictionary<string, string> { ["page"] = "2", ["q"] = "a%20b" }, Headers: new Dictionary<string, string> { ["host"] = "example.com" }),
            new ViewerRequest("POST", "/api/hello", Headers: new Dictionary<string, string> { ["host"] = "OLD.example.org" }),
            new ViewerRequest("GET", "/", Headers: new Dictionary<string, string> { ["host"] = "example.com" }));

        routed[0].Response.Should().NotBeNull();
        routed[0].Origin.Should().Be("function");
        routed[0].Response!.StatusCode.Should().Be(301);
        routed[0].Response!.Headers["location"].Should().Be("https://www.example.com/about?page=2&q=a%20b");
        routed[2].Response!.Headers["location"].Should().Be("https://www.example.com/");
        if (mode != "static")
        {
            routed[1].Response!.StatusCode.Should().Be(301, "host names compare case-insensitively, and /api/* runs the same function");
            routed[1].Response!.Headers["location"].Should().Be("https://www.example.com/api/hello");
        }
    }

    [Theory]
    [InlineData("ssr")]
    [InlineData("static")]
    public void The_primary_name_is_served_and_the_cloudfront_name_redirected_to_it(string mode)
    {
        var (stack, _) = Site(mode, s => Domain(s, ["www.example.com", "example.com"], redirect: true));
        var model = SiteStacks.Model(stack);

        var routed = model.Route(
            new ViewerRequest("GET", "/about", Headers: new Dictionary<string, string> { ["host"] = "www.example.com" }),
            new ViewerRequest("GET", "/about", Headers: new Dictionary<string, string> { ["host"] = "d111111abcdef8.cloudfront.net" }));

        routed[0].Response.Should().BeNull();
        routed[0].Origin.Should().Be("s3");
        routed[0].OriginUri.Should().Be("/about/index.html");
        routed[1].Response!.StatusCode.Should().Be(301, "AstroAwsProps.DefaultDomain is Redirect by default once the site has custom names");
        routed[1].Response!.Headers["location"].Should().Be("https://www.example.com/about");
    }

    [Fact]
    public void Without_redirect_every_name_serves_the_site()
    {
        var (stack, _) = Site("ssr", s => Domain(s, ["www.example.com", "example.com"]));

        var routed = SiteStacks.Model(stack).Route(new ViewerRequest("GET", "/ssr", Headers: new Dictionary<string, string> { ["host"] = "example.com" }));

        routed.Response.Should().BeNull();
        routed.Origin.Should().Be("lambda-url");
        routed.OriginHeaders["x-forwarded-host"].Should().Be("example.com");
    }

    [Fact]
    public void A_wildcard_alternate_redirects_hosts_one_label_deep()
    {
        var (stack, _) = Site("ssr", s => Domain(s, ["www.example.com", "*.example.com"], redirect: true));

        var routed = SiteStacks.Model(stack).Route(
            new ViewerRequest("GET", "/x", Headers: new Dictionary<string, string> { ["host"] = "blog.example.com" }),
            new ViewerRequest("GET", "/x", Headers: new Dictionary<string, string> { ["host"] = "a.b.example.com" }),
            new ViewerRequest("GET", "/x", Headers: new Dictionary<string, string> { ["host"] = "www.example.com" }));

        routed[0].Response!.Headers["location"].Should().Be("https://www.example.com/x");
        routed[1].Response.Should().BeNull();
        routed[2].Response.Should().BeNull();
    }

    [Fact]
    public void A_us_east_1_certificate_created_in_a_us_east_1_stack_is_accepted()
    {
        var stack = SiteStacks.NewStack(new Amazon.CDK.Environment { Account = "123456789012", Region = "us-east-1" });
        var certificate = new Certificate(stack, "Cert", new CertificateProps { DomainName = "www.example.com" });

        var site = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), DomainNames = ["www.example.com"], Certificate = certificate });

        site.CustomDomainUrl.Should().Be("https://www.example.com");
    }

    [Fact]
    public void A_certificate_whose_arn_is_a_token_is_not_judged()
    {
        var (_, site) = Site("ssr", s => new AstroAwsProps
        {
            OutDir = TestPaths.Fixture("ssr"),
            DomainNames = ["www.example.com"],
            Certificate = Certificate.FromCertificateArn(s, "Cert", Fn.ImportValue("SiteCertificateArn")),
        });

        site.CustomDomainUrl.Should().Be("https://www.example.com");
    }

    // Refusals: each names the prop, shows what was received and says what to do.

    [Fact]
    public void Domain_names_without_a_certificate() =>
        Refused(_ => new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), DomainNames = ["www.example.com"] },
            "AstroAwsProps.Certificate", "received nothing, but DomainNames is [www.example.com]", "us-east-1");

    [Fact]
    public void A_certificate_without_domain_names() =>
        Refused(s => new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), Certificate = Certificate.FromCertificateArn(s, "Cert", UsEast1Arn) },
            "AstroAwsProps.Certificate", UsEast1Arn, "no DomainNames", "Set AstroAwsProps.DomainNames");

    [Fact]
    public void A_certificate_outside_us_east_1() =>
        Refused(s => Domain(s, ["www.example.com"], arn: EuWest1Arn),
            "AstroAwsProps.Certificate", EuWest1Arn, "which is in eu-west-1", "CloudFront only uses ACM certificates in us-east-1");

    [Fact]
    public void A_certificate_created_in_a_stack_outside_us_east_1() =>
        Refused(s => new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), DomainNames = ["www.example.com"], Certificate = new Certificate(s, "Cert", new CertificateProps { DomainName = "www.example.com" }) },
            "AstroAwsProps.Certificate", "a certificate created in stack TestStack", "which is in eu-west-1", "us-east-1");

    [Fact]
    public void An_empty_domain_name_list() =>
        Refused(s => Domain(s, []), "AstroAwsProps.DomainNames", "received an empty list", "Give at least one host name");

    [Theory]
    [InlineData("https://www.example.com")]
    [InlineData("www.example.com/shop")]
    [InlineData("www.example.com:443")]
    [InlineData("localhost")]
    [InlineData("")]
    [InlineData("www.exa mple.com")]
    [InlineData("a.*.example.com")]
    public void A_domain_name_that_is_not_a_host_name(string name) =>
        Refused(s => Domain(s, ["www.example.com", name]), "AstroAwsProps.DomainNames[1]", $"'{name}', which is not a host name", "no scheme, port, path");

    [Fact]
    public void A_duplicate_domain_name() =>
        Refused(s => Domain(s, ["www.example.com", "WWW.example.com"]), "AstroAwsProps.DomainNames[1]", "'WWW.example.com' a second time", "List each name once");

    [Fact]
    public void A_hosted_zone_without_domain_names() =>
        Refused(s => new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), HostedZone = Zone(s) },
            "AstroAwsProps.HostedZone", "a hosted zone but no DomainNames", "Set AstroAwsProps.DomainNames");

    [Fact]
    public void Redirect_without_domain_names() =>
        Refused(_ => new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), RedirectToPrimaryDomain = true },
            "AstroAwsProps.RedirectToPrimaryDomain", "true, but no DomainNames", "Set AstroAwsProps.DomainNames");

    [Fact]
    public void Redirect_with_only_the_primary_name() =>
        Refused(s => Domain(s, ["www.example.com"], redirect: true),
            "AstroAwsProps.RedirectToPrimaryDomain", "only the primary name ('www.example.com')", "Add the names to redirect");

    [Fact]
    public void Redirect_to_a_wildcard_primary() =>
        Refused(s => Domain(s, ["*.example.com", "example.com"], redirect: true),
            "AstroAwsProps.DomainNames[0]", "the wildcard '*.example.com'", "Put a concrete host name first");

    [Fact]
    public void Domain_names_in_both_places() =>
        Refused(s => Domain(s, ["www.example.com"], cdk: new AstroAwsCdkProps { CloudfrontDistribution = new AstroAwsDistributionProps { DomainNames = ["www.example.com"] } }),
            "AstroAwsProps.DomainNames", "CloudfrontDistribution.DomainNames are set", "Set the domain in one place");

    [Fact]
    public void Certificates_in_both_places() =>
        Refused(s => Domain(s, ["www.example.com"], cdk: new AstroAwsCdkProps { CloudfrontDistribution = new AstroAwsDistributionProps { Certificate = Certificate.FromCertificateArn(s, "Other", UsEast1Arn) } }),
            "AstroAwsProps.Certificate", "CloudfrontDistribution.Certificate are set", "Set the certificate in one place");

    private static (Stack Stack, AstroAws Site) Site(string mode, Func<Stack, AstroAwsProps> props) =>
        SiteStacks.ForFixture(mode, build: s =>
        {
            var p = props(s);
            return new AstroAwsProps
            {
                OutDir = TestPaths.Fixture(mode),
                Cdk = p.Cdk,
                DomainNames = p.DomainNames,
                Certificate = p.Certificate,
                HostedZone = p.HostedZone,
                RedirectToPrimaryDomain = p.RedirectToPrimaryDomain,
                FunctionUrlProtection = p.FunctionUrlProtection,
            };
        });

    private static AstroAwsProps Domain(Stack stack, string[] names, bool zone = false, bool redirect = false, string arn = UsEast1Arn, AstroAwsCdkProps? cdk = null) => new()
    {
        OutDir = TestPaths.Fixture("ssr"),
        DomainNames = names,
        Certificate = Certificate.FromCertificateArn(stack, "Cert", arn),
        HostedZone = zone ? Zone(stack) : null,
        RedirectToPrimaryDomain = redirect,
        Cdk = cdk,
    };

    private static IHostedZone Zone(Stack stack) =>
        HostedZone.FromHostedZoneAttributes(stack, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123456", ZoneName = "example.com" });

    private static string DistributionLogicalId(JsonObject json) => TemplateQueries.OfType(json, "AWS::CloudFront::Distribution").Single().Key;

    private static List<string> RecordIds(Stack stack) => [.. TemplateQueries.OfType(SiteStacks.Json(stack), "AWS::Route53::RecordSet").Select(r => r.Key)];

    private static void Refused(Func<Stack, AstroAwsProps> props, params string[] fragments)
    {
        var stack = SiteStacks.NewStack();
        var act = () => new AstroAws(stack, "Site", props(stack));
        Refusal.Expect(act, fragments);
    }
}
