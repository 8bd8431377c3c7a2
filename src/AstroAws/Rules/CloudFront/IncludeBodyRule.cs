namespace Astro.Aws.Rules.CloudFront;

/// <summary>The request body reaches Lambda@Edge only on request events.</summary>
internal sealed class IncludeBodyRule : AwsRule
{
    public override string Id => "cloudfront/include-body";

    public override string Summary => "IncludeBody is set only on viewer-request and origin-request Lambda@Edge associations (bodies are truncated at 40 KB and 1 MB).";

    public override string Source => "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-include-body-access.html (\"choose Include Body when you create a CloudFront trigger for your function that's for a viewer request or origin request event\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template) =>
        from behavior in Distributions.Behaviors(template)
        from association in behavior.LambdaAssociations
        let eventType = CfnTemplate.Text(association["EventType"])
        where CfnTemplate.Bool(association["IncludeBody"]) == true && eventType is not ("viewer-request" or "origin-request")
        select new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} sets IncludeBody on {eventType}; only request events carry a body.");
}
