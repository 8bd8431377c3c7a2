using System.Text.Json;
using System.Text.Json.Nodes;

namespace Astro.Aws.Rules;

/// <summary>
/// Checks synthesized CloudFormation templates against the AWS rules in docs/aws-rules.md: constraints that
/// CloudFormation's schema accepts but a deploy (or the deployed site) does not, such as a caching-disabled cache policy
/// with a cache key, or a public function URL without the permissions Lambda requires. Nothing here calls AWS.
/// </summary>
/// <example>
/// In a CDK app's <c>Program.cs</c>, after the stacks are defined:
/// <code>
/// var assembly = app.Synth();
/// AwsRules.Verify(assembly.Directory); // throws, listing each violation, before anything is deployed
/// </code>
/// </example>
public static class AwsRules
{
    private static readonly AwsRule[] All = RuleCatalog.Create();

    /// <summary>Every rule the check applies.</summary>
    public static IReadOnlyList<AwsRuleDescription> Rules { get; } = [.. All.Select(r => new AwsRuleDescription(r.Id, r.Summary, r.Source))];

    /// <summary>The violations in one template.</summary>
    /// <param name="template">The template, as JSON.</param>
    /// <param name="name">The stack name or file, for the messages.</param>
    /// <param name="region">The stack's region when it is known at synthesis; null for an environment-agnostic stack.</param>
    public static IReadOnlyList<AwsRuleViolation> Check(JsonObject template, string name = "template", string? region = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Check(new CfnTemplate(template, name, region), All);
    }

    /// <summary>The violations in every stack of a cloud assembly (a <c>cdk.out</c> folder), nested assemblies included.</summary>
    /// <param name="cloudAssemblyDirectory">The folder that holds <c>manifest.json</c>.</param>
    /// <exception cref="ArgumentException">The folder holds no readable <c>manifest.json</c>.</exception>
    public static IReadOnlyList<AwsRuleViolation> CheckAssembly(string cloudAssemblyDirectory) =>
        [.. CloudAssemblyTemplates.Read(cloudAssemblyDirectory).SelectMany(t => Check(t, All))];

    /// <summary>The stacks (display names) of a cloud assembly whose templates the check reads, nested assemblies included.</summary>
    /// <param name="cloudAssemblyDirectory">The folder that holds <c>manifest.json</c>.</param>
    public static IReadOnlyList<string> TemplateNames(string cloudAssemblyDirectory) =>
        [.. CloudAssemblyTemplates.Read(cloudAssemblyDirectory).Select(t => t.Name)];

    /// <summary>Throws when any stack of the cloud assembly breaks a rule, listing every violation.</summary>
    /// <param name="cloudAssemblyDirectory">The folder that holds <c>manifest.json</c> (<c>app.Synth().Directory</c>).</param>
    /// <exception cref="AwsRulesException">At least one template breaks a rule.</exception>
    public static void Verify(string cloudAssemblyDirectory)
    {
        var violations = CheckAssembly(cloudAssemblyDirectory);
        if (violations.Count > 0)
        {
            throw new AwsRulesException(violations);
        }
    }

    internal static IReadOnlyList<AwsRuleViolation> Check(CfnTemplate template, IEnumerable<AwsRule> rules) =>
        [.. rules.SelectMany(rule => rule.Check(template).Select(f => new AwsRuleViolation(rule.Id, template.Name, f.LogicalId, f.Message, rule.Source)))];

    internal static JsonObject Parse(string json) =>
        JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false }) as JsonObject
        ?? throw new ArgumentException("The template is not a JSON object.", nameof(json));
}

/// <summary>Thrown by <see cref="AwsRules.Verify"/>: the templates break AWS rules, so a deploy would fail or misbehave.</summary>
public sealed class AwsRulesException : Exception
{
    /// <summary>Creates the exception from its violations.</summary>
    public AwsRulesException(IReadOnlyList<AwsRuleViolation> violations)
        : base($"{violations.Count} AWS rule violation(s); each would fail the deploy or the deployed site (docs/aws-rules.md):{System.Environment.NewLine}"
            + string.Join(System.Environment.NewLine, violations.Select(v => "  - " + v)))
    {
        Violations = violations;
    }

    /// <summary>The violations.</summary>
    public IReadOnlyList<AwsRuleViolation> Violations { get; }
}
