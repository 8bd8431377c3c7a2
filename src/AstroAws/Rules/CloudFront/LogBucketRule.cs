namespace Astro.Aws.Rules.CloudFront;

/// <summary>CloudFront standard (legacy) logs are delivered with an ACL, so the log bucket must allow ACLs.</summary>
internal sealed class LogBucketRule : AwsRule
{
    public override string Id => "cloudfront/log-bucket-acl";

    public override string Summary => "The bucket CloudFront standard logging writes to has ACLs enabled: its ObjectOwnership is not BucketOwnerEnforced (the default).";

    public override string Source => "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html (\"Don't choose an Amazon S3 bucket with S3 Object Ownership set to bucket owner enforced\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var distribution in Distributions.All(template))
        {
            var bucket = CfnTemplate.ReferencedIds(Distributions.Config(distribution)["Logging"]?["Bucket"]).Select(template.Get).FirstOrDefault(r => r?.Type == "AWS::S3::Bucket");
            if (bucket is null)
            {
                continue;
            }

            var ownership = S3.Buckets.Ownership(bucket);
            if (ownership is null or "BucketOwnerEnforced")
            {
                yield return new RuleFinding(bucket.LogicalId, $"{distribution.LogicalId} writes its standard logs here, but ACLs are off (ObjectOwnership {ownership ?? "unset, so BucketOwnerEnforced"}), so CloudFront cannot deliver them. Set ObjectOwnership.OBJECT_WRITER or BUCKET_OWNER_PREFERRED.");
            }
        }
    }
}
