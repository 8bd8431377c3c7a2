using Astro.Aws.Tests.Support;
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
    private readonly ScratchFolder scratch = new("astroaws-determinism");

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void The_sample_app_synthesizes_to_identical_templates_and_asset_hashes_twice()
    {
        var first = SampleApp.Synth(scratch.Combine("first"));
        var second = SampleApp.Synth(scratch.Combine("second"));

        var templates = Files(first, "*.template.json");
        templates.Should().HaveCountGreaterThanOrEqualTo(SampleApp.StackTypes().Count, "every sample stack writes a template");
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

    private static List<string> Files(string dir, string pattern) =>
        [.. Directory.EnumerateFiles(dir, pattern).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    private static List<string> AssetFolders(string dir) =>
        [.. Directory.EnumerateDirectories(dir, "asset.*").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
