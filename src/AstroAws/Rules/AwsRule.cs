namespace Astro.Aws.Rules;

/// <summary>
/// One AWS rule that a template must keep for its deploy to work: a service's documented constraint, or a failure AWS
/// users reported in public. Each rule is a row of docs/aws-rules.md, with its source, and has a test that runs it
/// against a planted template that breaks it.
/// </summary>
internal abstract class AwsRule
{
    /// <summary>The rule's ID in docs/aws-rules.md, e.g. <c>lambda/url-invoke-function</c>.</summary>
    public abstract string Id { get; }

    /// <summary>The rule in one sentence, in AWS's terms.</summary>
    public abstract string Summary { get; }

    /// <summary>Where the rule comes from: an AWS documentation page, or a public failure report.</summary>
    public abstract string Source { get; }

    /// <summary>The resources of <paramref name="template"/> that break the rule, with what is wrong and how to fix it.</summary>
    public abstract IEnumerable<RuleFinding> Check(CfnTemplate template);
}

/// <summary>A resource that breaks a rule.</summary>
/// <param name="LogicalId">The resource's logical ID in the template.</param>
/// <param name="Message">What is wrong, what AWS does with it, and the fix.</param>
internal sealed record RuleFinding(string LogicalId, string Message);
