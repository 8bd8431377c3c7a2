using System.Reflection;
using Amazon.CDK;
using Astro.Aws.Sample;
using Astro.Aws.Tests.Support;
using Constructs;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Determinism;

/// <summary>
/// Synthesizing the sample app twice gives the same bytes: every template, every asset manifest and every asset
/// folder name (the asset hashes). A difference means a deploy would change resources or re-upload assets although
/// nothing changed.
/// </summary>
public sealed class SampleSynthDeterminismTests : IDisposable
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "astroaws-determinism", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void The_sample_app_synthesizes_to_identical_templates_and_asset_hashes_twice()
    {
        var dist = Path.Combine(TestPaths.SampleSite, "dist");
        File.Exists(Path.Combine(dist, "metadata.json")).Should().BeTrue($"the sample must be built first: run scripts/build-sample.sh ({dist} is missing or incomplete)");

        var first = Synth("first");
        var second = Synth("second");

        var templates = Files(first, "*.template.json");
        templates.Should().HaveCountGreaterThanOrEqualTo(SampleStackTypes().Count, "every sample stack writes a template");
        Files(second, "*.template.json").Should().Equal(templates);
        Files(first, "*.assets.json").Should().NotBeEmpty().And.Equal(Files(second, "*.assets.json"));
        foreach (var name in templates.Concat(Files(first, "*.assets.json")))
        {
            File.ReadAllBytes(Path.Combine(second, name)).Should().Equal(File.ReadAllBytes(Path.Combine(first, name)), $"{name} must be byte-identical across two synths");
        }

        var assets = AssetFolders(first);
        assets.Should().NotBeEmpty();
        AssetFolders(second).Should().Equal(assets, "asset folder names are the asset hashes");
    }

    /// <summary>
    /// Builds every <see cref="Stack"/> class of the sample project (so a stack added there is covered without editing
    /// this test) into a fresh app and synthesizes it into its own folder.
    /// </summary>
    private string Synth(string name)
    {
        var outdir = Path.Combine(scratch, name);
        var app = new App(new AppProps { Outdir = outdir });
        var env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" };

        // The sample's paths (SamplePaths, WebSocketStack.ApiCodeRoot, the routes folder) are relative to the repository
        // root, where `cdk synth` runs; the test runner's current directory is the test binary's folder. The constructs
        // turn every path into a full path on the .NET side while the stacks are built, so the current directory only
        // matters during construction: it is set for that and restored in finally. Tests run one at a time
        // (xunit.runner.json), so no other test sees it.
        var before = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(TestPaths.RepoRoot);
        try
        {
            foreach (var type in SampleStackTypes())
            {
                var constructor = type.GetConstructors().Single();
                var parameters = constructor.GetParameters();
                parameters.Take(3).Select(p => p.ParameterType).Should().Equal([typeof(Construct), typeof(string), typeof(IStackProps)], $"{type.Name} takes (scope, id, props) first");
                parameters.Skip(3).Where(p => !p.IsOptional).Should().BeEmpty($"{type.Name}'s other parameters must be optional so the sample's own defaults are used");
                constructor.Invoke([app, type.Name, new StackProps { Env = env }, .. parameters.Skip(3).Select(_ => Type.Missing)]);
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
        }

        return app.Synth().Directory;
    }

    private static List<Type> SampleStackTypes() =>
        [.. typeof(AstroSiteStack).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Stack)) && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    private static List<string> Files(string dir, string pattern) =>
        [.. Directory.EnumerateFiles(dir, pattern).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    private static List<string> AssetFolders(string dir) =>
        [.. Directory.EnumerateDirectories(dir, "asset.*").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
