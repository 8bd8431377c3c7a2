using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// <see cref="AstroAwsProps.Invalidation"/>: what FilesDeployment invalidates (and waits for), or a custom resource that
/// requests it without waiting, within CloudFront's limits on invalidations in progress (rule cloudfront/invalidation-limits).
/// </summary>
public sealed class InvalidationTests
{
    [Fact]
    public void By_default_files_deployment_invalidates_everything_and_waits()
    {
        var (stack, site) = Site(null);
        var files = Files(stack);

        files["DistributionPaths"]!.AsArray().Select(p => (string)p!).Should().Equal("/*");
        files.ContainsKey("DistributionId").Should().BeTrue();
        site.Invalidation.Should().BeNull();
    }

    [Fact]
    public void Versioned_only_lists_one_path_per_top_level_file_or_folder_outside_astro()
    {
        var (stack, _) = Site(SiteInvalidation.VersionedOnly);

        // The ssr fixture's client files: about/index.html, favicon.svg, images/logo.svg, robots.txt, _astro/….
        Files(stack)["DistributionPaths"]!.AsArray().Select(p => (string)p!).Should().BeEquivalentTo("/about*", "/favicon.svg", "/images*", "/robots.txt");
    }

    [Fact]
    public void None_invalidates_nothing()
    {
        var (stack, _) = Site(SiteInvalidation.None);
        var files = Files(stack);

        files.ContainsKey("DistributionPaths").Should().BeFalse();
        files.ContainsKey("DistributionId").Should().BeFalse();
        SiteStacks.Template(stack).ResourceCountIs("Custom::AWS", 0);
    }

    [Fact]
    public void Without_waiting_a_custom_resource_requests_the_listed_paths_after_the_upload()
    {
        var (stack, site) = Site(SiteInvalidation.Paths("/", "/blog/*") with { Wait = false });
        var json = SiteStacks.Json(stack);
        var files = Files(stack);

        files.ContainsKey("DistributionId").Should().BeFalse("the upload no longer waits for an invalidation");
        site.Invalidation.Should().NotBeNull();
        var resource = TemplateQueries.OfType(json, "Custom::AWS").Single();
        // The SDK call is JSON joined with tokens (the distribution ID, the uploaded zip's key): read it with the tokens as text.
        var parts = resource.Value!["Properties"]!["Create"]!["Fn::Join"]![1]!.AsArray();
        var create = JsonNode.Parse(string.Concat(parts.Select(part => part is JsonValue text ? (string)text! : "TOKEN")))!;
        ((string)create["action"]!).Should().Be("createInvalidation");
        ((string)create["service"]!).Should().Be("CloudFront");
        var batch = create["parameters"]!["InvalidationBatch"]!;
        batch["Paths"]!["Items"]!.AsArray().Select(i => (string)i!).Should().Equal("/", "/blog/*");
        ((int)batch["Paths"]!["Quantity"]!).Should().Be(2);
        parts.Select(part => part!.ToJsonString()).Should().Contain(t => t.Contains("SourceObjectKeys", StringComparison.Ordinal), "the CallerReference follows the uploaded build");
        (resource.Value!["DependsOn"] as JsonArray ?? []).Select(d => (string)d!).Should().Contain(d => d.StartsWith("SiteFilesDeployment", StringComparison.Ordinal));
        SiteStacks.Template(stack).HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(new J
        {
            ["PolicyDocument"] = Match.ObjectLike(new J
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new J { ["Action"] = "cloudfront:CreateInvalidation" })]),
            }),
        }));
    }

    [Fact]
    public void The_custom_resources_handler_runs_on_a_runtime_lambda_still_creates()
    {
        // aws-cdk-lib 2.160 writes nodejs20.x, whose creation Lambda blocks from 2027-02-01 (rule lambda/deprecated-runtime).
        var (stack, _) = Site(SiteInvalidation.All with { Wait = false });

        var handler = TemplateQueries.OfType(SiteStacks.Json(stack), "AWS::Lambda::Function").Single(f => f.Key.StartsWith("AWS679f53fac002430cb0da5b7982bd2287", StringComparison.Ordinal));
        ((string)handler.Value!["Properties"]!["Runtime"]!).Should().Be("nodejs24.x");
    }

    [Fact]
    public void A_path_cloudfront_does_not_take_is_refused()
    {
        Refusal.Expect(() => Site(SiteInvalidation.Paths("/blog/*/x")), "AstroAwsProps.Invalidation", "'/blog/*/x'", "may end with one *");
        Refusal.Expect(() => Site(SiteInvalidation.Paths("blog")), "AstroAwsProps.Invalidation", "'blog'", "starts with /");
    }

    [Fact]
    public void More_wildcard_paths_than_cloudfront_runs_at_once_are_refused()
    {
        var paths = Enumerable.Range(0, 16).Select(i => $"/section{i}/*").ToArray();

        Refusal.Expect(() => Site(SiteInvalidation.Paths(paths)), "AstroAwsProps.Invalidation", "16 wildcard path(s)", "at most 15");
    }

    [Fact]
    public void Invalidation_and_distribution_paths_together_are_refused()
    {
        Refusal.Expect(
            () => SiteStacks.ForFixture("ssr", p => new AstroAwsProps
            {
                OutDir = p.OutDir,
                Invalidation = SiteInvalidation.All,
                Cdk = new AstroAwsCdkProps { S3BucketDeployment = new AstroAwsBucketDeploymentOptions { DistributionPaths = ["/x"] } },
            }),
            "AstroAwsProps.Invalidation", "DistributionPaths");
    }

    private static (Amazon.CDK.Stack Stack, AstroAws Site) Site(SiteInvalidation? invalidation) =>
        SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = p.OutDir, Invalidation = invalidation });

    private static JsonObject Files(Amazon.CDK.Stack stack) => TemplateQueries.Deployment(SiteStacks.Json(stack), "SiteFilesDeployment")["Properties"]!.AsObject();
}
