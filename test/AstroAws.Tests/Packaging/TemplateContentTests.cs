using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Astro.Aws.Tests.Packaging;

/// <summary>
/// Every combination of `dotnet new astroaws` options, instantiated from the template folder into a throwaway hive:
/// what each one writes, that its C# compiles, and that the versions it pins are the ones this repository builds and
/// tests with. TemplateTests runs one app end to end; this covers the rest without an npm install each.
/// </summary>
public sealed class TemplateContentTests : IDisposable
{
    private static readonly string TemplateFolder = Path.Combine(TestPaths.RepoRoot, "src", "AstroAws.Templates", "templates", "astroaws");
    private readonly string root = Path.Combine("/tmp", "astroaws-template-content-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public static TheoryData<string, bool> Options()
    {
        var options = new TheoryData<string, bool>();
        foreach (var mode in new[] { "ssr", "ssr-stream", "edge", "static" })
        {
            options.Add(mode, false);
            options.Add(mode, true);
        }

        return options;
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void Each_mode_writes_its_own_site_and_an_app_that_compiles(string mode, bool api)
    {
        var app = Instantiate("Acme.Web", "--mode", mode, "--api", api ? "true" : "false");
        var files = Directory.GetFiles(app, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(app, f)).ToList();

        foreach (var file in files)
        {
            File.ReadAllText(Path.Combine(app, file)).Should().NotContainAny(["ASTRO_AWS_MODE", "SITE_STACK_NAME", "ASTROAWS_PACKAGE_VERSION", "#if", "#endif", "MySite"], $"{file} is fully instantiated");
        }

        files.Should().Contain(["README.md", "cdk.json", "package.json", "Acme.Web.slnx", "src/Acme.Web/Acme.Web.csproj", "test/Acme.Web.Tests/Acme.Web.Tests.csproj", "site/src/pages/about.astro", "site/src/pages/404.astro"]);
        files.Contains("functions/hello.mjs").Should().Be(api);
        File.ReadAllText(Path.Combine(app, "src/Acme.Web/Program.cs")).Should().Contain("new SiteStack(app, \"AcmeWeb\"", "a CloudFormation stack name has no dots");

        var config = File.ReadAllText(Path.Combine(app, "site/astro.config.mjs"));
        var site = File.ReadAllText(Path.Combine(app, "site/package.json"));
        if (mode == "static")
        {
            config.Should().Contain("output: \"static\"").And.NotContain("@astro-aws/adapter");
            site.Should().NotContain("@astro-aws/adapter");
            files.Where(f => f.StartsWith("site/src/pages/", StringComparison.Ordinal)).Should().BeEquivalentTo("site/src/pages/index.astro", "site/src/pages/about.astro", "site/src/pages/404.astro");
            files.Should().NotContain(f => f.StartsWith("site/src/actions/", StringComparison.Ordinal));
        }
        else
        {
            config.Should().Contain("output: \"server\"").And.Contain($"astroAws({{ mode: \"{mode}\" }})");
            site.Should().Contain("@astro-aws/adapter");
            files.Should().Contain(["site/src/pages/ssr.astro", "site/src/pages/form.astro", "site/src/pages/actions.astro", "site/src/pages/api/hello.ts", "site/src/actions/index.ts"]);
        }

        var globalUsings = string.Join('\n', CSharpCompile.ImplicitUsings.Select(u => $"global using {u};"));
        var trees = files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(app, f)), path: f))
            .Append(CSharpSyntaxTree.ParseText(globalUsings, path: "ImplicitUsings.cs"));
        CSharpCompile.Errors(trees, OutputKind.ConsoleApplication).Should().BeEmpty("the generated app and its tests compile");
    }

    [Fact]
    public void The_app_pins_the_versions_this_repository_builds_and_tests_with()
    {
        var app = Instantiate("Pins");
        var pinned = PackageVersions(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "Directory.Packages.props")), "PackageVersion").ToDictionary(p => p.Id, p => p.Version);
        var generated = PackageVersions(File.ReadAllText(Path.Combine(app, "src/Pins/Pins.csproj")), "PackageReference")
            .Concat(PackageVersions(File.ReadAllText(Path.Combine(app, "test/Pins.Tests/Pins.Tests.csproj")), "PackageReference"));

        foreach (var (id, version) in generated.Where(p => !p.Id.StartsWith("AstroAws", StringComparison.Ordinal)))
        {
            version.Should().Be(pinned[id], $"{id} is the version this repository restores and tests");
        }

        var tools = JsonNode.Parse(File.ReadAllText(Path.Combine(app, "package.json")))!["devDependencies"]!;
        ((string)tools["aws-cdk"]!).Should().Be(ScriptDefault("cdk-cli.sh", "ASTRO_CDK_CLI_VERSION"), "the CLI this repository's main job runs");
        ((string)tools["node"]!).Should().Be(ScriptDefault("node22.sh", "ASTRO_NODE22_VERSION"), "the Node this repository builds sites with");

        var ours = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "samples/astro-site/package.json")))!["dependencies"]!;
        var theirs = JsonNode.Parse(File.ReadAllText(Path.Combine(app, "site/package.json")))!["dependencies"]!;
        foreach (var name in new[] { "astro", "@astro-aws/adapter" })
        {
            ((string)theirs[name]!).Should().Be((string)ours[name]!, $"{name} is the version the sample builds with");
        }
    }

    private string Instantiate(string name, params string[] options)
    {
        var hive = Path.Combine(root, "hive");
        if (!Directory.Exists(hive))
        {
            Command.Run(TestPaths.RepoRoot, "dotnet", "new", "install", TemplateFolder, "--debug:custom-hive", hive);
        }

        var app = Path.Combine(root, name + "-" + string.Join('-', options).Replace("--", string.Empty, StringComparison.Ordinal), name);
        Directory.CreateDirectory(Path.GetDirectoryName(app)!);
        Command.Run(root, "dotnet", ["new", "astroaws", "-o", app, "-n", name, "--debug:custom-hive", hive, .. options]);
        return app;
    }

    private static List<(string Id, string Version)> PackageVersions(string project, string element) =>
        [.. Regex.Matches(project, $"<{element} Include=\"([^\"]+)\" Version=\"([^\"]+)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value))];

    private static string ScriptDefault(string script, string variable) =>
        Regex.Match(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "scripts", script)), $@"\$\{{{variable}:-([^}}]+)\}}").Groups[1].Value;
}
