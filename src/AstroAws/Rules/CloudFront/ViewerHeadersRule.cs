using System.Text.RegularExpressions;

namespace Astro.Aws.Rules.CloudFront;

/// <summary>Headers a viewer-request function may not set: the disallowed ones fail validation (502), the read-only ones cannot change.</summary>
internal sealed partial class ViewerHeadersRule : AwsRule
{
    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "trailer", "upgrade",
        "x-accel-buffering", "x-accel-charset", "x-accel-limit-rate", "x-accel-redirect", "x-amzn-auth", "x-amzn-cf-billing", "x-amzn-cf-id",
        "x-amzn-cf-xff", "x-amzn-errortype", "x-amzn-fle-profile", "x-amzn-header-count", "x-amzn-header-order", "x-amzn-lambda-integration-tag",
        "x-amzn-requestid", "x-cache", "x-forwarded-proto", "x-real-ip",
        "content-length", "host", "transfer-encoding", "via",
    };

    public override string Id => "cloudfront/viewer-request-headers";

    public override string Summary => "A viewer-request function does not set a header CloudFront disallows (Connection, X-Forwarded-Proto, X-Amz-Cf-*, X-Edge-*, ...) or keeps read-only (Host, Content-Length, Transfer-Encoding, Via).";

    public override string Source => "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-function-restrictions-all.html (disallowed and read-only headers; \"it fails CloudFront validation and CloudFront returns HTTP status code 502\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var function in template.OfType("AWS::CloudFront::Function"))
        {
            var code = Distributions.Code(function) ?? string.Empty;
            foreach (var name in HeaderAssignment().Matches(code).Select(m => m.Groups["name"].Value).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (Forbidden.Contains(name) || name.StartsWith("x-amz-cf-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("x-edge-", StringComparison.OrdinalIgnoreCase))
                {
                    yield return new RuleFinding(function.LogicalId, $"it sets the header '{name}', which a viewer-request function may not set (CloudFront answers 502 or ignores it).");
                }
            }
        }
    }

    // headers['name'] = ... or headers["name"] = ... (not ==).
    [GeneratedRegex("""headers\[\s*['"](?<name>[A-Za-z0-9-]+)['"]\s*\]\s*=(?!=)""")]
    private static partial Regex HeaderAssignment();
}
