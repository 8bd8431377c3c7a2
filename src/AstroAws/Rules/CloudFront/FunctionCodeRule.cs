using System.Text;

namespace Astro.Aws.Rules.CloudFront;

/// <summary>CloudFront Functions: at most 10 KB of code, and runtime 2.0 with the import first for the cloudfront module.</summary>
internal sealed class FunctionCodeRule : AwsRule
{
    private const int MaxBytes = Routing.RequestFunctionCode.MaxCodeBytes;

    // An intrinsic part of the code (the bucket's regional domain name) is counted as this many bytes: the longest
    // regional S3 domain (a 63-character bucket, the longest region, .amazonaws.com.cn) has about 98.
    private const string TokenStandIn = "________________________________________________________________________________________________________________________________";

    public override string Id => "cloudfront/function-code";

    public override string Summary => "A CloudFront Function's code is at most 10 KB, and code that imports the 'cloudfront' module (origin changes, KeyValueStore) runs on cloudfront-js-2.0 with the import on its first line.";

    public override string Source => "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html (\"Maximum function size | 10 KB\"); https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/helper-functions-origin-modification.html (\"create a CloudFront function using JavaScript runtime 2.0 and include the following statement in the first line\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var function in template.OfType("AWS::CloudFront::Function"))
        {
            if (Distributions.Code(function, TokenStandIn) is not { } code)
            {
                continue;
            }

            var bytes = Encoding.UTF8.GetByteCount(code);
            if (bytes > MaxBytes)
            {
                yield return new RuleFinding(function.LogicalId, $"its code is {bytes} bytes (intrinsic parts counted as {TokenStandIn.Length}); CloudFront Functions take at most {MaxBytes}.");
            }

            var usesModule = code.Contains("from 'cloudfront'", StringComparison.Ordinal) || code.Contains("from \"cloudfront\"", StringComparison.Ordinal) || code.Contains("cf.kvs(", StringComparison.Ordinal);
            if (!usesModule)
            {
                continue;
            }

            if (CfnTemplate.Text(function.Property("FunctionConfig", "Runtime")) != "cloudfront-js-2.0")
            {
                yield return new RuleFinding(function.LogicalId, "its code uses the 'cloudfront' module, which only runtime cloudfront-js-2.0 has. Set FunctionConfig.Runtime to cloudfront-js-2.0.");
            }

            if (!code.TrimStart().StartsWith("import cf from", StringComparison.Ordinal))
            {
                yield return new RuleFinding(function.LogicalId, "its code uses the 'cloudfront' module but does not import it on the first line (import cf from 'cloudfront';).");
            }
        }
    }
}
