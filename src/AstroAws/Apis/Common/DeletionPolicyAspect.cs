using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Astro.Aws.Apis.Common;

/// <summary>
/// Applies an API's deletion policy to every CloudFormation resource under it when the app synthesizes, so routes
/// added later are covered too (a policy on the API alone leaves its stages and routes deletable).
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

    public static void Apply(Construct api, ApiDeletionPolicy? policy)
    {
        if (policy is null or ApiDeletionPolicy.Delete)
        {
            return;
        }

        // Orphan has no CloudFormation equivalent; Retain leaves the resources unmanaged in the account, which is what orphaning means.
        Aspects.Of(api).Add(new DeletionPolicyAspect(RemovalPolicy.RETAIN));
    }
}
