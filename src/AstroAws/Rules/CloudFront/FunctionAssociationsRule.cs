namespace Astro.Aws.Rules.CloudFront;

/// <summary>Where a behavior may run CloudFront Functions and Lambda@Edge: one handler per event, functions on viewer events only, never both kinds on viewer events.</summary>
internal sealed class FunctionAssociationsRule : AwsRule
{
    private static readonly string[] ViewerEvents = ["viewer-request", "viewer-response"];

    public override string Id => "cloudfront/function-associations";

    public override string Summary => "A behavior has one handler per event type; CloudFront Functions run only on viewer-request and viewer-response; a behavior with a CloudFront Function has no Lambda@Edge on a viewer event; code that changes the origin runs on viewer-request.";

    public override string Source => "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-function-restrictions-all.html (\"Each event type ... can have only one edge function association\"; \"You can't combine CloudFront Functions and Lambda@Edge in viewer events\"); CloudFront API reference, FunctionAssociation.EventType";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var behavior in Distributions.Behaviors(template))
        {
            var functionEvents = behavior.FunctionAssociations.Select(a => CfnTemplate.Text(a["EventType"]) ?? "?").ToList();
            var lambdaEvents = behavior.LambdaAssociations.Select(a => CfnTemplate.Text(a["EventType"]) ?? "?").ToList();
            foreach (var duplicate in functionEvents.Concat(lambdaEvents).GroupBy(e => e).Where(g => g.Count() > 1))
            {
                yield return new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} has {duplicate.Count()} handlers on {duplicate.Key}; CloudFront allows one per event type.");
            }

            foreach (var origin in functionEvents.Where(e => !ViewerEvents.Contains(e)))
            {
                yield return new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} runs a CloudFront Function on {origin}; CloudFront Functions run only on viewer-request and viewer-response.");
            }

            if (functionEvents.Count > 0)
            {
                foreach (var viewer in lambdaEvents.Where(ViewerEvents.Contains))
                {
                    yield return new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} has a CloudFront Function and a Lambda@Edge function on {viewer}; CloudFront refuses both kinds on viewer events. Move the Lambda@Edge function to an origin event.");
                }
            }

            foreach (var association in behavior.FunctionAssociations.Where(a => CfnTemplate.Text(a["EventType"]) != "viewer-request"))
            {
                if (template.Target(association["FunctionARN"]) is { } function && Distributions.Code(function)?.Contains("updateRequestOrigin", StringComparison.Ordinal) == true)
                {
                    yield return new RuleFinding(function.LogicalId, $"{behavior.Where} runs it on {CfnTemplate.Text(association["EventType"])}, but it calls cf.updateRequestOrigin, which works on viewer-request only.");
                }
            }
        }
    }
}
