using Amazon.CDK;
using Amazon.CDK.Assertions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site;

/// <summary>Edge mode: the adapter's handler runs as Lambda@Edge on the S3 origin.</summary>
public class EdgeModeTests
{
    [Fact]
    public void Edge_handler_is_lambda_at_edge_in_us_east_1_on_x86()
    {
        var (stack, site) = SiteStacks.ForFixture("edge");
        var edgeStack = Stack.Of(site.EdgeFunction!.Lambda);

        site.Mode.Should().Be(AstroAwsMode.Edge);
        edgeStack.Region.Should().Be("us-east-1");
        var edgeTemplate = SiteStacks.Template(edgeStack);
        edgeTemplate.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Handler"] = "entry.handler",
            ["MemorySize"] = 1024,
            ["Timeout"] = 25,
            ["Environment"] = Match.Absent(),
        }));
        edgeTemplate.FindResources("AWS::Lambda::Function").Values
            .Should().OnlyContain(f => !f.ToString()!.Contains("arm64"), "Lambda@Edge runs only x86_64");
        SiteStacks.Template(stack).ResourceCountIs("AWS::Lambda::Url", 0);
    }

    [Fact]
    public void Pages_and_api_run_through_the_edge_handler_on_the_s3_origin()
    {
        var (stack, _) = SiteStacks.ForFixture("edge");
        var json = SiteStacks.Json(stack);
        var model = new CloudFrontModel(json);

        var routed = model.Route(new ViewerRequest("POST", "/form"), new ViewerRequest("POST", "/api/hello"), new ViewerRequest("GET", "/_astro/x.css"));

        routed.Select(r => r.Origin).Should().Equal("s3", "s3", "s3");
        routed.Select(r => r.PathPattern).Should().Equal("(default)", "/api/*", "/_astro/*");
        routed[0].MethodAllowed.Should().BeTrue();
        routed[1].MethodAllowed.Should().BeTrue();
        foreach (var behavior in new[] { TemplateQueries.DefaultBehavior(json), TemplateQueries.Behavior(json, "/api/*") })
        {
            var associations = behavior["LambdaFunctionAssociations"]!.AsArray();
            associations.Select(a => a!["EventType"]!.GetValue<string>()).Should().BeEquivalentTo("origin-request", "origin-response");
            associations.Single(a => a!["EventType"]!.GetValue<string>() == "origin-request")!["IncludeBody"]!.GetValue<bool>().Should().BeTrue();
        }

        TemplateQueries.Behavior(json, "/_astro/*").ContainsKey("LambdaFunctionAssociations").Should().BeFalse();
    }

    [Fact]
    public void Template_matches_snapshot()
    {
        var (stack, _) = SiteStacks.ForFixture("edge");
        Snapshot.Match("site-edge", SiteStacks.Json(stack));
    }
}
