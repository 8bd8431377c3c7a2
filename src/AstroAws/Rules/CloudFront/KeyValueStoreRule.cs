namespace Astro.Aws.Rules.CloudFront;

/// <summary>CloudFront KeyValueStores: one per function, and reads awaited by the code (store names: <see cref="GlobalNamesRule"/>).</summary>
internal sealed class KeyValueStoreRule : AwsRule
{
    public override string Id => "cloudfront/key-value-store";

    public override string Summary => "A CloudFront Function has at most one KeyValueStore association, and code that reads a store (cf.kvs) has one and an async handler (reads return promises).";

    public override string Source => "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html (\"Maximum number of key value stores per function: 1\"); https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-custom-methods.html (get returns a promise; a missing key rejects it)";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var function in template.OfType("AWS::CloudFront::Function"))
        {
            var associations = (function.Property("FunctionConfig", "KeyValueStoreAssociations") as System.Text.Json.Nodes.JsonArray)?.Count ?? 0;
            if (associations > 1)
            {
                yield return new RuleFinding(function.LogicalId, $"it has {associations} key value store associations; a function takes one.");
            }

            var code = Distributions.Code(function, string.Empty) ?? string.Empty;
            if (!code.Contains("cf.kvs(", StringComparison.Ordinal))
            {
                continue;
            }

            if (associations == 0)
            {
                yield return new RuleFinding(function.LogicalId, "its code reads a key value store (cf.kvs) but the function has no KeyValueStoreAssociations.");
            }

            if (!code.Contains("async function handler", StringComparison.Ordinal))
            {
                yield return new RuleFinding(function.LogicalId, "its code reads a key value store, whose get returns a promise, but its handler is not async.");
            }
        }
    }
}
