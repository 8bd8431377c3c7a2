using System.Text.Json.Nodes;
using Astro.Aws.Build;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Build;

public class FlattedJsonTests
{
    [Fact]
    public void Strings_inside_containers_are_references_and_literals_are_inline()
    {
        // { args: { mode: "ssr", n: 3, on: true }, list: ["a", "b"] }
        var entries = Parse("""[{"args":"1","list":"2"},{"mode":"3","n":3,"on":true},["4","5"],"ssr","a","b"]""");

        FlattedJson.ResolveString(entries, "args", "mode").Should().Be("ssr");
        FlattedJson.Resolve(entries, "args", "n")!.GetValue<int>().Should().Be(3);
        FlattedJson.Resolve(entries, "args", "on")!.GetValue<bool>().Should().BeTrue();
        FlattedJson.ResolveStrings(entries, "list").Should().Equal("a", "b");
        FlattedJson.Resolve(entries, "missing").Should().BeNull();
    }

    [Fact]
    public void Cycles_do_not_loop()
    {
        // root.self points back at root, as flatted encodes a cycle.
        var entries = Parse("""[{"self":"0","name":"1"},"astro"]""");

        FlattedJson.ResolveString(entries, "self", "self", "self", "name").Should().Be("astro");
    }

    [Fact]
    public void A_reference_outside_the_array_is_a_format_error()
    {
        var entries = Parse("""[{"args":"9"}]""");

        var act = () => FlattedJson.Resolve(entries, "args");
        act.Should().Throw<FormatException>().WithMessage("*'9'*");
    }

    [Theory]
    [InlineData("ssr")]
    [InlineData("ssr-stream")]
    [InlineData("edge")]
    public void Real_adapter_metadata_decodes_to_its_mode(string mode)
    {
        var entries = Parse(File.ReadAllText(Path.Combine(Support.TestPaths.Fixture(mode), "metadata.json")));

        FlattedJson.ResolveString(entries, "args", "mode").Should().Be(mode);
        FlattedJson.ResolveString(entries, "config", "base").Should().Be("/");
    }

    private static JsonArray Parse(string json) => JsonNode.Parse(json)!.AsArray();
}
