namespace Astro.Aws.Rules.CloudFront;

/// <summary>A cache policy's TTLs in order: minimum, then default, then maximum.</summary>
internal sealed class CacheTtlOrderRule : AwsRule
{
    public override string Id => "cloudfront/cache-ttl-order";

    public override string Summary => "A cache policy has MinTTL <= DefaultTTL <= MaxTTL.";

    public override string Source => "CloudFront API reference, CachePolicyConfig (DefaultTTL, MaxTTL defaults follow MinTTL); https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/571 (\"minTtl was larger than maxTtl, which caused the error\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var policy in template.OfType("AWS::CloudFront::CachePolicy"))
        {
            var config = policy.Property("CachePolicyConfig");
            var min = CfnTemplate.Number(config.At("MinTTL"));
            var def = CfnTemplate.Number(config.At("DefaultTTL"));
            var max = CfnTemplate.Number(config.At("MaxTTL"));
            if ((min > def) || (def > max) || (min > max))
            {
                yield return new RuleFinding(policy.LogicalId, $"its TTLs are MinTTL {min}, DefaultTTL {def}, MaxTTL {max}; CloudFront needs MinTTL <= DefaultTTL <= MaxTTL.");
            }
        }
    }
}
