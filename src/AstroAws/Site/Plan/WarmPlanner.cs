using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.KeepWarm;

namespace Astro.Aws.Plan;

/// <summary>Checks <see cref="AstroAwsProps.Warm"/> and plans the warmer, or nothing when it is off.</summary>
internal static class WarmPlanner
{
    private const string PropName = "AstroAwsProps.Warm";

    public static WarmPlan? Plan(AstroBuild build, int? warm, AstroAwsFunctionOptions? server)
    {
        if (warm is not { } instances)
        {
            return null;
        }

        if (instances < 0)
        {
            throw new ArgumentException($"{PropName}: received {instances}; it is the number of server instances to keep warm. Use 1 or more, or 0 (or leave it unset) to keep none warm.", PropName);
        }

        if (instances == 0)
        {
            return null;
        }

        if (build.Mode == AstroAwsMode.Edge)
        {
            throw new ArgumentException(
                $"{PropName}: received {instances}, but the build is in edge mode, whose server runs as Lambda@Edge replicas in CloudFront's locations, which a warmer cannot reach. "
                + "Remove Warm, or build the site in ssr or ssr-stream mode (a regional function the site can keep warm).",
                PropName);
        }

        if (build.Mode == AstroAwsMode.Static)
        {
            throw new ArgumentException($"{PropName}: received {instances}, but a static build has no server function to keep warm. Remove Warm, or build the site with @astro-aws/adapter in ssr or ssr-stream mode.", PropName);
        }

        if (instances > Warmer.MaxInstances)
        {
            throw new ArgumentException(
                $"{PropName}: received {instances}; at most {Warmer.MaxInstances} can be kept warm, Lambda's default concurrency quota for all functions of an account in a Region. "
                + "For that many instances use provisioned concurrency on the server function instead (AstroAws.ServerFunction, with a version or alias), which keeps them initialized without invocations.",
                PropName);
        }

        if (server?.ReservedConcurrentExecutions is { } reserved && !Token.IsUnresolved(reserved) && instances > reserved)
        {
            throw new ArgumentException(
                $"{PropName}: received {instances}, but AstroAwsCdkProps.LambdaFunction.ReservedConcurrentExecutions is {reserved}: Lambda never runs more instances of the function at once, so the warm-ups beyond it would be throttled. "
                + $"Set Warm to {reserved} or less, or raise ReservedConcurrentExecutions.",
                PropName);
        }

        return new WarmPlan(instances, Warmer.Props, Warmer.Interval);
    }
}
