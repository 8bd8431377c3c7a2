namespace Astro.Aws.Rules.CloudFront;

/// <summary>
/// CloudFront treats a cache policy whose three TTLs are 0 as "caching disabled", and refuses one that still puts
/// cookies, headers, query strings or Accept-Encoding in its cache key: the stack rolls back.
/// </summary>
internal sealed class CachingDisabledKeyRule : AwsRule
{
    public override string Id => "cloudfront/caching-disabled-empty-key";

    public override string Summary => "A cache policy with MinTTL, DefaultTTL and MaxTTL all 0 has nothing in its cache key: no cookies, headers, query strings, gzip or brotli.";

    public override string Source => "https://github.com/aws/aws-cdk/issues/16977 (\"Invalid request provided: AWS::CloudFront::CachePolicy\"); https://github.com/cloudtools/troposphere/pull/1796";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template) =>
        from policy in template.OfType("AWS::CloudFront::CachePolicy")
        let key = CachePolicyKey.ParametersWhenCachingDisabled(policy.Property("CachePolicyConfig"))
        where key.Count > 0
        select new RuleFinding(policy.LogicalId, $"its TTLs are all 0 (caching disabled) but its cache key holds {string.Join(", ", key)}, which CloudFront refuses. {CachePolicyKey.Fix}");
}
