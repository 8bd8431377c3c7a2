using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// DomainNames and a HostedZone without a Certificate: the site creates a DNS-validated one in a us-east-1 stack
/// (rule cloudfront/viewer-certificate: CloudFront takes certificates only from us-east-1); elsewhere it is refused,
/// and the two-stack recipe of docs/hardening.md synthesizes.
/// </summary>
public sealed class CreatedCertificateTests
{
    private static readonly Amazon.CDK.Environment UsEast1 = new() { Account = "123456789012", Region = "us-east-1" };

    [Fact]
    public void In_us_east_1_the_site_creates_a_dns_validated_certificate_for_every_name()
    {
        var stack = SiteStacks.NewStack(UsEast1);
        var zone = HostedZone.FromHostedZoneAttributes(stack, "Zone", new HostedZoneAttributes { HostedZoneId = "Z0000000000000000000", ZoneName = "example.com" });
        var site = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), DomainNames = ["www.example.com", "example.com"], HostedZone = zone });
        var template = SiteStacks.Template(stack);
        var json = SiteStacks.Json(stack);

        template.HasResourceProperties("AWS::CertificateManager::Certificate", new J
        {
            ["DomainName"] = "www.example.com",
            ["SubjectAlternativeNames"] = new[] { "example.com" },
            ["ValidationMethod"] = "DNS",
            ["DomainValidationOptions"] = new object[]
            {
                new J { ["DomainName"] = "www.example.com", ["HostedZoneId"] = "Z0000000000000000000" },
                new J { ["DomainName"] = "example.com", ["HostedZoneId"] = "Z0000000000000000000" },
            },
        });
        var certificateId = TemplateQueries.OfType(json, "AWS::CertificateManager::Certificate").Single().Key;
        TemplateQueries.DistributionConfig(json)["ViewerCertificate"]!["AcmCertificateArn"]!.ToJsonString().Should().Contain(certificateId);
        TemplateQueries.DistributionConfig(json)["ViewerCertificate"]!["MinimumProtocolVersion"]!.GetValue<string>().Should().Be("TLSv1.2_2021");
        site.Certificate.Should().NotBeNull();
    }

    [Fact]
    public void Elsewhere_the_site_refuses_and_says_how_to_make_it_in_us_east_1()
    {
        var stack = SiteStacks.NewStack();
        var zone = HostedZone.FromHostedZoneAttributes(stack, "Zone", new HostedZoneAttributes { HostedZoneId = "Z0000000000000000000", ZoneName = "example.com" });

        Refusal.Expect(
            () => new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), DomainNames = ["www.example.com"], HostedZone = zone }),
            "AstroAwsProps.Certificate", "the stack is in eu-west-1", "only from us-east-1", "CrossRegionReferences = true", "docs/hardening.md");
    }

    [Fact]
    public void A_name_outside_the_zone_is_refused()
    {
        var stack = SiteStacks.NewStack(UsEast1);
        var zone = HostedZone.FromHostedZoneAttributes(stack, "Zone", new HostedZoneAttributes { HostedZoneId = "Z0000000000000000000", ZoneName = "example.com" });

        Refusal.Expect(
            () => new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), DomainNames = ["www.example.com", "www.example.org"], HostedZone = zone }),
            "AstroAwsProps.Certificate", "'www.example.org' is not in it");
    }

    [Fact]
    public void The_two_stack_recipe_synthesizes_with_the_certificate_read_across_regions()
    {
        // docs/hardening.md, "A certificate from another stack".
        var app = new App(new AppProps { Outdir = Path.Combine(Path.GetTempPath(), "astroaws-cert-" + Guid.NewGuid().ToString("N")) });
        var certs = new Stack(app, "Certificates", new StackProps { Env = UsEast1, CrossRegionReferences = true });
        var zone = HostedZone.FromHostedZoneAttributes(certs, "Zone", new HostedZoneAttributes { HostedZoneId = "Z0000000000000000000", ZoneName = "example.com" });
        var certificate = new Certificate(certs, "Site", new CertificateProps { DomainName = "www.example.com", Validation = CertificateValidation.FromDns(zone) });
        var siteStack = new Stack(app, "Site", new StackProps { Env = SiteStacks.Env, CrossRegionReferences = true });
        _ = new AstroAws(siteStack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), DomainNames = ["www.example.com"], Certificate = certificate });

        var assembly = app.Synth();
        var template = Template.FromStack(siteStack);
        template.HasResourceProperties("AWS::CloudFront::Distribution", Match.ObjectLike(new J
        {
            ["DistributionConfig"] = Match.ObjectLike(new J { ["ViewerCertificate"] = Match.ObjectLike(new J { ["AcmCertificateArn"] = Match.AnyValue() }) }),
        }));
        Template.FromStack(certs).ResourceCountIs("AWS::CertificateManager::Certificate", 1);
        RulesCheck.PassesAssembly(assembly.Directory);
    }
}
