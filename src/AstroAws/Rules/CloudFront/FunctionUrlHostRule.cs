using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.CloudFront;

/// <summary>A function URL answers only its own Host, so CloudFront must not forward the viewer's.</summary>
internal sealed class FunctionUrlHostRule : AwsRule
{
    // Managed origin request policies that forward the viewer's Host header.
    private static readonly HashSet<string> ForwardHost = new(StringComparer.Ordinal)
    {
        "216adef6-5c7f-47e4-b989-5492eafa07d3", // AllViewer
        "33f36d7e-f396-46d9-90e0-52428a34d9dc", // AllViewerAndCloudFrontHeaders-2022-06
    };

    public override string Id => "cloudfront/function-url-host";

    public override string Summary => "A behavior whose origin is a Lambda function URL does not forward the viewer's Host header (use AllViewerExceptHostHeader, not AllViewer), and has no Host in its cache key.";

    public override string Source => "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html (AllViewerExceptHostHeader: \"These origins expect the Host header to contain the origin domain name ... Forwarding the Host header from the viewer request to these origins can prevent them from working\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var behavior in Distributions.Behaviors(template))
        {
            if (Distributions.Origin(behavior.Distribution, behavior.TargetOriginId) is not { } origin || Distributions.FunctionUrlOf(template, origin) is null)
            {
                continue;
            }

            if (CfnTemplate.Text(behavior.Settings["OriginRequestPolicyId"]) is { } managed && IsHostForwardingManaged(managed))
            {
                yield return new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} sends the viewer's Host to a function URL (managed policy {managed}), which refuses it. Use OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.");
            }

            var own = template.Target(behavior.Settings["OriginRequestPolicyId"]);
            if (own?.Type == "AWS::CloudFront::OriginRequestPolicy" && ForwardsHost(own.Property("OriginRequestPolicyConfig", "HeadersConfig")))
            {
                yield return new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} sends the viewer's Host to a function URL (origin request policy {own.LogicalId}), which refuses it. Exclude Host (allExcept [\"host\"]).");
            }

            var cache = template.Target(behavior.Settings["CachePolicyId"]);
            if (cache?.Type == "AWS::CloudFront::CachePolicy" && KeysHost(cache.Property("CachePolicyConfig")))
            {
                yield return new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} puts Host in the cache key of {cache.LogicalId}, so it is forwarded to a function URL, which refuses it.");
            }
        }
    }

    /// <summary>A managed origin request policy that forwards the viewer's Host.</summary>
    public static bool IsHostForwardingManaged(string policyId) => ForwardHost.Contains(policyId);

    /// <summary>Whether an origin request policy's HeadersConfig (template or resolved L1 props) forwards the viewer's Host.</summary>
    public static bool ForwardsHost(JsonNode? headersConfig) => CfnTemplate.Text(headersConfig.At("HeaderBehavior")) switch
    {
        "allViewer" or "allViewerAndWhitelistCloudFront" => true,
        "whitelist" => Names(headersConfig.At("Headers")).Contains("host"),
        "allExcept" => !Names(headersConfig.At("Headers")).Contains("host"),
        _ => false,
    };

    /// <summary>Whether a cache policy's config (template or resolved L1 props) puts Host in its key, which forwards it too.</summary>
    public static bool KeysHost(JsonNode? cachePolicyConfig)
    {
        var headers = cachePolicyConfig.At("ParametersInCacheKeyAndForwardedToOrigin", "HeadersConfig");
        return CfnTemplate.Text(headers.At("HeaderBehavior")) == "whitelist" && Names(headers.At("Headers")).Contains("host");
    }

    private static HashSet<string> Names(JsonNode? headers) => [.. CfnTemplate.Texts(headers).Select(h => h.ToLowerInvariant())];
}
