using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CloudFront;
using Astro.Aws.Plan;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site.Plan;

/// <summary>
/// The site is decided once, as a plan, and then rendered: what the plan says is what the template holds. Each test
/// reads both, so a plan that drifts from the rendering (or the reverse) fails.
/// </summary>
public sealed class SitePlanTests
{
    [Theory]
    [InlineData("ssr", new[] { "/_astro/*", "/api/*" })]
    [InlineData("static", new[] { "/_astro/*" })]
    public void The_plans_behaviors_are_the_templates_in_order(string mode, string[] patterns)
    {
        var (stack, site) = SiteStacks.ForFixture(mode);
        var template = SiteStacks.Json(stack);

        site.Plan.AdditionalBehaviors.Select(b => b.PathPattern).Should().Equal(patterns);
        var rendered = template["Resources"]!.AsObject().Single(r => (string?)r.Value!["Type"] == "AWS::CloudFront::Distribution").Value!["Properties"]!["DistributionConfig"]!["CacheBehaviors"]!.AsArray();
        rendered.Select(b => (string)b!["PathPattern"]!).Should().Equal(patterns);
        site.Plan.DefaultBehavior.Origin.Should().Be(mode == "ssr" ? OriginRole.Server : OriginRole.Files);
    }

    [Fact]
    public void Overrides_are_merged_in_the_plan_and_the_template_shows_them()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr", props => new AstroAwsProps
        {
            OutDir = props.OutDir,
            Cdk = new AstroAwsCdkProps
            {
                CloudfrontDistribution = new AstroAwsDistributionProps
                {
                    ApiBehavior = new AddBehaviorOptions { AllowedMethods = AllowedMethods.ALLOW_GET_HEAD_OPTIONS },
                    Comment = "mine",
                },
            },
        });

        var api = site.Plan.AdditionalBehaviors.Single(b => b.PathPattern == "/api/*");
        api.Options.AllowedMethods.Should().BeSameAs(AllowedMethods.ALLOW_GET_HEAD_OPTIONS);
        api.Options.ResponseHeadersPolicy.Should().BeSameAs(ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT_AND_SECURITY_HEADERS, "what the caller did not set keeps our default");
        site.Plan.Distribution.Comment.Should().Be("mine");
        SiteStacks.Template(stack).HasResourceProperties("AWS::CloudFront::Distribution", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DistributionConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Comment"] = "mine",
                ["CacheBehaviors"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object> { ["PathPattern"] = "/api/*", ["AllowedMethods"] = new[] { "GET", "HEAD", "OPTIONS" } })]),
            }),
        }));
    }

    [Fact]
    public void A_server_plan_routes_with_the_function_and_sends_files_to_s3_only_through_it()
    {
        var (_, site) = SiteStacks.ForFixture("ssr");

        site.Plan.DefaultBehavior.RequestFunction.Should().BeTrue();
        site.Plan.DefaultBehavior.UsesServerCachePolicy.Should().BeTrue();
        site.Plan.AdditionalBehaviors.Single(b => b.PathPattern == "/_astro/*").Should().Match<BehaviorPlan>(b => b.Origin == OriginRole.Files && !b.RequestFunction);
        site.Plan.Routing.Table.Entries.Keys.Should().Equal("/about", "/favicon.svg", "/images/logo.svg", "/robots.txt");
    }

    [Fact]
    public void A_small_sites_deployments_keep_cdks_names_and_the_callers_size_wins()
    {
        var (_, small) = SiteStacks.ForFixture("ssr");
        var (mineStack, mine) = SiteStacks.ForFixture("ssr", props => new AstroAwsProps
        {
            OutDir = props.OutDir,
            Cdk = new AstroAwsCdkProps { S3BucketDeployment = new AstroAwsBucketDeploymentOptions { MemoryLimit = 3008, EphemeralStorageSize = Amazon.CDK.Size.Gibibytes(4) } },
        });

        small.Plan.Deployments.Should().AllSatisfy(d => d.Props.MemoryLimit.Should().Be(512));
        small.Plan.Deployments.Should().AllSatisfy(d => d.Props.EphemeralStorageSize.Should().BeNull("512 MiB is Lambda's default /tmp, and CDK names the handler after a size it is given"));
        mine.Plan.Deployments.Should().AllSatisfy(d => d.Props.MemoryLimit.Should().Be(3008));
        SiteStacks.Template(mineStack).HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["MemorySize"] = 3008,
            ["EphemeralStorage"] = new Dictionary<string, object> { ["Size"] = 4096 },
        }));
    }

    [Theory]
    [InlineData("/*")]
    [InlineData("*")]
    public void A_caller_behavior_that_matches_every_path_is_refused_before_it_hides_the_site(string pattern)
    {
        var act = () => SiteStacks.ForFixture("ssr", props => new AstroAwsProps
        {
            OutDir = props.OutDir,
            Cdk = new AstroAwsCdkProps
            {
                CloudfrontDistribution = new AstroAwsDistributionProps
                {
                    AdditionalBehaviors = new Dictionary<string, IBehaviorOptions> { [pattern] = new BehaviorOptions { Origin = new Amazon.CDK.AWS.CloudFront.Origins.HttpOrigin("media.example.com") } },
                },
            },
        });

        act.Should().Throw<ArgumentException>()
            .WithMessage($"AstroAwsCdkProps.CloudfrontDistribution.AdditionalBehaviors[\"{pattern}\"]: received a pattern that matches every path.*CloudfrontDistribution.DefaultBehavior*")
            .And.ParamName.Should().Be($"AstroAwsCdkProps.CloudfrontDistribution.AdditionalBehaviors[\"{pattern}\"]");
    }
}
