namespace Astro.Aws.Rules;

/// <summary>A resource of a synthesized template that breaks one of the AWS rules in docs/aws-rules.md.</summary>
/// <param name="RuleId">The rule, e.g. <c>lambda/url-invoke-function</c>.</param>
/// <param name="Template">The stack (or template file) the resource is in.</param>
/// <param name="LogicalId">The resource's logical ID.</param>
/// <param name="Message">What is wrong, what AWS would do with it, and how to fix it.</param>
/// <param name="Source">The AWS documentation page or public failure report the rule comes from.</param>
public sealed record AwsRuleViolation(string RuleId, string Template, string LogicalId, string Message, string Source)
{
    /// <inheritdoc/>
    public override string ToString() => $"{RuleId}: {Template}/{LogicalId}: {Message} (source: {Source})";
}

/// <summary>One rule the check knows: its ID, what it says, and where it comes from.</summary>
/// <param name="Id">The rule's ID in docs/aws-rules.md.</param>
/// <param name="Summary">The rule in one sentence.</param>
/// <param name="Source">The AWS documentation page or public failure report it comes from.</param>
public sealed record AwsRuleDescription(string Id, string Summary, string Source);
