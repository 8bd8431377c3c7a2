using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Build;

public class AstroBuildTests
{
    [Theory]
    [InlineData("ssr", AstroAwsMode.Ssr)]
    [InlineData("ssr-stream", AstroAwsMode.SsrStream)]
    [InlineData("edge", AstroAwsMode.Edge)]
    public void Server_builds_deploy_client_and_lambda(string fixture, AstroAwsMode mode)
    {
        var build = AstroBuild.Read(websiteDir: null, outDir: TestPaths.Fixture(fixture));

        build.Mode.Should().Be(mode);
        build.ClientDirectory.Should().Be(Path.Combine(TestPaths.Fixture(fixture), "client"));
        build.ServerDirectory.Should().Be(Path.Combine(TestPaths.Fixture(fixture), "lambda"));
        build.StaticFiles.Should().Contain(["about/index.html", "robots.txt", "images/logo.svg"]).And.BeInAscendingOrder(StringComparer.Ordinal);
        build.BasePath.Should().Be("/");
    }

    [Fact]
    public void Static_build_deploys_dist_itself()
    {
        var build = AstroBuild.Read(null, TestPaths.Fixture("static"));

        build.Mode.Should().Be(AstroAwsMode.Static);
        build.ClientDirectory.Should().Be(TestPaths.Fixture("static"));
        build.ServerDirectory.Should().BeNull();
        build.HasNotFoundPage.Should().BeTrue();
    }

    [Fact]
    public void Website_dir_reads_its_dist_and_out_dir_wins()
    {
        var websiteDir = Path.GetDirectoryName(TestPaths.Fixture("ssr"))!;

        AstroBuild.Read(websiteDir, null).Mode.Should().Be(AstroAwsMode.Ssr);
        AstroBuild.Read(websiteDir, TestPaths.Fixture("edge")).Mode.Should().Be(AstroAwsMode.Edge);
    }
}
