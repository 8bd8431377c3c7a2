using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.CloudFront;

/// <summary>Reads a cache policy's config: as the template writes it, or as an L1's resolved props (camelCase).</summary>
internal static class CachePolicyKey
{
    public const string Fix =
        "Use CachePolicy.CACHING_DISABLED (the behavior's origin request policy still forwards every cookie, header and query string to the origin), "
        + "or keep the key and set MaxTtl to at least 1 second so caching is on (the origin's Cache-Control then decides)";

    /// <summary>
    /// What the policy puts in its cache key when all three TTLs are literal zeros (caching disabled), e.g.
    /// <c>cookies (all)</c>; empty when caching is on, when a TTL is not a literal, or when the key is empty.
    /// </summary>
    public static IReadOnlyList<string> ParametersWhenCachingDisabled(JsonNode? config)
    {
        double?[] ttls = [Ttl(config, "MinTTL"), Ttl(config, "DefaultTTL"), Ttl(config, "MaxTTL")];
        if (ttls.Any(t => t != 0))
        {
            return [];
        }

        var key = config.At("ParametersInCacheKeyAndForwardedToOrigin");
        var found = new List<string>();
        Behavior(key, "CookiesConfig", "CookieBehavior", "cookies", found);
        Behavior(key, "HeadersConfig", "HeaderBehavior", "headers", found);
        Behavior(key, "QueryStringsConfig", "QueryStringBehavior", "query strings", found);
        if (CfnTemplate.Bool(key.At("EnableAcceptEncodingGzip")) == true)
        {
            found.Add("Accept-Encoding gzip");
        }

        if (CfnTemplate.Bool(key.At("EnableAcceptEncodingBrotli")) == true)
        {
            found.Add("Accept-Encoding brotli");
        }

        return found;
    }

    private static double? Ttl(JsonNode? config, string name) => CfnTemplate.Number(config.At(name));

    private static void Behavior(JsonNode? key, string configName, string behaviorName, string what, List<string> found)
    {
        var behavior = CfnTemplate.Text(key.At(configName, behaviorName));
        if (behavior is not null && !string.Equals(behavior, "none", StringComparison.OrdinalIgnoreCase))
        {
            found.Add($"{what} ({behavior})");
        }
    }
}
