using Amazon.CDK.Assertions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site.Routing;

/// <summary>
/// Sites too large for the request function's own code: the route table moves to a KeyValueStore, and every request
/// class still reaches exactly one origin, with exact matching. The model runs the real function code against the
/// store's real contents, read from the import file CDK staged in the cloud assembly.
/// </summary>
public sealed class RouteStoreTests : IDisposable
{
    private readonly ScratchFolder scratch = new("astroaws-route-store");

    public void Dispose() => scratch.Dispose();

    public static TheoryData<int> Sizes => new() { 10_000, 100_000 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_server_site_of_many_pages_routes_every_request_class_to_one_origin(int pages)
    {
        var dist = GeneratedBuilds.WithPages(scratch, "ssr", pages);
        var (stack, site) = SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = dist });
        var model = SiteStacks.Model(stack);
        var last = $"/blog/2024/post-{pages - 1:D5}";

        var routed = model.Route(
            new ViewerRequest("GET", GeneratedBuilds.DeepPage),
            new ViewerRequest("GET", last + "/"),
            new ViewerRequest("HEAD", last),
            new ViewerRequest("POST", last),
            new ViewerRequest("GET", $"/blog/2024/post-{pages:D5}"),
            new ViewerRequest("GET", "/blog/2024"),
            new ViewerRequest("GET", "/about2"),
            new ViewerRequest("GET", "/images/logo.svg"),
            new ViewerRequest("GET", "/blog/caf%C3%A9"),
            new ViewerRequest("GET", "/ssr", Query: new Dictionary<string, string> { ["q"] = "1" }));

        routed.Select(r => (r.Origin, r.OriginUri)).Should().Equal(
            ("s3", GeneratedBuilds.DeepPage + "/index.html"),
            ("s3", last + "/index.html"),
            ("s3", last + "/index.html"),
            ("lambda-url", last),
            ("lambda-url", $"/blog/2024/post-{pages:D5}"),
            ("lambda-url", "/blog/2024"),
            ("lambda-url", "/about2"),
            ("s3", "/images/logo.svg"),
            ("s3", "/blog/caf%C3%A9/index.html"),
            ("lambda-url", "/ssr"));
        routed[9].QueryStringsReachOrigin.Should().BeTrue();
        site.RouteStore.Should().NotBeNull();
        model.StoreEntries.Should().HaveCount(pages + 7, "one key per page stem and per file outside _astro/");
        site.Plan.Deployments.Should().AllSatisfy(d => d.Props.MemoryLimit.Should().BeGreaterThan(512, "more than 10,000 files get more memory for the sync"));
    }

    [Fact]
    public void The_store_is_named_after_its_contents_and_associated_with_the_request_function()
    {
        var dist = GeneratedBuilds.WithPages(scratch, "ssr", 1_000);
        var (stack, site) = SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = dist });
        var template = SiteStacks.Template(stack);

        template.ResourceCountIs("AWS::CloudFront::KeyValueStore", 1);
        var store = template.FindResources("AWS::CloudFront::KeyValueStore").Single();
        var name = (string)((Dictionary<string, object>)((Dictionary<string, object>)store.Value)["Properties"])["Name"];
        name.Should().MatchRegex("^[A-Za-z0-9_-]{1,64}$", "CloudFront's pattern for a key value store name").And.Contain("-Routes-").And.EndWith("-eu-west-1");
        template.HasResourceProperties("AWS::CloudFront::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["FunctionConfig"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Runtime"] = "cloudfront-js-2.0",
                ["KeyValueStoreAssociations"] = new object[] { new Dictionary<string, object> { ["KeyValueStoreARN"] = Match.ObjectLike(new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { store.Key, "Arn" } }) } },
            }),
        }));
        site.Plan.Routing.CodeBytes.Should().BeLessThan(10_240, "the store's code is the same size whatever the build");
    }

    [Fact]
    public void A_small_site_keeps_the_table_in_the_function_and_has_no_store()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr");
        var template = SiteStacks.Template(stack);

        template.ResourceCountIs("AWS::CloudFront::KeyValueStore", 0);
        site.RouteStore.Should().BeNull();
        site.Plan.Routing.Placement.Should().Be(RoutePlacement.FunctionCode);
        template.HasResourceProperties("AWS::CloudFront::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["FunctionConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["KeyValueStoreAssociations"] = Match.Absent() }),
        }));
    }

    [Fact]
    public void The_switch_to_the_store_happens_where_the_code_would_pass_the_limit()
    {
        // Each page costs its key and 5 bytes of the table: 250 pages still fit the function's own code, 350 do not.
        var fits = GeneratedBuilds.WithPages(scratch, "ssr", 250, name: "fits");
        var over = GeneratedBuilds.WithPages(scratch, "ssr", 350, name: "over");

        var (_, small) = SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = fits });
        var (_, large) = SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = over });

        small.Plan.Routing.Placement.Should().Be(RoutePlacement.FunctionCode);
        small.Plan.Routing.CodeBytes.Should().BeLessThanOrEqualTo(10_240);
        large.Plan.Routing.Placement.Should().Be(RoutePlacement.KeyValueStore);
    }

    [Fact]
    public void A_store_can_be_chosen_for_a_small_site_and_routes_the_same()
    {
        var (inlineStack, _) = SiteStacks.ForFixture("ssr");
        var (storeStack, _) = SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = TestPaths.Fixture("ssr"), RoutePlacement = RoutePlacement.KeyValueStore });
        var requests = new[] { new ViewerRequest("GET", "/about"), new ViewerRequest("GET", "/about/"), new ViewerRequest("GET", "/robots.txt"), new ViewerRequest("GET", "/ssr") };

        var inline = SiteStacks.Model(inlineStack).Route(requests);
        var stored = SiteStacks.Model(storeStack).Route(requests);

        stored.Select(r => (r.Origin, r.OriginUri)).Should().Equal(inline.Select(r => (r.Origin, r.OriginUri)));
    }

    [Fact]
    public void Forcing_the_table_into_the_function_code_of_a_large_site_is_refused_with_the_fix()
    {
        var dist = GeneratedBuilds.WithPages(scratch, "ssr", 1_000);

        var act = () => SiteStacks.ForFixture("ssr", build: _ => new AstroAwsProps { OutDir = dist, RoutePlacement = RoutePlacement.FunctionCode });

        act.Should().Throw<ArgumentException>()
            .WithMessage("AstroAwsProps.RoutePlacement: received FunctionCode, but the build has 1007 files outside _astro/*over CloudFront Functions' 10240-byte limit. Leave RoutePlacement at Automatic*")
            .And.ParamName.Should().Be("AstroAwsProps.RoutePlacement");
    }
}
