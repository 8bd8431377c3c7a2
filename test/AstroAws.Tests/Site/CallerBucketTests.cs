using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.S3;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// <see cref="AstroAwsProps.Bucket"/>: the caller's bucket instead of ours, read through the site's Origin Access Control
/// (rule cloudfront/s3-origin-access) and written by both deployments.
/// </summary>
public sealed class CallerBucketTests
{
    [Theory]
    [InlineData("ssr")]
    [InlineData("static")]
    public void A_bucket_of_the_app_is_the_origin_the_deployments_target_and_cloudfront_may_read(string mode)
    {
        var stack = SiteStacks.NewStack();
        var theirs = new Bucket(stack, "Theirs", new BucketProps { BlockPublicAccess = BlockPublicAccess.BLOCK_ALL, EnforceSSL = true, ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED });
        var site = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture(mode), Bucket = theirs });
        var json = SiteStacks.Json(stack);
        var template = SiteStacks.Template(stack);
        var theirId = stack.GetLogicalId((CfnBucket)theirs.Node.DefaultChild!);

        site.Bucket.Should().BeSameAs(theirs);
        template.ResourceCountIs("AWS::S3::Bucket", 1);
        var origin = TemplateQueries.DistributionConfig(json)["Origins"]!.AsArray().Single(o => o!["S3OriginConfig"] is not null)!;
        origin["DomainName"]!.ToJsonString().Should().Contain(theirId);
        foreach (var deployment in new[] { "SiteAssetsDeployment", "SiteFilesDeployment" })
        {
            TemplateQueries.Deployment(json, deployment)["Properties"]!["DestinationBucketName"]!.ToJsonString().Should().Contain(theirId);
        }

        template.HasResourceProperties("AWS::S3::BucketPolicy", Match.ObjectLike(new J
        {
            ["Bucket"] = new J { ["Ref"] = theirId },
            ["PolicyDocument"] = Match.ObjectLike(new J
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new J { ["Principal"] = new J { ["Service"] = "cloudfront.amazonaws.com" }, ["Action"] = "s3:GetObject" })]),
            }),
        }));
        SiteStacks.Model(stack).Get("/about").ReachesBucket.Should().BeTrue();
    }

    [Fact]
    public void Pruning_a_callers_bucket_is_a_warning_unless_turned_off()
    {
        var stack = SiteStacks.NewStack();
        var theirs = new Bucket(stack, "Theirs");
        _ = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), Bucket = theirs });

        Annotations.FromStack(stack).HasWarning("/TestStack/Site", Match.StringLikeRegexp("FilesDeployment deletes every object in it.*Prune = false"));

        var kept = SiteStacks.NewStack();
        _ = new AstroAws(kept, "Site", new AstroAwsProps
        {
            OutDir = TestPaths.Fixture("ssr"),
            Bucket = new Bucket(kept, "Theirs"),
            Cdk = new AstroAwsCdkProps { S3BucketDeployment = new AstroAwsBucketDeploymentOptions { Prune = false } },
        });
        Annotations.FromStack(kept).HasNoWarning("/TestStack/Site", Match.StringLikeRegexp("FilesDeployment deletes"));
    }

    [Fact]
    public void An_imported_bucket_gets_the_statement_its_policy_needs()
    {
        var stack = SiteStacks.NewStack();
        var imported = Bucket.FromBucketName(stack, "Imported", "my-site-files");
        _ = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), Bucket = imported });

        Annotations.FromStack(stack).HasWarning("/TestStack/Site", Match.StringLikeRegexp("imported bucket.*cloudfront.amazonaws.com s3:GetObject.*AWS:SourceArn"));
        SiteStacks.Template(stack).ResourceCountIs("AWS::S3::Bucket", 0);
        SiteStacks.Template(stack).ResourceCountIs("AWS::S3::BucketPolicy", 0);
    }

    [Fact]
    public void Props_for_the_bucket_the_site_would_create_are_refused()
    {
        var stack = SiteStacks.NewStack();

        Refusal.Expect(
            () => new AstroAws(stack, "Site", new AstroAwsProps
            {
                OutDir = TestPaths.Fixture("ssr"),
                Bucket = new Bucket(stack, "Theirs"),
                Cdk = new AstroAwsCdkProps { S3Bucket = new BucketProps { Versioned = true } },
            }),
            "AstroAwsCdkProps.S3Bucket", "AstroAwsProps.Bucket", "remove S3Bucket");
    }
}
