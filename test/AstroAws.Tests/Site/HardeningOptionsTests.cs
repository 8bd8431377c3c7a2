using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// Access logs (distribution and bucket), a WAF web ACL, geo restriction and price class are passed through the override
/// props, with no escape hatch; each test shows the value in the template. See <c>docs/hardening.md</c>.
/// </summary>
public class HardeningOptionsTests
{
    private const string WebAclArn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/site/0123";

    [Fact]
    public void Distribution_access_logs_go_to_the_callers_bucket()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr", build: s => Props(new AstroAwsCdkProps
        {
            CloudfrontDistribution = new AstroAwsDistributionProps
            {
                EnableLogging = true,
                LogBucket = new Bucket(s, "Logs", new BucketProps { ObjectOwnership = ObjectOwnership.OBJECT_WRITER }),
                LogFilePrefix = "cloudfront/",
            },
        }));
        var json = SiteStacks.Json(stack);
        var logs = TemplateQueries.OfType(json, "AWS::S3::Bucket").Single(r => r.Key.StartsWith("Logs", StringComparison.Ordinal)).Key;

        SiteStacks.Template(stack).HasResourceProperties("AWS::CloudFront::Distribution", new J
        {
            ["DistributionConfig"] = Match.ObjectLike(new J
            {
                ["Logging"] = new J
                {
                    ["Bucket"] = new J { ["Fn::GetAtt"] = new object[] { logs, "RegionalDomainName" } },
                    ["Prefix"] = "cloudfront/",
                },
            }),
        });
    }

    [Fact]
    public void Bucket_access_logs_go_to_the_callers_bucket()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr", build: s => Props(new AstroAwsCdkProps
        {
            S3Bucket = new BucketProps
            {
                ServerAccessLogsBucket = new Bucket(s, "Logs", new BucketProps { EnforceSSL = true }),
                ServerAccessLogsPrefix = "site-bucket/",
            },
        }));
        var json = SiteStacks.Json(stack);
        var logs = TemplateQueries.OfType(json, "AWS::S3::Bucket").Single(r => r.Key.StartsWith("Logs", StringComparison.Ordinal)).Key;

        SiteStacks.Template(stack).HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new J
        {
            ["LoggingConfiguration"] = new J
            {
                ["DestinationBucketName"] = new J { ["Ref"] = logs },
                ["LogFilePrefix"] = "site-bucket/",
            },
            // Our secure defaults survive the override.
            ["PublicAccessBlockConfiguration"] = Match.ObjectLike(new J { ["BlockPublicAcls"] = true, ["RestrictPublicBuckets"] = true }),
        }));
    }

    [Fact]
    public void A_waf_web_acl_is_attached()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr", customise: p => Props(new AstroAwsCdkProps { CloudfrontDistribution = new AstroAwsDistributionProps { WebAclId = WebAclArn } }));

        SiteStacks.Template(stack).HasResourceProperties("AWS::CloudFront::Distribution", new J
        {
            ["DistributionConfig"] = Match.ObjectLike(new J { ["WebACLId"] = WebAclArn }),
        });
    }

    [Fact]
    public void A_geo_restriction_is_applied()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr", customise: p => Props(new AstroAwsCdkProps { CloudfrontDistribution = new AstroAwsDistributionProps { GeoRestriction = GeoRestriction.Denylist("KP", "IR") } }));

        SiteStacks.Template(stack).HasResourceProperties("AWS::CloudFront::Distribution", new J
        {
            ["DistributionConfig"] = Match.ObjectLike(new J
            {
                ["Restrictions"] = new J { ["GeoRestriction"] = new J { ["RestrictionType"] = "blacklist", ["Locations"] = new[] { "KP", "IR" } } },
            }),
        });
    }

    [Fact]
    public void A_price_class_is_applied()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr", customise: p => Props(new AstroAwsCdkProps { CloudfrontDistribution = new AstroAwsDistributionProps { PriceClass = PriceClass.PRICE_CLASS_100 } }));

        SiteStacks.Template(stack).HasResourceProperties("AWS::CloudFront::Distribution", new J
        {
            ["DistributionConfig"] = Match.ObjectLike(new J { ["PriceClass"] = "PriceClass_100" }),
        });
    }

    [Fact]
    public void Every_option_together_with_oac_and_a_custom_domain()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr", build: s => new AstroAwsProps
        {
            OutDir = TestPaths.Fixture("ssr"),
            FunctionUrlProtection = FunctionUrlProtection.OriginAccessControl,
            DomainNames = ["www.example.com", "example.com"],
            Certificate = Certificate.FromCertificateArn(s, "Cert", "arn:aws:acm:us-east-1:123456789012:certificate/site"),
            HostedZone = HostedZone.FromHostedZoneAttributes(s, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123456", ZoneName = "example.com" }),
            RedirectToPrimaryDomain = true,
            Cdk = new AstroAwsCdkProps
            {
                S3Bucket = new BucketProps { ServerAccessLogsBucket = new Bucket(s, "BucketLogs") },
                CloudfrontDistribution = new AstroAwsDistributionProps
                {
                    EnableLogging = true,
                    LogBucket = new Bucket(s, "CdnLogs", new BucketProps { ObjectOwnership = ObjectOwnership.OBJECT_WRITER }),
                    WebAclId = WebAclArn,
                    GeoRestriction = GeoRestriction.Allowlist("NL", "BE"),
                    PriceClass = PriceClass.PRICE_CLASS_100,
                },
            },
        });
        var config = TemplateQueries.DistributionConfig(SiteStacks.Json(stack));

        site.ServerOriginAccessControl.Should().NotBeNull();
        config["WebACLId"]!.GetValue<string>().Should().Be(WebAclArn);
        config["PriceClass"]!.GetValue<string>().Should().Be("PriceClass_100");
        config["Restrictions"]!["GeoRestriction"]!["RestrictionType"]!.GetValue<string>().Should().Be("whitelist");
        config["Logging"].Should().NotBeNull();
        config["ViewerCertificate"]!["MinimumProtocolVersion"]!.GetValue<string>().Should().Be("TLSv1.2_2021");
        site.DomainARecords.Should().HaveCount(2);
    }

    private static AstroAwsProps Props(AstroAwsCdkProps cdk) => new() { OutDir = TestPaths.Fixture("ssr"), Cdk = cdk };
}
