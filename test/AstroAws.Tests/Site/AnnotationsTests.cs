using Amazon.CDK.Assertions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site;

/// <summary>What synthesizes but would surprise a user is said at synth, as CDK annotations (`cdk synth` prints them).</summary>
public sealed class AnnotationsTests : IDisposable
{
    private readonly ScratchFolder scratch = new("astroaws-annotations");

    public void Dispose() => scratch.Dispose();

    [Theory]
    [InlineData("static", "static mode (files from S3 only")]
    [InlineData("ssr", "ssr mode (server pages from a Lambda function URL, buffered responses up to 6 MB)")]
    [InlineData("ssr-stream", "ssr-stream mode (server pages from a Lambda function URL, streamed responses up to 200 MB)")]
    [InlineData("edge", "edge mode (server pages from Lambda@Edge in us-east-1, request bodies up to 1 MB")]
    public void The_detected_mode_is_reported(string mode, string expected)
    {
        var (stack, _) = SiteStacks.ForFixture(mode);
        SiteStacks.Template(stack);

        Annotations.FromStack(stack).HasInfo("/TestStack/Site", Match.StringLikeRegexp(System.Text.RegularExpressions.Regex.Escape(expected)));
    }

    [Fact]
    public void Origin_access_control_warns_that_form_posts_and_actions_break()
    {
        var (stack, _) = FunctionUrlProtectionTests.Protected("ssr");
        SiteStacks.Template(stack);

        Annotations.FromStack(stack).HasWarning("/TestStack/Site", Match.StringLikeRegexp("x-amz-content-sha256.*HTML form posts and Astro Actions fail"));
    }

    [Fact]
    public void A_public_function_url_gives_no_warning()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr");
        SiteStacks.Template(stack);

        Annotations.FromStack(stack).HasNoWarning("*", Match.AnyValue());
    }

    [Fact]
    public void The_request_functions_distance_from_its_limit_is_reported()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr");
        SiteStacks.Template(stack);

        Annotations.FromStack(stack).HasInfo("/TestStack/Site", Match.StringLikeRegexp("request function routes 4 file\\(s\\) outside _astro/ from its own code, about [0-9]+ of CloudFront Functions' 10240 bytes"));
    }

    [Fact]
    public void A_route_store_reports_how_full_its_import_file_is()
    {
        var dist = GeneratedBuilds.WithPages(scratch, "ssr", 400);
        var (stack, _) = SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = dist });
        SiteStacks.Template(stack);

        Annotations.FromStack(stack).HasInfo("/TestStack/Site", Match.StringLikeRegexp("routes 407 file\\(s\\) outside _astro/ through a KeyValueStore: 407 key\\(s\\), an import file of [0-9]+ of CloudFront's 5242880 bytes \\(0%\\)"));
    }

    [Fact]
    public void An_adapter_build_with_static_output_warns_that_every_page_is_prerendered()
    {
        var dist = scratch.CopyFixture("ssr");
        MetadataEdits.Set(dist, "config", "output", "static");

        var (stack, _) = SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = dist });
        var (serverStack, _) = SiteStacks.ForFixture("ssr");
        SiteStacks.Template(stack);
        SiteStacks.Template(serverStack);

        Annotations.FromStack(stack).HasWarning("/TestStack/Site", Match.StringLikeRegexp("output: \\\"static\\\".*every page is prerendered.*export const prerender = false"));
        Annotations.FromStack(serverStack).FindWarning("/TestStack/Site", Match.StringLikeRegexp("every page is prerendered")).Should().BeEmpty();
    }

    [Fact]
    public void A_build_without_the_adapter_says_nothing_renders_on_demand()
    {
        var (stack, _) = SiteStacks.ForFixture("static");
        SiteStacks.Template(stack);

        Annotations.FromStack(stack).HasInfo("/TestStack/Site", Match.StringLikeRegexp("no metadata.json, so the build was made without @astro-aws/adapter and nothing renders on demand"));
    }
}
