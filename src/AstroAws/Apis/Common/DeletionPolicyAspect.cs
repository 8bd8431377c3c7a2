using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Astro.Aws.Apis.Common;

/// <summary>
/// Applies an API's deletion policy to every CloudFormation resource under it when the app synthesizes, so routes
/// added later are covered too (a policy on the API alone leaves its stages and routes deletable). Its
/// <see cref="Apply"/> also tags the API, since both settings reach every child the same way.
/// </summary>
internal sealed class DeletionPolicyAspect(RemovalPolicy policy) : DeputyBase, IAspect
{
    public void Visit(IConstruct node)
    {
        if (node is CfnResource resource)
        {
            resource.ApplyRemovalPolicy(policy);
        }
    }

    /// <summary>
    /// The operator spec's <c>tags</c> and <c>deletionPolicy</c>, applied to the API construct and everything under it,
    /// including routes added later.
    /// </summary>
    public static void Apply(Construct api, IReadOnlyDictionary<string, string>? tags, ApiDeletionPolicy? policy)
    {
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
        {
            Tags.Of(api).Add(key, value);
        }

        if (policy is null or ApiDeletionPolicy.Delete)
        {
            return;
        }

        // Orphan has no CloudFormation equivalent; Retain leaves the resources unmanaged in the account, which is what orphaning means.
        Aspects.Of(api).Add(new DeletionPolicyAspect(RemovalPolicy.RETAIN));
    }
}
