namespace Astro.Aws.Rules.CloudFront;

/// <summary>Alternate domain names need a certificate that covers them, from ACM in us-east-1.</summary>
internal sealed class ViewerCertificateRule : AwsRule
{
    public override string Id => "cloudfront/viewer-certificate";

    public override string Summary => "A distribution with alternate domain names (Aliases) has an ACM or IAM certificate, an ACM certificate is in us-east-1, and an alias has no trailing dot.";

    public override string Source => "CloudFront API reference, ViewerCertificate.ACMCertificateArn (\"CloudFront only supports ACM certificates in the US East (N. Virginia) Region (us-east-1)\"); https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html (\"you must attach to your distribution a trusted, valid SSL/TLS certificate that covers the alternate domain name\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var distribution in Distributions.All(template))
        {
            var config = Distributions.Config(distribution);
            var aliases = CfnTemplate.Texts(config["Aliases"]);
            var certificate = config["ViewerCertificate"];
            var acm = certificate?["AcmCertificateArn"];
            if (config["Aliases"] is System.Text.Json.Nodes.JsonArray { Count: > 0 } && acm is null && certificate?["IamCertificateId"] is null)
            {
                yield return new RuleFinding(distribution.LogicalId, $"it has alternate domain names ({string.Join(", ", aliases)}) but no ACM or IAM certificate; CloudFront refuses them.");
            }

            if (CfnTemplate.Text(acm) is { } arn && arn.Split(':') is { Length: > 3 } parts && parts[3] != "us-east-1")
            {
                yield return new RuleFinding(distribution.LogicalId, $"its certificate {arn} is in {parts[3]}; CloudFront uses ACM certificates from us-east-1 only.");
            }

            foreach (var alias in aliases.Where(a => a.EndsWith('.')))
            {
                yield return new RuleFinding(distribution.LogicalId, $"its alternate domain name '{alias}' ends with a dot, which CloudFront refuses.");
            }
        }
    }
}
