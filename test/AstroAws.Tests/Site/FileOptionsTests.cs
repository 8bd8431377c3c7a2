using System.Text.Json.Nodes;
using Amazon.CDK.AWS.S3.Deployment;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// <see cref="AstroAwsProps.FileOptions"/>: Cache-Control and content type by glob, one deployment per entry, each file
/// in exactly one deployment (BucketDeployment's filters are aws s3 sync's: rule s3/sync-filters).
/// </summary>
public sealed class FileOptionsTests
{
    private static readonly AstroAwsFileOptions Text = new() { Files = ["*.txt"], ContentType = "text/plain; charset=utf-8" };
    private static readonly AstroAwsFileOptions Images = new() { Files = ["images/*", "favicon.svg"], CacheControl = [CacheControl.FromString("public,max-age=604800")] };

    [Fact]
    public void Each_entry_uploads_its_files_with_its_metadata_between_the_assets_and_the_other_files()
    {
        var (stack, site) = Site(Text, Images);
        var json = SiteStacks.Json(stack);
        var deployments = TemplateQueries.OfType(json, "Custom::CDKBucketDeployment").ToDictionary(d => d.Key, d => d.Value!.AsObject());

        deployments.Should().HaveCount(4);
        site.FileOptionsDeployments.Should().HaveCount(2);
        var text = Deployment(json, "SiteFileOptionsDeployment0");
        text["Include"]!.AsArray().Select(n => (string)n!).Should().Equal("*.txt");
        text["Exclude"]!.AsArray().Select(n => (string)n!).Should().Equal("*");
        text["SystemMetadata"]!["content-type"]!.GetValue<string>().Should().Be("text/plain; charset=utf-8");
        text["SystemMetadata"]!["cache-control"]!.GetValue<string>().Should().Be("public,max-age=0,s-maxage=86400,stale-while-revalidate=86400", "the site's default for files outside _astro/");
        text["Prune"]!.GetValue<bool>().Should().BeFalse("another deployment's files share the prefix");
        text.ContainsKey("DistributionId").Should().BeFalse("FilesDeployment invalidates once, after every upload");

        var images = Deployment(json, "SiteFileOptionsDeployment1");
        images["SystemMetadata"]!["cache-control"]!.GetValue<string>().Should().Be("public,max-age=604800");
        images["SystemMetadata"]!.AsObject().ContainsKey("content-type").Should().BeFalse();

        var files = Deployment(json, "SiteFilesDeployment");
        files["Exclude"]!.AsArray().Select(n => (string)n!).Should().Equal("_astro/*", "*.txt", "images/*", "favicon.svg");
        files["Prune"]!.GetValue<bool>().Should().BeTrue();
        DependsOn(json, "SiteFileOptionsDeployment0").Should().Contain(d => d.StartsWith("SiteAssetsDeployment", StringComparison.Ordinal));
        DependsOn(json, "SiteFilesDeployment").Should().Contain(d => d.StartsWith("SiteFileOptionsDeployment1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_glob_that_matches_no_file_is_refused()
    {
        Refusal.Expect(() => Site(new AstroAwsFileOptions { Files = ["/robots.txt"] }), "AstroAwsProps.FileOptions[0].Files", "\"/robots.txt\"", "matches no file", "without the leading /");
    }

    [Fact]
    public void A_glob_that_matches_a_hashed_asset_is_refused()
    {
        Refusal.Expect(() => Site(new AstroAwsFileOptions { Files = ["*.svg"] }), "AstroAwsProps.FileOptions[0].Files", "_astro/mark.CL0YFk-J.svg", "immutable");
    }

    [Fact]
    public void Two_entries_that_match_one_file_are_refused()
    {
        Refusal.Expect(
            () => Site(Text, new AstroAwsFileOptions { Files = ["robots.*"] }),
            "AstroAwsProps.FileOptions[1].Files", "robots.txt", "AstroAwsProps.FileOptions[0]", "disjoint");
    }

    [Fact]
    public void An_entry_without_globs_is_refused()
    {
        Refusal.Expect(() => Site(new AstroAwsFileOptions { Files = [] }), "AstroAwsProps.FileOptions[0].Files", "no glob");
    }

    private static (Amazon.CDK.Stack Stack, AstroAws Site) Site(params AstroAwsFileOptions[] options) =>
        SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = p.OutDir, FileOptions = options });

    private static JsonObject Deployment(JsonObject json, string prefix) => TemplateQueries.Deployment(json, prefix)["Properties"]!.AsObject();

    private static IEnumerable<string> DependsOn(JsonObject json, string prefix) =>
        (TemplateQueries.Deployment(json, prefix)["DependsOn"] as JsonArray ?? []).Select(n => (string)n!);
}
