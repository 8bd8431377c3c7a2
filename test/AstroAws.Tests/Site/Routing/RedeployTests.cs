using System.Text.Json.Nodes;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site.Routing;

/// <summary>
/// Build B deployed over build A must route B's files and not A's. CloudFormation reads a KeyValueStore's
/// ImportSource only when it creates the store (an update of ImportSource is not supported), so the store must be
/// replaced whenever the file list changes, and only then: the tests synthesize both builds and compare.
/// </summary>
public sealed class RedeployTests : IDisposable
{
    private readonly ScratchFolder scratch = new("astroaws-redeploy");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void A_new_file_list_gets_a_new_store_that_routes_the_new_files_and_not_the_old()
    {
        var a = GeneratedBuilds.WithPages(scratch, "ssr", 1_000, first: 0, name: "a");
        var b = GeneratedBuilds.WithPages(scratch, "ssr", 1_000, first: 500, name: "b");

        var (stackA, _) = SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = a });
        var (stackB, _) = SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = b });
        var templateA = SiteStacks.Json(stackA);
        var templateB = SiteStacks.Json(stackB);

        var (idA, storeA) = Store(templateA);
        var (idB, storeB) = Store(templateB);
        idB.Should().Be(idA, "the construct ID is stable");
        ((string)storeB["Name"]!).Should().NotBe((string)storeA["Name"]!, "a change of Name makes CloudFormation create a new store, which imports B's file");
        storeB["ImportSource"]!.ToJsonString().Should().NotBe(storeA["ImportSource"]!.ToJsonString(), "B's store imports B's own file");

        var routed = SiteStacks.Model(stackB).Route(
            new ViewerRequest("GET", "/blog/2024/post-00499"),
            new ViewerRequest("GET", "/blog/2024/post-00500"),
            new ViewerRequest("GET", "/blog/2024/post-01499"));
        routed.Select(r => r.Origin).Should().Equal(["lambda-url", "s3", "s3"], "post-00499 was only in A, post-01499 only in B");
    }

    [Fact]
    public void The_same_file_list_keeps_its_store()
    {
        var a = GeneratedBuilds.WithPages(scratch, "ssr", 1_000, name: "a");
        var again = GeneratedBuilds.WithPages(scratch, "ssr", 1_000, name: "again");
        File.WriteAllText(Path.Combine(again, "client", "blog", "2024", "post-00001", "index.html"), "<p>edited, same path</p>");

        var (stackA, _) = SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = a });
        var (stackAgain, _) = SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = again });

        Store(SiteStacks.Json(stackAgain)).Properties.ToJsonString().Should().Be(Store(SiteStacks.Json(stackA)).Properties.ToJsonString(),
            "a page's contents do not route it; only its path does, so an edit must not replace the store");
    }

    [Fact]
    public void A_small_site_carries_its_new_file_list_in_the_function_code()
    {
        var a = GeneratedBuilds.WithPages(scratch, "ssr", 10, first: 0, name: "a");
        var b = GeneratedBuilds.WithPages(scratch, "ssr", 10, first: 5, name: "b");
        var (stackA, _) = SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = a });
        var (stackB, _) = SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = b });

        var routedA = SiteStacks.Model(stackA).Route(new ViewerRequest("GET", "/blog/2024/post-00000"), new ViewerRequest("GET", "/blog/2024/post-00014"));
        var routedB = SiteStacks.Model(stackB).Route(new ViewerRequest("GET", "/blog/2024/post-00000"), new ViewerRequest("GET", "/blog/2024/post-00014"));

        routedA.Select(r => r.Origin).Should().Equal("s3", "lambda-url");
        routedB.Select(r => r.Origin).Should().Equal("lambda-url", "s3");
    }

    private static (string LogicalId, JsonObject Properties) Store(JsonObject template)
    {
        var store = template["Resources"]!.AsObject().Single(r => (string?)r.Value!["Type"] == "AWS::CloudFront::KeyValueStore");
        return (store.Key, store.Value!["Properties"]!.AsObject());
    }
}
