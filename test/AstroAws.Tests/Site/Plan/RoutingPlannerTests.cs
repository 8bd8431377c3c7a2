using System.Globalization;
using Astro.Aws.Plan;
using Astro.Aws.Routing;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site.Plan;

/// <summary>
/// The route store's limits, against file lists of any size (no files on disk: the planner reads only the list). The
/// import file is what CloudFront limits to 5 MB; with fixed 16-digit keys every entry takes 39 bytes of it, so the
/// limit is 134,000 files whatever their paths.
/// </summary>
public sealed class RoutingPlannerTests
{
    [Theory]
    [InlineData(100_000)]
    [InlineData(134_000)]
    public void Long_paths_fit_because_store_keys_have_a_fixed_size(int pages)
    {
        var build = ListedBuild(pages, "/a-rather-long-section-name/with-a-subsection/and-a-long-slug-for-the-post-number-");

        var routing = RoutingPlanner.Plan(SiteStacks.NewStack(), build, redirect: null, carryAuthorization: false, RoutePlacement.Automatic);

        routing.Placement.Should().Be(RoutePlacement.KeyValueStore);
        routing.Table.ImportBytes.Should().BeLessThanOrEqualTo(RoutingPlanner.StoreMaxBytes);
        (routing.Table.ImportBytes / (double)routing.Table.Entries.Count).Should().BeApproximately(39, 0.1, "each entry is {\"key\":\"<16 hex>\",\"value\":\"2\"},");
        routing.Table.Entries.Keys.Select(RouteTable.StoreKey).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Past_the_import_limit_synthesis_fails_with_the_count_and_the_fixes()
    {
        var build = ListedBuild(135_000, "/p");

        var act = () => RoutingPlanner.Plan(SiteStacks.NewStack(), build, redirect: null, carryAuthorization: false, RoutePlacement.Automatic);

        act.Should().Throw<ArgumentException>().WithMessage("AstroAwsProps: the build has 135000 files outside _astro/, whose 135000 route keys make a KeyValueStore import file of * bytes, over CloudFront's 5242880. Import images*");
    }

    [Fact]
    public void Near_the_import_limit_it_is_a_warning()
    {
        var routing = RoutingPlanner.Plan(SiteStacks.NewStack(), ListedBuild(110_000, "/p"), redirect: null, carryAuthorization: false, RoutePlacement.Automatic);

        var note = RoutingPlanner.Note(routing);

        note.Level.Should().Be(NoteLevel.Warning);
        note.WarningId.Should().Be("@astroaws/site:routeTableSize");
        note.Message.Should().Contain("110000 key(s)").And.Contain("(82%)").And.Contain("Past the limit synthesis fails");
    }

    [Theory]
    [InlineData(100, 10_000, 512, 512)]
    [InlineData(10_001, 10_000, 1024, 512)]
    [InlineData(100_000, 10_000, 2560, 512)]
    [InlineData(1_000, 2L * 1024 * 1024 * 1024, 512, 5376)]
    public void Deployments_are_sized_from_the_file_count_and_bytes(int files, long bytes, int memory, int tmp)
    {
        var build = ListedBuild(files, "/p") is var listed ? new AstroBuild(listed.Mode, listed.DistDirectory, listed.ClientDirectory, listed.ServerDirectory, "/", listed.StaticFiles, bytes) : null;

        DeploymentSize.For(build!).Should().Be(new DeploymentSize(memory, tmp));
    }

    private static AstroBuild ListedBuild(int pages, string prefix)
    {
        var files = Enumerable.Range(0, pages).Select(i => $"{prefix.TrimStart('/')}{i.ToString("D6", CultureInfo.InvariantCulture)}/index.html").Order(StringComparer.Ordinal).ToList();
        return new AstroBuild(AstroAwsMode.Ssr, "/dist", "/dist/client", "/dist/lambda", "/", files, clientBytes: 11L * pages);
    }
}
