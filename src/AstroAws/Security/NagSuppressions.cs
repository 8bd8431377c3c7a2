using System.Runtime.CompilerServices;
using Amazon.CDK;
using Constructs;

namespace Astro.Aws.Security;

/// <summary>
/// Writes cdk-nag suppressions into a resource's template metadata, in the format cdk-nag 2 reads and the repository's
/// security gate (tools/security-gate) turns into acknowledgements:
/// <c>"Metadata": { "cdk_nag": { "rules_to_suppress": [{ "id", "reason", "applies_to"? }] } }</c>.
/// Every suppression is written by the construct that causes the finding, with a reason, and listed in docs/security.md.
/// </summary>
/// <remarks>
/// The metadata is rendered at synthesis, so a suppression added with a condition (<see cref="AddUnless"/>) is written
/// only if the finding still applies once every prop and escape hatch has been applied, e.g. "no access logs".
/// </remarks>
internal static class NagSuppressions
{
    /// <summary>The metadata key cdk-nag reads.</summary>
    public const string MetadataKey = "cdk_nag";

    /// <summary>
    /// A finding about an ARN whatever its partition is written as: cdk-nag prints <c>&lt;AWS::Partition&gt;</c> for the
    /// pseudo parameter, and the partition itself (<c>aws</c>, <c>aws-cn</c>, ...) when the stack's region is known and the
    /// app sets <c>@aws-cdk/core:enablePartitionLiterals</c>, as <c>cdk init</c> apps do.
    /// </summary>
    /// <param name="kind">The finding's kind, e.g. <c>Policy</c> or <c>Resource</c>.</param>
    /// <param name="afterPartitionPattern">A regular expression for the ARN after <c>arn:&lt;partition&gt;:</c>.</param>
    public static string AnyPartition(string kind, string afterPartitionPattern) =>
        $"/^{kind}::arn:(<AWS::Partition>|aws(-[a-z]+)*):{afterPartitionPattern}$/";

    private static readonly ConditionalWeakTable<CfnResource, Entries> ByResource = new();

    /// <summary>Suppresses <paramref name="ruleId"/> on <paramref name="target"/>.</summary>
    /// <param name="target">A <see cref="CfnResource"/>, or a construct whose default child is one.</param>
    /// <param name="ruleId">The rule, e.g. <c>AwsSolutions-IAM4</c>.</param>
    /// <param name="reason">Why the finding is acceptable, and how the user can remove it if they can.</param>
    /// <param name="appliesTo">
    /// The findings covered, as cdk-nag prints them in brackets (e.g. <c>Action::s3:List*</c>), or a regular expression
    /// between slashes (<c>/^Resource::.*$/</c>, written as cdk-nag 2's <c>{ "regex": ... }</c>) for a finding whose text
    /// depends on the environment; none covers every finding of the rule.
    /// </param>
    public static void Add(IConstruct target, string ruleId, string reason, params string[] appliesTo) =>
        AddUnless(target, fixedWhen: null, ruleId, reason, appliesTo);

    /// <summary>Suppresses <paramref name="ruleId"/> unless <paramref name="fixedWhen"/>, checked at synthesis, says the user fixed it.</summary>
    /// <param name="target">A <see cref="CfnResource"/>, or a construct whose default child is one.</param>
    /// <param name="fixedWhen">True when the finding no longer applies (e.g. logging configured); null for always.</param>
    /// <param name="ruleId">The rule, e.g. <c>AwsSolutions-CFR3</c>.</param>
    /// <param name="reason">Why the finding is acceptable, and how the user can remove it.</param>
    /// <param name="appliesTo">The findings covered; none covers every finding of the rule.</param>
    public static void AddUnless(IConstruct target, Func<bool>? fixedWhen, string ruleId, string reason, params string[] appliesTo)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var resource = target as CfnResource
            ?? target.Node.DefaultChild as CfnResource
            ?? throw new ArgumentException($"{target.Node.Path} is not a CloudFormation resource and has none as its default child.", nameof(target));

        var entries = ByResource.GetValue(resource, static r =>
        {
            var created = new Entries();
            // Resolved each time the template is rendered, so the conditions see every prop and escape hatch. jsii cannot
            // pass an interface (the IResolvable Lazy.UncachedAny returns, or a class of ours implementing it) where `any`
            // is expected, but it can pass a subclass of a jsii class: Entries extends Intrinsic and overrides Resolve.
            r.AddMetadata(MetadataKey, created);
            return created;
        });
        entries.Add(new Entry(ruleId, reason, appliesTo, fixedWhen));
    }

    private sealed record Entry(string Id, string Reason, string[] AppliesTo, Func<bool>? FixedWhen);

    /// <summary>The suppressions of one resource, rendered when the template is.</summary>
    private sealed class Entries() : Intrinsic(MetadataKey)
    {
        private readonly List<Entry> entries = [];

        public void Add(Entry entry)
        {
            // Two sites in one stack share the BucketDeployment handler: the same suppression is written once.
            if (!entries.Any(e => e.Id == entry.Id && e.AppliesTo.SequenceEqual(entry.AppliesTo)))
            {
                entries.Add(entry);
            }
        }

        public override object Resolve(IResolveContext context)
        {
            var rules = entries
                .Where(e => e.FixedWhen?.Invoke() != true)
                .Select(e =>
                {
                    var rule = new Dictionary<string, object> { ["id"] = e.Id, ["reason"] = e.Reason };
                    if (e.AppliesTo.Length > 0)
                    {
                        rule["applies_to"] = e.AppliesTo
                            .Select(a => a.Length > 1 && a[0] == '/' && a[^1] == '/' ? new Dictionary<string, object> { ["regex"] = a } : (object)a)
                            .ToArray();
                    }

                    return rule;
                })
                .ToArray();
            return rules.Length == 0 ? null! : new Dictionary<string, object> { ["rules_to_suppress"] = rules };
        }
    }
}
