using Amazon.CDK.AWS.CloudFront;

namespace Astro.Aws.Overrides;

/// <summary>
/// Merges a caller's <see cref="IAddBehaviorOptions"/> onto one of our behaviors: scalar properties by
/// <see cref="PropsMerge.Overlay{T, TOverrides}"/>; function associations and edge lambdas are added to ours, and a
/// caller's entry that would take a slot our routing needs is refused rather than dropped.
/// </summary>
internal static class BehaviorMerge
{
    public static BehaviorOptions Merge(BehaviorOptions ours, IAddBehaviorOptions? theirs, string propName)
    {
        var merged = PropsMerge.Overlay(ours, theirs, nameof(IAddBehaviorOptions.FunctionAssociations), nameof(IAddBehaviorOptions.EdgeLambdas));
        if (theirs is null)
        {
            return merged;
        }

        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var association in ours.FunctionAssociations ?? [])
        {
            taken[association.EventType.ToString()] = "its request function (it routes static files to S3 and sets x-forwarded-host)";
        }

        foreach (var edgeLambda in ours.EdgeLambdas ?? [])
        {
            taken[edgeLambda.EventType.ToString()] = "the Astro edge handler";
        }

        foreach (var association in theirs.FunctionAssociations ?? [])
        {
            Refuse(taken, association.EventType.ToString(), $"{propName}.FunctionAssociations");
        }

        var viewerFunction = (ours.FunctionAssociations ?? []).Length > 0;
        foreach (var edgeLambda in theirs.EdgeLambdas ?? [])
        {
            Refuse(taken, edgeLambda.EventType.ToString(), $"{propName}.EdgeLambdas");
            if (viewerFunction && edgeLambda.EventType is LambdaEdgeEventType.VIEWER_REQUEST or LambdaEdgeEventType.VIEWER_RESPONSE)
            {
                // CloudFront refuses CloudFront Functions and Lambda@Edge together on viewer events (rule cloudfront/function-associations).
                throw new ArgumentException(
                    $"{propName}.EdgeLambdas: received a Lambda@Edge function on {edgeLambda.EventType}, but this behavior runs AstroAws's request function (a CloudFront Function) on VIEWER_REQUEST, "
                    + "and CloudFront refuses CloudFront Functions and Lambda@Edge together on viewer events. Attach it to ORIGIN_REQUEST or ORIGIN_RESPONSE, or use a CloudFront Function on VIEWER_RESPONSE (FunctionAssociations).",
                    $"{propName}.EdgeLambdas");
            }
        }

        merged.FunctionAssociations = PropsMerge.Combine(ours.FunctionAssociations, theirs.FunctionAssociations);
        merged.EdgeLambdas = PropsMerge.Combine(ours.EdgeLambdas, theirs.EdgeLambdas);
        return merged;
    }

    private static void Refuse(Dictionary<string, string> taken, string eventType, string propName)
    {
        if (taken.TryGetValue(eventType, out var owner))
        {
            throw new ArgumentException(
                $"{propName}: received a {eventType} handler, but AstroAws uses that event for {owner}, and CloudFront allows one handler per event. "
                + "Attach yours to another event (a CloudFront Function to VIEWER_RESPONSE, a Lambda@Edge function to an origin event AstroAws does not use), or to a behavior of your own in AdditionalBehaviors.",
                propName);
        }

        taken[eventType] = $"your earlier {eventType} handler";
    }
}
