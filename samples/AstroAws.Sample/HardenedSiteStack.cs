using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Astro.Aws.Sample;

/// <summary>
/// The site with every hardening option on: the function URL behind Origin Access Control, a custom domain with a
/// us-east-1 certificate, alias records and a redirect to the primary name, access logs for the distribution and the
/// bucket, a WAF web ACL and a geo restriction. The certificate, hosted zone and web ACL are placeholders: pass yours
/// with <c>cdk synth -c certificateArn=... -c hostedZoneId=... -c zoneName=... -c webAclArn=...</c>.
/// </summary>
public sealed class HardenedSiteStack : Stack
{
    public HardenedSiteStack(Construct scope, string id, IStackProps props)
        : base(scope, id, props)
    {
        var zoneName = Context("zoneName", "example.com");
        var logs = new Bucket(this, "AccessLogs", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            // CloudFront standard logging writes with ACLs, which BUCKET_OWNER_ENFORCED would refuse.
            ObjectOwnership = ObjectOwnership.OBJECT_WRITER,
            LifecycleRules = [new LifecycleRule { Expiration = Duration.Days(90) }],
        });

        Site = new AstroAws(this, "AstroAWS", new AstroAwsProps
        {
            WebsiteDir = SamplePaths.AstroSite,
            // The function URL accepts only this distribution, and a Lambda@Edge signer keeps form posts and Actions working.
            FunctionUrlProtection = FunctionUrlProtection.OriginAccessControlWithEdgeSigning,
            DomainNames = [$"www.{zoneName}", zoneName],
            Certificate = Certificate.FromCertificateArn(this, "Certificate", Context("certificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000")),
            HostedZone = HostedZone.FromHostedZoneAttributes(this, "Zone", new HostedZoneAttributes { HostedZoneId = Context("hostedZoneId", "Z0000000000000000000"), ZoneName = zoneName }),
            RedirectToPrimaryDomain = true,
            // The deploy returns once the files are up; CloudFront finishes the invalidation on its own.
            Invalidation = SiteInvalidation.All with { Wait = false },
            Cdk = new AstroAwsCdkProps
            {
                S3Bucket = new BucketProps { ServerAccessLogsBucket = logs, ServerAccessLogsPrefix = "site-bucket/" },
                CloudfrontDistribution = new AstroAwsDistributionProps
                {
                    EnableLogging = true,
                    LogBucket = logs,
                    LogFilePrefix = "distribution/",
                    WebAclId = Context("webAclArn", "arn:aws:wafv2:us-east-1:123456789012:global/webacl/astro-site/00000000-0000-0000-0000-000000000000"),
                    GeoRestriction = GeoRestriction.Allowlist("DE", "FR", "GB", "NL", "US"),
                    PriceClass = PriceClass.PRICE_CLASS_100,
                },
            },
        });
    }

    public AstroAws Site { get; }

    private string Context(string key, string placeholder) => Node.TryGetContext(key) as string ?? placeholder;
}
