using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Packaging;

/// <summary>
/// `dotnet new astroaws` as a new user meets it: the template package is installed from the packed .nupkg into a
/// throwaway hive, instantiated outside the repository, and the generated README's two set-up commands are run as
/// written. The app gets AstroAws and AstroAws.Testing from a local feed, never from a ProjectReference.
/// </summary>
public sealed partial class TemplateTests : IDisposable
{
    private readonly string root = Path.Combine("/tmp", "astroaws-template-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("ssr", true)]
    [InlineData("static", false)]
    public void A_new_app_builds_its_site_synthesizes_and_passes_its_own_tests_with_the_readme_commands(string mode, bool api)
    {
        var feed = new LocalFeed(root);
        feed.Pack("AstroAws");
        feed.Pack("AstroAws.Testing");
        var work = Path.Combine(root, "work");
        feed.AddTo(work);
        var app = Instantiate(feed, work, "Shop.Site", "--mode", mode, "--api", api ? "true" : "false");

        foreach (var project in Directory.GetFiles(app, "*.csproj", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(project);
            text.Should().NotContain("AstroAws.csproj", "the app uses the package, not this repository's project");
            if (text.Contains("\"AstroAws", StringComparison.Ordinal))
            {
                text.Should().Contain($"Version=\"{feed.Version}\"", "the template references the packages of its own version");
            }
        }

        var (synth, test) = SetUpCommands(app);
        Command.Run(app, "bash", "-c", synth);
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(app, "cdk.out", "ShopSite.template.json")))!["Resources"]!.AsObject();
        var types = template.Select(r => (string)r.Value!["Type"]!).ToList();
        types.Should().Contain(["AWS::CloudFront::Distribution", "AWS::S3::Bucket"]);
        types.Contains("AWS::Lambda::Url").Should().Be(mode != "static");
        types.Contains("AWS::ApiGatewayV2::Api").Should().Be(api);
        RulesCheck.PassesAssembly(Path.Combine(app, "cdk.out"));

        var output = Command.Run(app, "bash", "-c", test);
        var facts = Directory.GetFiles(Path.Combine(app, "test"), "*.cs", SearchOption.AllDirectories).Sum(file => File.ReadAllText(file).Split("[Fact]").Length - 1);
        var summary = Summary().Match(output);
        summary.Success.Should().BeTrue($"`dotnet test` prints its summary:\n{output}");
        summary.Groups["failed"].Value.Should().Be("0", output);
        int.Parse(summary.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture).Should().Be(facts, $"every generated test ran and passed:\n{output}");
    }

    private string Instantiate(LocalFeed feed, string work, string name, params string[] options)
    {
        var templates = feed.Pack("AstroAws.Templates");
        var hive = Path.Combine(root, "hive");
        Command.Run(root, "dotnet", "new", "install", templates, "--debug:custom-hive", hive);
        var app = Path.Combine(work, name);
        Command.Run(work, "dotnet", ["new", "astroaws", "-o", app, "--debug:custom-hive", hive, .. options]);
        return app;
    }

    // The README's "Set-up" section has exactly two bash blocks: build and synthesize, then test.
    private static (string Synth, string Test) SetUpCommands(string app)
    {
        var readme = File.ReadAllText(Path.Combine(app, "README.md"));
        var setUp = readme[readme.IndexOf("## Set-up", StringComparison.Ordinal)..];
        setUp = setUp[..setUp.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var blocks = BashBlock().Matches(setUp).Select(m => m.Groups[1].Value.Trim()).ToList();
        blocks.Should().HaveCount(2, "the README keeps exactly two set-up commands");
        return (blocks[0], blocks[1]);
    }

    [GeneratedRegex(@"```bash\s*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"Failed:\s+(?<failed>\d+), Passed:\s+(?<passed>\d+)")]
    private static partial Regex Summary();
}
