using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// What CloudFormation accepts and a deploy rejects, in the caller's <c>AdditionalBehaviors</c>: refused when the app
/// synthesizes (the checks read the rendered distribution, see <c>DistributionChecks</c>), with the prop, the value and
/// the fix in the message.
/// </summary>
public sealed class DistributionChecksTests
{
    private const string Media = "AstroAwsCdkProps.CloudfrontDistribution.AdditionalBehaviors[\"/media/*\"]";

    [Fact]
    public void Allow_all_onto_an_origin_group() =>
        RefusedAtSynth(
            "ssr",
            Behavior(new BehaviorOptions { Origin = Group(), AllowedMethods = AllowedMethods.ALLOW_ALL }),
            $"{Media}.AllowedMethods", "(ALLOW_ALL) on an OriginGroup", "PUT, PATCH, POST, DELETE", "ALLOW_GET_HEAD_OPTIONS");

    [Fact]
    public void Get_head_options_onto_an_origin_group_is_accepted() =>
        Accepted("ssr", Behavior(new BehaviorOptions { Origin = Group(), AllowedMethods = AllowedMethods.ALLOW_GET_HEAD_OPTIONS }));

    [Theory]
    [InlineData(200)]
    [InlineData(301)]
    [InlineData(429)]
    public void Failover_status_codes_that_are_not_errors_cloudfront_fails_over_on(int code) =>
        RefusedAtSynth(
            "ssr",
            Behavior(new BehaviorOptions { Origin = Group(code, 503) }),
            Media, $"{Media}.Origin: its OriginGroup's FallbackStatusCodes received {code}", "400, 403, 404, 416, 500, 502, 503, 504", "FallbackStatusCodes = [500, 502, 503, 504]");

    [Fact]
    public void Error_failover_status_codes_are_accepted() =>
        Accepted("static", Behavior(new BehaviorOptions { Origin = Group(403, 404, 500) }));

    [Theory]
    [InlineData("https://example.com/x", "new HttpOrigin(\"example.com\", new HttpOriginProps { OriginPath = \"/x\" })")]
    [InlineData("https://example.com", "new HttpOrigin(\"example.com\")")]
    [InlineData("http://example.com:8080", "HttpPort = 8080, ProtocolPolicy = OriginProtocolPolicy.HTTP_ONLY")]
    [InlineData("example.com/x", "the bare host name")]
    public void Http_origin_given_a_url(string domain, string fix) =>
        RefusedAtSynth("ssr", Behavior(new BehaviorOptions { Origin = new HttpOrigin(domain) }), Media, $"{Media}.Origin: received the domain name '{domain}'", "host name only", fix);

    [Fact]
    public void Http_origin_given_a_url_inside_an_origin_group() =>
        RefusedAtSynth(
            "ssr",
            Behavior(new BehaviorOptions { Origin = new OriginGroup(new OriginGroupProps { PrimaryOrigin = new HttpOrigin("primary.example.com"), FallbackOrigin = new HttpOrigin("https://fallback.example.com") }) }),
            Media, "received the domain name 'https://fallback.example.com'", "new HttpOrigin(\"fallback.example.com\")");

    [Fact]
    public void Behaviors_added_later_with_add_behavior_are_checked_too_and_named_as_such()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr");
        site.Distribution.AddBehavior("/later/*", new HttpOrigin("https://later.example.com"));

        var act = () => SiteStacks.Template(stack);

        act.Should().Throw<Exception>().Which.Message.Should()
            .Contain("behavior \"/later/*\" (added with Distribution.AddBehavior)").And.Contain("received the domain name 'https://later.example.com'");
    }

    [Fact]
    public void Checking_does_not_freeze_the_distribution_so_later_behaviors_still_reach_the_template()
    {
        // Resolving the distribution's lazy origin and behavior lists caches them; the checks must run only at synth.
        var (stack, site) = SiteStacks.ForFixture("ssr", build: s => new AstroAwsProps
        {
            OutDir = TestPaths.Fixture("ssr"),
            Cdk = new AstroAwsCdkProps { CloudfrontDistribution = new AstroAwsDistributionProps { AdditionalBehaviors = Behavior(new BehaviorOptions { Origin = new HttpOrigin("media.example.com") }) } },
        });
        site.Distribution.AddBehavior("/later/*", new HttpOrigin("later.example.com"));

        var json = SiteStacks.Json(stack).ToJsonString();

        json.Should().Contain("/later/*").And.Contain("later.example.com").And.Contain("/media/*");
    }

    [Fact]
    public void Unresolved_domain_names_are_not_checked()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr", build: s => new AstroAwsProps
        {
            OutDir = TestPaths.Fixture("ssr"),
            Cdk = new AstroAwsCdkProps
            {
                CloudfrontDistribution = new AstroAwsDistributionProps
                {
                    AdditionalBehaviors = Behavior(new BehaviorOptions { Origin = new HttpOrigin(new CfnParameter(s, "MediaHost").ValueAsString) }),
                },
            },
        });

        var act = () => SiteStacks.Template(stack);

        act.Should().NotThrow();
    }

    private static OriginGroup Group(params double[] codes) => new(new OriginGroupProps
    {
        PrimaryOrigin = new HttpOrigin("primary.example.com"),
        FallbackOrigin = new HttpOrigin("fallback.example.com"),
        FallbackStatusCodes = codes.Length == 0 ? null : codes,
    });

    private static Dictionary<string, IBehaviorOptions> Behavior(IBehaviorOptions behavior) => new() { ["/media/*"] = behavior };

    private static void Accepted(string mode, Dictionary<string, IBehaviorOptions> behaviors)
    {
        var (stack, _) = SiteStacks.ForFixture(mode, build: _ => Props(mode, behaviors));
        var act = () => SiteStacks.Template(stack);
        act.Should().NotThrow();
    }

    private static void RefusedAtSynth(string mode, Dictionary<string, IBehaviorOptions> behaviors, params string[] fragments)
    {
        var (stack, _) = SiteStacks.ForFixture(mode, build: _ => Props(mode, behaviors));
        var act = () => SiteStacks.Template(stack);
        var message = act.Should().Throw<Exception>().Which.Message;
        foreach (var fragment in fragments)
        {
            message.Should().Contain(fragment);
        }
    }

    private static AstroAwsProps Props(string mode, Dictionary<string, IBehaviorOptions> behaviors) => new()
    {
        OutDir = TestPaths.Fixture(mode),
        Cdk = new AstroAwsCdkProps { CloudfrontDistribution = new AstroAwsDistributionProps { AdditionalBehaviors = behaviors } },
    };
}
