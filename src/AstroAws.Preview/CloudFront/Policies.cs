using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;

namespace Astro.Aws.Preview.CloudFront;

/// <summary>Which of one kind of viewer values (query strings, cookies or headers) a policy passes on.</summary>
/// <param name="Behavior">CloudFront's behavior name: none, all, whitelist, allExcept, allViewer, allViewerAndWhitelistCloudFront.</param>
/// <param name="Names">The names the behavior lists.</param>
public sealed record ValueSelection(string Behavior, IReadOnlyList<string> Names)
{
    public static readonly ValueSelection None = new("none", []);
    public static readonly ValueSelection All = new("all", []);

    public bool Passes(string name, bool caseInsensitive)
    {
        var comparer = caseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        return Behavior switch
        {
            "none" => false,
            "all" or "allViewer" or "allViewerAndWhitelistCloudFront" => true,
            "whitelist" => Names.Contains(name, comparer),
            "allExcept" => !Names.Contains(name, comparer),
            _ => false,
        };
    }

    public static ValueSelection Read(JsonNode? config, string behaviorKey, string namesKey)
    {
        if (config is null)
        {
            return None;
        }

        var names = (config[namesKey] as JsonArray ?? config[namesKey]?["Items"] as JsonArray ?? []).Select(n => (string)n!).ToList();
        return new ValueSelection((string?)config[behaviorKey] ?? "none", names);
    }
}

/// <summary>A cache policy: its TTLs and the values in the cache key (which CloudFront also forwards to the origin).</summary>
public sealed record CachePolicy(string Name, double MinTtl, double DefaultTtl, double MaxTtl, ValueSelection QueryStrings, ValueSelection Cookies, ValueSelection Headers)
{
    // Managed policy IDs and settings from "Use managed cache policies" (CloudFront Developer Guide).
    public const string CachingDisabledId = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    public const string CachingOptimizedId = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    public static CachePolicy Resolve(JsonNode id, CloudAssembly assembly, string where)
    {
        if (id is JsonValue managed)
        {
            return (string)managed! switch
            {
                CachingDisabledId => new("CachingDisabled", 0, 0, 0, ValueSelection.None, ValueSelection.None, ValueSelection.None),
                CachingOptimizedId => new("CachingOptimized", 1, 86400, 31536000, ValueSelection.None, ValueSelection.None, ValueSelection.None),
                var other => throw new PreviewException($"{where}: the managed cache policy {other} is not known to the preview. Known: CachingDisabled, CachingOptimized."),
            };
        }

        var logicalId = (string?)id["Ref"] ?? (string?)id["Fn::GetAtt"]?[0] ?? throw new PreviewException($"{where}: CachePolicyId {id.ToJsonString()} cannot be resolved.");
        var config = assembly.Resource(logicalId)["Properties"]!["CachePolicyConfig"]!;
        var keys = config["ParametersInCacheKeyAndForwardedToOrigin"];
        return new(
            (string?)config["Name"] ?? logicalId,
            (double?)config["MinTTL"] ?? 0,
            (double?)config["DefaultTTL"] ?? 86400,
            (double?)config["MaxTTL"] ?? 31536000,
            ValueSelection.Read(keys?["QueryStringsConfig"], "QueryStringBehavior", "QueryStrings"),
            ValueSelection.Read(keys?["CookiesConfig"], "CookieBehavior", "Cookies"),
            ValueSelection.Read(keys?["HeadersConfig"], "HeaderBehavior", "Headers"));
    }

    /// <summary>What CloudFront would do with a response to cache it, given the origin's Cache-Control.</summary>
    public string WouldCache(string method, int status, string? cacheControl, double? errorCachingMinTtl)
    {
        if (method is not ("GET" or "HEAD"))
        {
            return "no-cache (method " + method + ")";
        }

        if (errorCachingMinTtl is { } errorTtl)
        {
            return errorTtl > 0 ? $"would-cache ttl={errorTtl} (error response)" : "no-cache (error caching TTL 0)";
        }

        if (status >= 400)
        {
            // Without a custom error response CloudFront caches an error for ErrorCachingMinTTL's default, 10 seconds.
            return "would-cache ttl=10 (error response)";
        }

        if (MaxTtl == 0)
        {
            return $"no-cache ({Name}: max TTL 0)";
        }

        var directives = (cacheControl ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (directives.Any(d => d.Equals("no-store", StringComparison.OrdinalIgnoreCase) || d.Equals("private", StringComparison.OrdinalIgnoreCase) || d.Equals("no-cache", StringComparison.OrdinalIgnoreCase)))
        {
            return MinTtl > 0 ? $"would-cache ttl={MinTtl} (min TTL over {cacheControl})" : $"no-cache (origin: {cacheControl})";
        }

        double? Seconds(string name) => directives
            .Where(d => d.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))
            .Select(d => double.TryParse(d[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : (double?)null)
            .FirstOrDefault();
        var fromOrigin = Seconds("s-maxage") ?? Seconds("max-age");
        var ttl = fromOrigin is { } given ? Math.Clamp(given, MinTtl, MaxTtl) : DefaultTtl;
        return ttl > 0 ? $"would-cache ttl={ttl}" : $"no-cache ({Name}: ttl 0)";
    }
}

/// <summary>An origin request policy: the values CloudFront forwards to the origin beyond the cache key.</summary>
public sealed record OriginRequestPolicy(string Name, ValueSelection QueryStrings, ValueSelection Cookies, ValueSelection Headers)
{
    // Managed policy IDs from "Use managed origin request policies" (CloudFront Developer Guide).
    public const string AllViewerExceptHostHeaderId = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    public const string AllViewerId = "216adef6-5c7f-47e4-b989-5492eafa07d3";
    public const string AllViewerAndCloudFrontHeadersId = "33f36d7e-f396-46d9-90e0-52428a34d9dc";
    public const string UserAgentRefererHeadersId = "acba4595-bd28-49b8-b9fe-13317c0390fa";

    public static OriginRequestPolicy? Resolve(JsonNode? id, CloudAssembly assembly, string where)
    {
        if (id is null)
        {
            return null;
        }

        if (id is JsonValue managed)
        {
            return (string)managed! switch
            {
                AllViewerExceptHostHeaderId => new("AllViewerExceptHostHeader", ValueSelection.All, ValueSelection.All, new("allExcept", ["host"])),
                AllViewerId => new("AllViewer", ValueSelection.All, ValueSelection.All, new("allViewer", [])),
                AllViewerAndCloudFrontHeadersId => new("AllViewerAndCloudFrontHeaders-2022-06", ValueSelection.All, ValueSelection.All, new("allViewer", [])),
                UserAgentRefererHeadersId => new("UserAgentRefererHeaders", ValueSelection.None, ValueSelection.None, new("whitelist", ["user-agent", "referer"])),
                var other => throw new PreviewException($"{where}: the managed origin request policy {other} is not known to the preview."),
            };
        }

        var logicalId = (string?)id["Ref"] ?? (string?)id["Fn::GetAtt"]?[0] ?? throw new PreviewException($"{where}: OriginRequestPolicyId {id.ToJsonString()} cannot be resolved.");
        var config = assembly.Resource(logicalId)["Properties"]!["OriginRequestPolicyConfig"]!;
        return new(
            (string?)config["Name"] ?? logicalId,
            ValueSelection.Read(config["QueryStringsConfig"], "QueryStringBehavior", "QueryStrings"),
            ValueSelection.Read(config["CookiesConfig"], "CookieBehavior", "Cookies"),
            ValueSelection.Read(config["HeadersConfig"], "HeaderBehavior", "Headers"));
    }
}
