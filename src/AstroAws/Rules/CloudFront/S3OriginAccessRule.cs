using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.CloudFront;

/// <summary>An S3 origin behind Origin Access Control: CloudFront may read it (bucket policy with the distribution as source), and object ownership is enforced.</summary>
internal sealed class S3OriginAccessRule : AwsRule
{
    public override string Id => "cloudfront/s3-origin-access";

    public override string Summary => "A bucket that CloudFront reads through an Origin Access Control has ObjectOwnership BucketOwnerEnforced (BucketOwnerPreferred if it needs ACLs, never ObjectWriter) and a bucket policy allowing s3:GetObject to cloudfront.amazonaws.com with AWS:SourceArn the distribution.";

    public override string Source => "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html (\"use an S3 bucket policy to allow the CloudFront service principal\"; \"you must set Amazon S3 Object Ownership to Bucket owner enforced ... If you require ACLs, use the Bucket owner preferred setting\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var distribution in Distributions.All(template))
        {
            foreach (var origin in Distributions.Origins(distribution).Where(o => Distributions.AccessControlOf(template, o) is not null && o["S3OriginConfig"] is not null))
            {
                if (Distributions.BucketOf(template, origin) is not { } bucket)
                {
                    continue;
                }

                var ownership = S3.Buckets.Ownership(bucket);
                if (ownership == "ObjectWriter")
                {
                    yield return new RuleFinding(bucket.LogicalId, "CloudFront reads it through an OAC, but its ObjectOwnership is ObjectWriter; OAC needs BucketOwnerEnforced (or BucketOwnerPreferred where ACLs are required).");
                }

                if (!AllowsCloudFront(template, bucket.LogicalId, distribution.LogicalId))
                {
                    yield return new RuleFinding(bucket.LogicalId, $"no bucket policy lets cloudfront.amazonaws.com s3:GetObject with AWS:SourceArn {distribution.LogicalId}, so every file answers 403.");
                }
            }
        }
    }

    private static bool AllowsCloudFront(CfnTemplate template, string bucketId, string distributionId) =>
        template.OfType("AWS::S3::BucketPolicy")
            .Where(p => CfnTemplate.ReferencedIds(p.Property("Bucket")).Contains(bucketId))
            .SelectMany(p => p.Property("PolicyDocument", "Statement") as JsonArray ?? [])
            .OfType<JsonObject>()
            .Any(s => CfnTemplate.Text(s["Effect"]) == "Allow"
                && CfnTemplate.Text(s["Principal"]?["Service"]) == "cloudfront.amazonaws.com"
                && Actions(s["Action"]).Any(a => a is "s3:GetObject" or "s3:*")
                && CfnTemplate.ReferencedIds(s["Condition"]?["StringEquals"]?["AWS:SourceArn"]).Contains(distributionId));

    private static IEnumerable<string> Actions(JsonNode? action) => action is JsonArray a ? CfnTemplate.Texts(a) : CfnTemplate.Text(action) is { } one ? [one] : [];
}
