using System.Text.Json.Nodes;
using Astro.Aws.Rules;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Rules;

/// <summary>
/// Every template rule is run against a planted template that breaks it (Rules/Planted/&lt;rule&gt;.json, often the very
/// shape a review or a public failure report found) and against the same template fixed: the rule must report the
/// broken one and let the fixed one pass, and the fixed one must pass every other rule too.
/// </summary>
public sealed class PlantedTemplateTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Rules", "Planted");

    public static TheoryData<string> RuleIds => [.. AwsRules.Rules.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_rule_reports_its_planted_template_and_passes_it_fixed(string ruleId)
    {
        var planted = Planted(ruleId);
        var region = (string?)planted["region"];

        var broken = AwsRules.Check(planted["broken"]!.AsObject(), "broken", region).Where(v => v.RuleId == ruleId).ToList();
        var fixedOnes = AwsRules.Check(planted["fixed"]!.AsObject(), "fixed", region);

        broken.Should().NotBeEmpty($"{ruleId} must catch its planted template ({planted["note"]})");
        broken.Should().OnlyContain(v => v.Message.Length > 20 && v.Source.Length > 0);
        fixedOnes.Should().BeEmpty($"the fixed template of {ruleId} keeps every rule");
    }

    [Fact]
    public void Every_planted_template_belongs_to_a_rule()
    {
        var files = Directory.EnumerateFiles(Folder, "*.json").Select(f => (string?)JsonNode.Parse(File.ReadAllText(f))!["rule"]).ToList();

        files.Should().BeEquivalentTo(AwsRules.Rules.Select(r => r.Id), "one planted template per rule, no more");
        AwsRules.Rules.Select(r => r.Id).Should().OnlyHaveUniqueItems();
    }

    private static JsonObject Planted(string ruleId)
    {
        var file = Path.Combine(Folder, ruleId.Replace('/', '.') + ".json");
        File.Exists(file).Should().BeTrue($"{ruleId} needs a planted template at {file}");
        return JsonNode.Parse(File.ReadAllText(file))!.AsObject();
    }
}
