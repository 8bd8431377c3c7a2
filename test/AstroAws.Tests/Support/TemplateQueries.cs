using System.Text.Json.Nodes;

namespace Astro.Aws.Tests.Support;

/// <summary>Reads parts of a synthesized template that assertions look at often.</summary>
internal static class TemplateQueries
{
    public static IEnumerable<KeyValuePair<string, JsonNode?>> OfType(JsonObject template, string type) =>
        template["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == type);

    public static JsonObject DistributionConfig(JsonObject template) =>
        OfType(template, "AWS::CloudFront::Distribution").Single().Value!["Properties"]!["DistributionConfig"]!.AsObject();

    public static JsonObject Behavior(JsonObject template, string pathPattern) =>
        DistributionConfig(template)["CacheBehaviors"]!.AsArray().Select(b => b!.AsObject()).Single(b => (string?)b["PathPattern"] == pathPattern);

    public static JsonObject DefaultBehavior(JsonObject template) => DistributionConfig(template)["DefaultCacheBehavior"]!.AsObject();

    /// <summary>The logical ID of the API Gateway v2 route whose RouteKey is <paramref name="routeKey"/>.</summary>
    public static string RouteId(JsonObject template, string routeKey) =>
        OfType(template, "AWS::ApiGatewayV2::Route").Single(r => (string?)r.Value!["Properties"]!["RouteKey"] == routeKey).Key;

    /// <summary>The bucket deployment whose logical ID starts with the construct path (e.g. "SiteAssetsDeployment").</summary>
    public static JsonObject Deployment(JsonObject template, string logicalIdPrefix) =>
        OfType(template, "Custom::CDKBucketDeployment").Single(r => r.Key.StartsWith(logicalIdPrefix, StringComparison.Ordinal)).Value!.AsObject();
}
