using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.Assertions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Security;

/// <summary>The cdk-nag suppressions an <see cref="AstroAws"/> site writes into its template (docs/security.md).</summary>
public class SiteSuppressionTests
{
    // The finding as cdk-nag prints it: with the partition pseudo parameter, or with the partition itself once the stack's
    // region is known and the app sets @aws-cdk/core:enablePartitionLiterals (as cdk init apps do).
    private static readonly string[] BasicExecutionRole =
    [
        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        "Policy::arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        "Policy::arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    ];

    private static void CoversBasicExecutionRoleOnly(Suppression suppression)
    {
        suppression.AppliesTo.Should().ContainSingle();
        BasicExecutionRole.Should().OnlyContain(finding => Suppressions.Covers(suppression, finding));
        Suppressions.Covers(suppression, "Policy::arn:aws:iam::aws:policy/AdministratorAccess").Should().BeFalse();
    }

    [Fact]
    public void Ssr_site_suppresses_logs_geo_waf_and_tls_while_the_user_has_not_opted_in()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr");
        var json = SiteStacks.Json(stack);

        Suppressions.Single(Suppressions.Of(json, "AWS::S3::Bucket").Values.Single(), "AwsSolutions-S1").Reason.Should().Contain("ServerAccessLogsBucket");
        var distribution = Suppressions.Of(json, "AWS::CloudFront::Distribution").Values.Single();
        Suppressions.Single(distribution, "AwsSolutions-CFR1").Reason.Should().Contain("GeoRestriction");
        Suppressions.Single(distribution, "AwsSolutions-CFR2").Reason.Should().Contain("WebAclId");
        Suppressions.Single(distribution, "AwsSolutions-CFR3").Reason.Should().Contain("LogBucket");
        Suppressions.Single(distribution, "AwsSolutions-CFR4").Reason.Should().Contain("certificate");
        Suppressions.HasSuppression(SiteStacks.Template(stack), "AWS::CloudFront::Distribution", "AwsSolutions-CFR3");
    }

    [Fact]
    public void Server_function_role_suppresses_only_the_basic_execution_policy()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr");
        var json = SiteStacks.Json(stack);
        var roleId = stack.ResolveLogicalId(site.ServerFunction!.Role!);

        var iam4 = Suppressions.Single(Suppressions.Read(json["Resources"]![roleId]!.AsObject()), "AwsSolutions-IAM4");

        CoversBasicExecutionRoleOnly(iam4);
    }

    [Fact]
    public void Opting_in_to_access_logs_waf_geo_and_a_certificate_removes_those_suppressions()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr", build: scope =>
        {
            var logs = new Bucket(scope, "Logs", new BucketProps { ObjectOwnership = ObjectOwnership.OBJECT_WRITER });
            return new AstroAwsProps
            {
                OutDir = TestPaths.Fixture("ssr"),
                Cdk = new AstroAwsCdkProps
                {
                    S3Bucket = new BucketProps { ServerAccessLogsBucket = logs },
                    CloudfrontDistribution = new AstroAwsDistributionProps
                    {
                        EnableLogging = true,
                        LogBucket = logs,
                        WebAclId = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/site/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                        GeoRestriction = GeoRestriction.Allowlist("DE", "FR"),
                        DomainNames = ["www.example.com"],
                        Certificate = Certificate.FromCertificateArn(scope, "Cert", "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"),
                        MinimumProtocolVersion = SecurityPolicyProtocol.TLS_V1_2_2021,
                    },
                },
            };
        });
        var json = SiteStacks.Json(stack);

        var siteBucket = Suppressions.Of(json, "AWS::S3::Bucket").Where(b => b.Key.StartsWith("Site", StringComparison.Ordinal)).Single().Value;
        siteBucket.Select(s => s.Id).Should().NotContain("AwsSolutions-S1");
        Suppressions.Of(json, "AWS::CloudFront::Distribution").Values.Single().Should().BeEmpty();
        json["Resources"]!.AsObject().Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::CloudFront::Distribution").Value!.AsObject()
            .ContainsKey("Metadata").Should().BeFalse("no suppression is left, so none is written");
    }

    [Fact]
    public void Bucket_deployment_handler_suppresses_its_role_runtime_and_listed_wildcards_once()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr");
        var json = SiteStacks.Json(stack);
        var bucketId = stack.ResolveLogicalId(site.Bucket);
        var handlerRoles = Suppressions.Of(json, "AWS::IAM::Role").Where(r => r.Key.StartsWith("CustomCDKBucketDeployment", StringComparison.Ordinal)).ToList();
        var handlerPolicy = Suppressions.Of(json, "AWS::IAM::Policy").Single(r => r.Key.StartsWith("CustomCDKBucketDeployment", StringComparison.Ordinal)).Value;
        var handler = Suppressions.Of(json, "AWS::Lambda::Function").Single(r => r.Key.StartsWith("CustomCDKBucketDeployment", StringComparison.Ordinal)).Value;

        CoversBasicExecutionRoleOnly(Suppressions.Single(handlerRoles.Single().Value, "AwsSolutions-IAM4"));
        Suppressions.Single(handler, "AwsSolutions-L1");
        var iam5 = Suppressions.Single(handlerPolicy, "AwsSolutions-IAM5");
        iam5.AppliesTo.Should().HaveCount(8);
        new[]
        {
            "Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*", "Action::s3:DeleteObject*", "Action::s3:Abort*",
            $"Resource::<{bucketId}.Arn>/*", "Resource::*",
            "Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-123456789012-eu-west-1/*",

            // What a cdk init app (enablePartitionLiterals) with a concrete environment writes; it failed the gate before.
            "Resource::arn:aws:s3:::cdk-hnb659fds-assets-123456789012-us-east-1/*",
        }.Should().OnlyContain(finding => Suppressions.Covers(iam5, finding));
        Suppressions.Covers(iam5, "Resource::arn:aws:s3:::some-other-bucket/*").Should().BeFalse();
    }

    [Fact]
    public void Edge_function_in_us_east_1_suppresses_its_basic_execution_policy_and_pinned_runtime()
    {
        var (_, site) = SiteStacks.ForFixture("edge");
        var edgeJson = SiteStacks.Json(Stack.Of(site.EdgeFunction!.Lambda));

        CoversBasicExecutionRoleOnly(Suppressions.Single(Suppressions.Of(edgeJson, "AWS::IAM::Role").Values.Single(), "AwsSolutions-IAM4"));
        Suppressions.Single(Suppressions.Of(edgeJson, "AWS::Lambda::Function").Values.Single(), "AwsSolutions-L1").Reason.Should().Contain("Lambda@Edge");
    }

    [Fact]
    public void Static_site_has_no_server_suppressions()
    {
        var (stack, _) = SiteStacks.ForFixture("static");
        var json = SiteStacks.Json(stack);

        Suppressions.Of(json, "AWS::Lambda::Function").Where(f => !f.Key.StartsWith("CustomCDKBucketDeployment", StringComparison.Ordinal)).Should().BeEmpty();
        Suppressions.Single(Suppressions.Of(json, "AWS::CloudFront::Distribution").Values.Single(), "AwsSolutions-CFR4");
    }

    [Fact]
    public void Two_sites_in_one_stack_write_the_shared_handler_suppressions_once()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr");
        _ = new AstroAws(stack, "Second", new AstroAwsProps { OutDir = TestPaths.Fixture("static") });
        var json = SiteStacks.Json(stack);

        var handlerRole = Suppressions.Of(json, "AWS::IAM::Role").Single(r => r.Key.StartsWith("CustomCDKBucketDeployment", StringComparison.Ordinal)).Value;
        handlerRole.Should().ContainSingle();
        Suppressions.Of(json, "AWS::IAM::Policy").Single(r => r.Key.StartsWith("CustomCDKBucketDeployment", StringComparison.Ordinal)).Value
            .Should().HaveCount(2, "each site's bucket adds its own Resource::<bucket>/* finding");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Warm_site_suppresses_only_the_basic_execution_policy_of_its_warmer_and_of_the_custom_resource_handler(bool alsoRequestedInvalidation)
    {
        var (stack, site) = SiteStacks.ForFixture("ssr", p => new AstroAwsProps
        {
            OutDir = p.OutDir,
            Warm = 2,
            Invalidation = alsoRequestedInvalidation ? SiteInvalidation.All with { Wait = false } : null,
        });
        var json = SiteStacks.Json(stack);

        CoversBasicExecutionRoleOnly(Suppressions.Single(Suppressions.Read(json["Resources"]![stack.ResolveLogicalId(site.Warmer!.Role!)]!.AsObject()), "AwsSolutions-IAM4"));
        var handlerRole = Suppressions.Of(json, "AWS::IAM::Role").Single(r => r.Key.StartsWith("AWS679f53fac002430cb0da5b7982bd2287", StringComparison.Ordinal)).Value;
        CoversBasicExecutionRoleOnly(Suppressions.Single(handlerRole, "AwsSolutions-IAM4"));
    }
}
