using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Astro.Aws.Rules;
using Astro.Aws.Rules.CloudFront;
using Constructs;

namespace Astro.Aws.Parts;

/// <summary>
/// Refuses, when a caller hands it to a behavior of the site, a CloudFront policy that CloudFront itself would refuse
/// at deploy time or that would break the origin: the same rules the template check applies (docs/aws-rules.md), here
/// at construction so the message names the prop. Policies given by ID (managed or imported) are judged by their ID
/// only; values that are still tokens are never judged.
/// </summary>
internal static class CallerPolicies
{
    public static void Check(IAddBehaviorOptions? theirs, string propName, bool originIsFunctionUrl)
    {
        if (theirs is null)
        {
            return;
        }

        if (theirs.CachePolicy is CachePolicy cache && Config(cache, c => ((CfnCachePolicy)c).CachePolicyConfig) is { } cacheConfig)
        {
            var key = CachePolicyKey.ParametersWhenCachingDisabled(cacheConfig);
            if (key.Count > 0)
            {
                throw new ArgumentException(
                    $"{propName}.CachePolicy: received the cache policy '{cache.Node.Path}', whose MinTtl, DefaultTtl and MaxTtl are all 0 (caching disabled) but whose cache key holds {string.Join(", ", key)}. "
                    + $"CloudFront refuses such a policy (\"Invalid request provided: AWS::CloudFront::CachePolicy\") and the stack rolls back. {CachePolicyKey.Fix}.",
                    $"{propName}.CachePolicy");
            }

            if (originIsFunctionUrl && FunctionUrlHostRule.KeysHost(cacheConfig))
            {
                throw HostRefused(propName, "CachePolicy", $"the cache policy '{cache.Node.Path}' puts Host in its cache key, so CloudFront forwards the viewer's Host");
            }
        }

        if (originIsFunctionUrl && theirs.OriginRequestPolicy is { } originRequest)
        {
            if (!Token.IsUnresolved(originRequest.OriginRequestPolicyId) && FunctionUrlHostRule.IsHostForwardingManaged(originRequest.OriginRequestPolicyId))
            {
                throw HostRefused(propName, "OriginRequestPolicy", $"the managed policy {originRequest.OriginRequestPolicyId} forwards the viewer's Host");
            }

            if (originRequest is OriginRequestPolicy own
                && Config(own, c => ((CfnOriginRequestPolicy)c).OriginRequestPolicyConfig) is { } ownConfig
                && FunctionUrlHostRule.ForwardsHost(ownConfig.At("HeadersConfig")))
            {
                throw HostRefused(propName, "OriginRequestPolicy", $"the origin request policy '{own.Node.Path}' forwards the viewer's Host");
            }
        }

        if (theirs.ResponseHeadersPolicy is ResponseHeadersPolicy headers
            && Config(headers, c => ((CfnResponseHeadersPolicy)c).ResponseHeadersPolicyConfig) is { } headersConfig
            && CorsCredentialsRule.WildcardsWithCredentials(headersConfig.At("CorsConfig")).ToList() is { Count: > 0 } wildcards)
        {
            throw new ArgumentException(
                $"{propName}.ResponseHeadersPolicy: received the policy '{headers.Node.Path}', whose CORS settings allow credentials and '*' in {string.Join(" and ", wildcards)}. "
                + "CloudFront refuses it at deploy (\"cannot contain * when allowCredentials is true\"), and browsers ignore such a response anyway. "
                + "List the origins and headers (e.g. AccessControlAllowOrigins = [\"https://www.example.com\"]), or set AccessControlAllowCredentials = false.",
                $"{propName}.ResponseHeadersPolicy");
        }
    }

    private static ArgumentException HostRefused(string propName, string property, string what) => new(
        $"{propName}.{property}: {what} to the server's Lambda function URL, which answers only its own host name, so every server request would fail. "
        + "Keep OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER (the default; the request function passes the viewer's host in x-forwarded-host), or exclude Host from your policy.",
        $"{propName}.{property}");

    /// <summary>The L1 config of a policy construct, resolved to JSON; null when it is not an L1 of this app or still holds tokens at its root.</summary>
    private static JsonNode? Config(IConstruct policy, Func<CfnResource, object?> config) =>
        policy.Node.DefaultChild is CfnResource l1 && config(l1) is { } value
            ? JsonNode.Parse(JsonSerializer.Serialize(Stack.Of(l1).Resolve(value)))
            : null;
}
