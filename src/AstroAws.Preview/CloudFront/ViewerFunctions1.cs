using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;

namespace Astro.Aws.Preview.CloudFront;

/// <summary>
/// cloudfront-js-1.0 functions (the TypeScript original's runtime): the 2.0 runner runs them, since the event and the
/// handler's return are the same; what only 2.0 has (the cloudfront module, KeyValueStores) is refused instead.
/// </summary>
public static class ViewerFunctions1
{
    public static void Check(string logicalId, string code, JsonNode? functionConfig, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(warnings);
        if (functionConfig?["KeyValueStoreAssociations"] is JsonArray { Count: > 0 })
        {
            throw new PreviewException($"{logicalId} runs cloudfront-js-1.0 with a KeyValueStore; KeyValueStores need cloudfront-js-2.0.");
        }

        if (code.Contains("require('cloudfront')", StringComparison.Ordinal) || code.Contains("require(\"cloudfront\")", StringComparison.Ordinal)
            || code.Contains("from 'cloudfront'", StringComparison.Ordinal) || code.Contains("from \"cloudfront\"", StringComparison.Ordinal))
        {
            throw new PreviewException($"{logicalId} runs cloudfront-js-1.0 and uses the cloudfront module, which only cloudfront-js-2.0 has.");
        }

        warnings.Add($"{logicalId} runs cloudfront-js-1.0: it runs on the preview's 2.0 runner, which does not refuse language features 1.0 lacks.");
    }
}
