using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.CloudFront;

/// <summary>A cache behavior of a distribution: its path pattern (<c>*</c> for the default behavior) and settings.</summary>
internal sealed record BehaviorView(CfnResourceView Distribution, string Pattern, JsonObject Settings)
{
    public string Where => Pattern == "*" ? $"{Distribution.LogicalId} (default behavior)" : $"{Distribution.LogicalId} (behavior {Pattern})";

    public string? TargetOriginId => CfnTemplate.Text(Settings["TargetOriginId"]);

    public IEnumerable<JsonObject> FunctionAssociations => (Settings["FunctionAssociations"] as JsonArray ?? []).OfType<JsonObject>();

    public IEnumerable<JsonObject> LambdaAssociations => (Settings["LambdaFunctionAssociations"] as JsonArray ?? []).OfType<JsonObject>();
}

/// <summary>Reads distributions: behaviors, origins, and what each origin is.</summary>
internal static class Distributions
{
    public static IEnumerable<CfnResourceView> All(CfnTemplate template) => template.OfType("AWS::CloudFront::Distribution");

    public static JsonObject Config(CfnResourceView distribution) => distribution.Property("DistributionConfig") as JsonObject ?? [];

    public static IEnumerable<BehaviorView> Behaviors(CfnResourceView distribution)
    {
        var config = Config(distribution);
        if (config["DefaultCacheBehavior"] is JsonObject defaultBehavior)
        {
            yield return new BehaviorView(distribution, "*", defaultBehavior);
        }

        foreach (var behavior in (config["CacheBehaviors"] as JsonArray ?? []).OfType<JsonObject>())
        {
            yield return new BehaviorView(distribution, CfnTemplate.Text(behavior["PathPattern"]) ?? "?", behavior);
        }
    }

    public static IEnumerable<BehaviorView> Behaviors(CfnTemplate template) => All(template).SelectMany(Behaviors);

    public static IEnumerable<JsonObject> Origins(CfnResourceView distribution) => (Config(distribution)["Origins"] as JsonArray ?? []).OfType<JsonObject>();

    public static JsonObject? Origin(CfnResourceView distribution, string? id) =>
        Origins(distribution).FirstOrDefault(o => CfnTemplate.Text(o["Id"]) == id);

    /// <summary>The function URL an origin's domain is taken from (<c>Fn::GetAtt [url, FunctionUrl]</c>), if it is one of the template's.</summary>
    public static CfnResourceView? FunctionUrlOf(CfnTemplate template, JsonObject origin) =>
        CfnTemplate.ReferencedIds(origin["DomainName"]).Select(template.Get).FirstOrDefault(r => r?.Type == "AWS::Lambda::Url");

    /// <summary>The bucket an S3 origin reads, if it is one of the template's.</summary>
    public static CfnResourceView? BucketOf(CfnTemplate template, JsonObject origin) =>
        CfnTemplate.ReferencedIds(origin["DomainName"]).Select(template.Get).FirstOrDefault(r => r?.Type == "AWS::S3::Bucket");

    /// <summary>The Origin Access Control an origin is signed with, if it is one of the template's.</summary>
    public static CfnResourceView? AccessControlOf(CfnTemplate template, JsonObject origin) => template.Target(origin["OriginAccessControlId"]);

    /// <summary>The behavior's viewer-request CloudFront Function, if it is one of the template's.</summary>
    public static CfnResourceView? ViewerRequestFunction(CfnTemplate template, BehaviorView behavior) =>
        behavior.FunctionAssociations
            .Where(a => CfnTemplate.Text(a["EventType"]) == "viewer-request")
            .Select(a => template.Target(a["FunctionARN"]))
            .FirstOrDefault(f => f?.Type == "AWS::CloudFront::Function");

    /// <summary>The code of a CloudFront Function, with every intrinsic part (a token such as the bucket's domain) as <paramref name="placeholder"/>.</summary>
    public static string? Code(CfnResourceView function, string placeholder = "") => CfnTemplate.Flatten(function.Property("FunctionCode"), placeholder);
}
