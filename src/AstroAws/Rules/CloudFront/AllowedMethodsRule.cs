using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.CloudFront;

/// <summary>The method sets CloudFront accepts for a behavior, and that an origin group fails over only for reads.</summary>
internal sealed class AllowedMethodsRule : AwsRule
{
    private static readonly string[][] AllowedSets = [["GET", "HEAD"], ["GET", "HEAD", "OPTIONS"], ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]];
    private static readonly string[][] CachedSets = [["GET", "HEAD"], ["GET", "HEAD", "OPTIONS"]];

    public override string Id => "cloudfront/allowed-methods";

    public override string Summary => "A behavior's AllowedMethods is GET+HEAD, GET+HEAD+OPTIONS or all seven methods, its CachedMethods GET+HEAD or GET+HEAD+OPTIONS, and a behavior on an origin group allows no more than GET, HEAD and OPTIONS.";

    public override string Source => "CloudFront API reference, AllowedMethods (\"There are three choices\") and CachedMethods (\"There are two choices\"); https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html (failover only for GET, HEAD, OPTIONS)";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var behavior in Distributions.Behaviors(template))
        {
            var allowed = Set(behavior.Settings["AllowedMethods"]);
            if (allowed is not null && !AllowedSets.Any(s => s.ToHashSet().SetEquals(allowed)))
            {
                yield return new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} allows {string.Join(", ", allowed)}, which is none of CloudFront's three sets (GET+HEAD, +OPTIONS, or all seven).");
            }

            if (Set(behavior.Settings["CachedMethods"]) is { } cached && !CachedSets.Any(s => s.ToHashSet().SetEquals(cached)))
            {
                yield return new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} caches {string.Join(", ", cached)}; CloudFront caches GET+HEAD or GET+HEAD+OPTIONS.");
            }

            var groups = (Distributions.Config(behavior.Distribution)["OriginGroups"]?["Items"] as JsonArray ?? []).OfType<JsonObject>().Select(g => CfnTemplate.Text(g["Id"]));
            if (groups.Contains(behavior.TargetOriginId) && allowed?.Except(["GET", "HEAD", "OPTIONS"]).Any() == true)
            {
                yield return new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} targets an origin group but allows {string.Join(", ", allowed)}; CloudFront fails over only GET, HEAD and OPTIONS and refuses more.");
            }
        }
    }

    private static HashSet<string>? Set(JsonNode? methods) => methods is JsonArray a ? [.. CfnTemplate.Texts(a)] : null;
}
