using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.CloudFront;

/// <summary>Whether a generated name tells regions apart: it holds the stack's region, or AWS::Region.</summary>
internal static class RegionalNames
{
    public static bool HasRegion(JsonNode? name, string? stackRegion) =>
        CfnTemplate.Mentions(name, "AWS::Region")
        || (stackRegion is not null && CfnTemplate.Flatten(name, string.Empty)?.Contains(stackRegion, StringComparison.Ordinal) == true);
}
