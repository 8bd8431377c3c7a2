using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.CloudFront;

/// <summary>Origins CloudFront accepts: a bare host name, timeouts in range, failover only on the status codes it knows.</summary>
internal sealed class OriginsRule : AwsRule
{
    private static readonly int[] FailoverCodes = [400, 403, 404, 416, 500, 502, 503, 504];

    public override string Id => "cloudfront/origins";

    public override string Summary => "An origin's DomainName is a host name (no scheme, path or port), its OriginReadTimeout and OriginKeepaliveTimeout are 1-120 s, and an origin group fails over only on 400, 403, 404, 416, 500, 502, 503 or 504.";

    public override string Source => "CloudFront API reference, CustomOriginConfig.OriginReadTimeout (\"The minimum timeout is 1 second, the maximum is 120 seconds\"); https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html (\"any combination of the following status codes: 400, 403, 404, 416, 500, 502, 503, or 504\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var distribution in Distributions.All(template))
        {
            foreach (var origin in Distributions.Origins(distribution))
            {
                var id = CfnTemplate.Text(origin["Id"]) ?? "?";
                if (CfnTemplate.Text(origin["DomainName"]) is { } domain && domain.Any(c => c is '/' or ':' or '?' or '#' or '@' || char.IsWhiteSpace(c)))
                {
                    yield return new RuleFinding(distribution.LogicalId, $"origin {id} has the domain name '{domain}'; CloudFront takes a host name only (put a path in OriginPath, a port in HttpPort/HttpsPort).");
                }

                foreach (var name in new[] { "OriginReadTimeout", "OriginKeepaliveTimeout" })
                {
                    if (CfnTemplate.Number(origin["CustomOriginConfig"]?[name]) is { } seconds && seconds is < 1 or > 120)
                    {
                        yield return new RuleFinding(distribution.LogicalId, $"origin {id} has {name} {seconds} s; CloudFront accepts 1-120 s (more only with a quota increase).");
                    }
                }
            }

            foreach (var group in (Distributions.Config(distribution)["OriginGroups"]?["Items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var codes = (group["FailoverCriteria"]?["StatusCodes"]?["Items"] as JsonArray ?? []).Select(CfnTemplate.Number).OfType<double>();
                foreach (var code in codes.Where(c => !FailoverCodes.Contains((int)c)))
                {
                    yield return new RuleFinding(distribution.LogicalId, $"origin group {CfnTemplate.Text(group["Id"])} fails over on {code}; CloudFront fails over only on {string.Join(", ", FailoverCodes)}.");
                }
            }
        }
    }
}
