using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using FluentAssertions;

namespace Astro.Aws.Tests.Security;

/// <summary>One cdk-nag suppression as written into a resource's template metadata.</summary>
internal sealed record Suppression(string Id, string Reason, IReadOnlyList<string> AppliesTo);

/// <summary>Reads the <c>Metadata.cdk_nag.rules_to_suppress</c> the constructs write (docs/security.md lists them all).</summary>
internal static class Suppressions
{
    /// <summary>The suppressions of every resource of <paramref name="type"/>, by logical ID.</summary>
    public static Dictionary<string, IReadOnlyList<Suppression>> Of(JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .ToDictionary(r => r.Key, r => Read(r.Value!.AsObject()));

    /// <summary>The suppressions of one resource.</summary>
    public static IReadOnlyList<Suppression> Read(JsonObject resource)
    {
        var rules = resource["Metadata"]?["cdk_nag"]?["rules_to_suppress"]?.AsArray();
        return rules is null
            ? []
            : rules.Select(r => new Suppression(
                r!["id"]!.GetValue<string>(),
                r["reason"]!.GetValue<string>(),
                r["applies_to"]?.AsArray().Select(a => a is JsonObject regex ? regex["regex"]!.GetValue<string>() : a!.GetValue<string>()).ToList() ?? [])).ToList();
    }

    /// <summary>The one suppression of <paramref name="ruleId"/> on the resource; its reason must say why in a sentence.</summary>
    public static Suppression Single(IReadOnlyList<Suppression> suppressions, string ruleId)
    {
        var found = suppressions.Where(s => s.Id == ruleId).ToList();
        found.Should().ContainSingle($"one {ruleId} suppression is expected, found: {string.Join(", ", suppressions.Select(s => s.Id))}");
        found[0].Reason.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length.Should().BeGreaterThanOrEqualTo(8, "a reviewer needs a reason, not a label");
        return found[0];
    }

    /// <summary>
    /// Whether the suppression covers a finding as cdk-nag prints it inside the brackets (e.g.
    /// <c>Policy::arn:aws:iam::aws:policy/...</c>): an applies_to entry equal to it, or a <c>/regex/</c> entry matching it,
    /// as the security gate reads them (tools/security-gate/lib/suppressions.mjs).
    /// </summary>
    public static bool Covers(Suppression suppression, string finding) =>
        suppression.AppliesTo.Any(a => a.Length > 1 && a[0] == '/' && a[^1] == '/'
            ? System.Text.RegularExpressions.Regex.IsMatch(finding, a[1..^1])
            : a == finding);

    /// <summary>The template holds a resource of <paramref name="type"/> that suppresses <paramref name="ruleId"/> (Template.HasResource).</summary>
    public static void HasSuppression(Template template, string type, string ruleId) =>
        template.HasResource(type, Match.ObjectLike(new Dictionary<string, object>
        {
            ["Metadata"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["cdk_nag"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["rules_to_suppress"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object> { ["id"] = ruleId, ["reason"] = Match.StringLikeRegexp(@"\w+ \w+ \w+ \w+") })]),
                }),
            }),
        }));
}
