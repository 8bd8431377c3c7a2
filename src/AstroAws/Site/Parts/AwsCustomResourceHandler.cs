using Amazon.CDK;
using Constructs;

namespace Astro.Aws.Parts;

/// <summary>
/// aws-cdk-lib's singleton Lambda behind every <see cref="Amazon.CDK.CustomResources.AwsCustomResource"/> of a stack
/// (the non-waiting invalidation, the warm-up after deploy).
/// </summary>
internal static class AwsCustomResourceHandler
{
    /// <summary>aws-cdk-lib's fixed construct ID for the handler, a child of the stack.</summary>
    public const string Id = "AWS679f53fac002430cb0da5b7982bd2287";

    /// <summary>
    /// Escape hatch: aws-cdk-lib 2.160 gives the handler nodejs20.x, deprecated on 2026-04-30, with creation blocked
    /// from 2027-02-01 (docs/aws-rules.md, lambda/deprecated-runtime). It has no prop for the runtime; the handler runs
    /// on 24 like the site's server. Call it after creating an AwsCustomResource, which creates the handler.
    /// </summary>
    public static void UseNewestRuntime(Construct scope)
    {
        if (Stack.Of(scope).Node.TryFindChild(Id) is Amazon.CDK.AWS.Lambda.Function handler)
        {
            ((Amazon.CDK.AWS.Lambda.CfnFunction)handler.Node.DefaultChild!).Runtime = ServerDefaults.Node24.Name;
        }
    }
}
