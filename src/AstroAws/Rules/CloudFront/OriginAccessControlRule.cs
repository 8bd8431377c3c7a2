namespace Astro.Aws.Rules.CloudFront;

/// <summary>Origin Access Controls: names unique in the account (so the region is part of them), at most 64 characters, and the type of the origin they sign.</summary>
internal sealed class OriginAccessControlRule : AwsRule
{
    public override string Id => "cloudfront/origin-access-control";

    public override string Summary => "An Origin Access Control's name is unique in the account across regions (it holds the region) and has at most 64 characters, and its type matches the origin: lambda for a function URL, s3 for a bucket.";

    public override string Source => "CloudFront API reference, OriginAccessControlConfig (\"You can specify up to 64 characters\"); https://github.com/aws-samples/bedrock-chat/issues/794 and https://github.com/aws-samples/amazon-cloudfront-secure-static-site/pull/65 (\"the OAC Name is global but stack names are scoped to a region\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var oac in template.OfType("AWS::CloudFront::OriginAccessControl"))
        {
            var name = oac.Property("OriginAccessControlConfig", "Name");
            if (!RegionalNames.HasRegion(name, template.Region))
            {
                yield return new RuleFinding(oac.LogicalId, $"its name {name?.ToJsonString()} does not hold the region; OAC names are unique per account, so the same stack in a second region fails with \"already exists\".");
            }

            if (CfnTemplate.Flatten(name, "xxxxxxxxxxxxxx") is { Length: > 64 } flat)
            {
                yield return new RuleFinding(oac.LogicalId, $"its name has {flat.Length} characters (a region counted as 14); CloudFront takes at most 64.");
            }
        }

        foreach (var distribution in Distributions.All(template))
        {
            foreach (var origin in Distributions.Origins(distribution))
            {
                var type = CfnTemplate.Text(Distributions.AccessControlOf(template, origin)?.Property("OriginAccessControlConfig", "OriginAccessControlOriginType"));
                var expected = Distributions.FunctionUrlOf(template, origin) is not null ? "lambda" : origin["S3OriginConfig"] is not null ? "s3" : null;
                if (type is not null && expected is not null && type != expected)
                {
                    yield return new RuleFinding(distribution.LogicalId, $"origin {CfnTemplate.Text(origin["Id"])} is signed by an OAC of type {type}, but it is a{(expected == "s3" ? "n S3" : " Lambda function URL")} origin, which needs type {expected}.");
                }

                if (expected == "lambda" && type is null && CfnTemplate.Text(Distributions.FunctionUrlOf(template, origin)!.Property("AuthType")) == "AWS_IAM")
                {
                    yield return new RuleFinding(distribution.LogicalId, $"origin {CfnTemplate.Text(origin["Id"])} is an AWS_IAM function URL without an Origin Access Control of type lambda, so CloudFront's requests are unsigned and get 403.");
                }
            }
        }
    }
}
