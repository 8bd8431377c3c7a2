using Amazon.CDK.AWS.CloudFront;

namespace Astro.Aws.Overrides;

/// <summary>
/// Merges a caller's <see cref="IAddBehaviorOptions"/> onto one of our behaviors: scalar properties by
/// <see cref="PropsMerge.Overlay{T, TOverrides}"/>; function associations and edge lambdas are added to ours, and a
/// caller's entry that would take a slot our routing needs is refused rather than dropped.
/// </summary>
internal static class BehaviorMerge
{
    /// <summary>
    /// Merges <paramref name="theirs"/> onto <paramref name="ours"/>, whose function associations and edge lambdas are
    /// empty: the events <paramref name="handlers"/> names are ours, and the renderer puts our handlers first. The
    /// result's associations and edge lambdas are the caller's, in a new array.
    /// </summary>
    public static BehaviorOptions Merge(BehaviorOptions ours, OurHandlers handlers, IAddBehaviorOptions? theirs, string propName)
    {
        var merged = PropsMerge.Overlay(ours, theirs, nameof(IAddBehaviorOptions.FunctionAssociations), nameof(IAddBehaviorOptions.EdgeLambdas));
        if (theirs is null)
        {
            return merged;
        }

        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        if (handlers.RequestFunction)
        {
            taken[FunctionEventType.VIEWER_REQUEST.ToString()] = "its request function (it routes static files to S3 and sets x-forwarded-host)";
        }

        if (handlers.ResponseFunction)
        {
            taken[FunctionEventType.VIEWER_RESPONSE.ToString()] = "its viewer-response function (your AstroAwsProps.ViewerResponse)";
        }

        if (handlers.BodySigner)
        {
            taken[LambdaEdgeEventType.ORIGIN_REQUEST.ToString()] = "the body signer of FunctionUrlProtection.OriginAccessControlWithEdgeSigning (it sets x-amz-content-sha256)";
        }

        if (handlers.EdgeHandler)
        {
            taken[LambdaEdgeEventType.ORIGIN_REQUEST.ToString()] = "the Astro edge handler";
            taken[LambdaEdgeEventType.ORIGIN_RESPONSE.ToString()] = "the Astro edge handler";
        }

        foreach (var association in theirs.FunctionAssociations ?? [])
        {
            Refuse(taken, association.EventType.ToString(), $"{propName}.FunctionAssociations");
        }

        foreach (var edgeLambda in theirs.EdgeLambdas ?? [])
        {
            Refuse(taken, edgeLambda.EventType.ToString(), $"{propName}.EdgeLambdas");
            if (handlers.RequestFunction && edgeLambda.EventType is LambdaEdgeEventType.VIEWER_REQUEST or LambdaEdgeEventType.VIEWER_RESPONSE)
            {
                // CloudFront refuses CloudFront Functions and Lambda@Edge together on viewer events (rule cloudfront/function-associations).
                throw new ArgumentException(
                    $"{propName}.EdgeLambdas: received a Lambda@Edge function on {edgeLambda.EventType}, but this behavior runs AstroAws's request function (a CloudFront Function) on VIEWER_REQUEST, "
                    + "and CloudFront refuses CloudFront Functions and Lambda@Edge together on viewer events. Attach it to ORIGIN_REQUEST or ORIGIN_RESPONSE, or use a CloudFront Function on VIEWER_RESPONSE (FunctionAssociations).",
                    $"{propName}.EdgeLambdas");
            }
        }

        merged.FunctionAssociations = PropsMerge.Combine(null, theirs.FunctionAssociations);
        merged.EdgeLambdas = PropsMerge.Combine(null, theirs.EdgeLambdas);
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

/// <summary>The handlers the site runs on a behavior: the request function on viewer requests, the edge handler or the body signer on origin events.</summary>
internal sealed record OurHandlers(bool RequestFunction, bool EdgeHandler, bool BodySigner = false, bool ResponseFunction = false);
