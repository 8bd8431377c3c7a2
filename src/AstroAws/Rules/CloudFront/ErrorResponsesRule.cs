namespace Astro.Aws.Rules.CloudFront;

/// <summary>Custom error responses: the codes CloudFront can customise, a page and a code together, a page path from the root.</summary>
internal sealed class ErrorResponsesRule : AwsRule
{
    private static readonly int[] ErrorCodes = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];

    public override string Id => "cloudfront/error-responses";

    public override string Summary => "A custom error response is for 400, 403, 404, 405, 414, 416 or 5xx (500-504), sets ResponseCode and ResponsePagePath together, and its page path starts with '/'.";

    public override string Source => "CloudFront API reference, CustomErrorResponse (\"If you specify a value for ResponsePagePath, you must also specify a value for ResponseCode\"); https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/GeneratingCustomErrorResponses.html (the status codes)";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var distribution in Distributions.All(template))
        {
            foreach (var response in (Distributions.Config(distribution)["CustomErrorResponses"] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>())
            {
                var code = CfnTemplate.Number(response["ErrorCode"]);
                var path = CfnTemplate.Text(response["ResponsePagePath"]);
                var hasCode = response["ResponseCode"] is not null;
                if (code is { } c && !ErrorCodes.Contains((int)c))
                {
                    yield return new RuleFinding(distribution.LogicalId, $"it customises status {c}; CloudFront customises only {string.Join(", ", ErrorCodes)}.");
                }

                if (hasCode != (response["ResponsePagePath"] is not null))
                {
                    yield return new RuleFinding(distribution.LogicalId, $"its error response for {code} sets {(hasCode ? "ResponseCode without ResponsePagePath" : "ResponsePagePath without ResponseCode")}; CloudFront needs both or neither.");
                }

                if (path is not null && !path.StartsWith('/'))
                {
                    yield return new RuleFinding(distribution.LogicalId, $"its error page path '{path}' does not start with '/'.");
                }
            }
        }
    }
}
