using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;

namespace Astro.Aws.Preview.CloudFront;

/// <summary>A header a response headers policy adds: with <paramref name="Override"/> it replaces the origin's.</summary>
public sealed record PolicyHeader(string Name, string Value, bool Override);

/// <summary>
/// A response headers policy: the headers CloudFront adds to (or removes from) viewer responses. Custom policies are read
/// from the template; of the managed ones only what the Developer Guide states is emulated, and the rest is a warning.
/// </summary>
public sealed record ResponseHeadersPolicy(string Name, IReadOnlyList<PolicyHeader> Headers, IReadOnlyList<PolicyHeader> CorsHeaders, IReadOnlyList<string> Remove, string? Warning)
{
    // Managed IDs from "Use managed response headers policies" (CloudFront Developer Guide).
    public const string SecurityHeadersPolicyId = "67f7725c-6f97-4210-82d7-5512b31e9d03";
    public const string CorsWithPreflightAndSecurityHeadersId = "eaab4381-ed33-4a86-88ca-d9558dc6cd63";
    public const string CorsAndSecurityHeadersId = "e61eb60c-9c35-4d20-a928-2b84e02af89c";
    public const string SimpleCorsId = "60669652-455b-4ae9-85a4-c4c02393f86c";
    public const string CorsWithPreflightId = "5cc3b908-e619-4b99-88e5-2cf7f45965bd";

    // "CloudFront adds X-Content-Type-Options: nosniff to all responses" (SecurityHeadersPolicy); the guide's table of
    // the other security headers' values is not in the stored copy, so they are named in the warning instead.
    private static readonly PolicyHeader NoSniff = new("X-Content-Type-Options", "nosniff", true);
    private static readonly PolicyHeader AnyOrigin = new("Access-Control-Allow-Origin", "*", false);
    private const string SecurityWarning = "the managed SecurityHeadersPolicy's Strict-Transport-Security, X-Frame-Options, Referrer-Policy and X-XSS-Protection values are not emulated (only X-Content-Type-Options: nosniff)";

    public static ResponseHeadersPolicy? Resolve(JsonNode? id, CloudAssembly assembly, string where)
    {
        if (id is null)
        {
            return null;
        }

        if (id is JsonValue managed)
        {
            return (string)managed! switch
            {
                SecurityHeadersPolicyId => new("SecurityHeadersPolicy", [NoSniff], [], [], SecurityWarning),
                CorsWithPreflightAndSecurityHeadersId => new("CORS-with-preflight-and-SecurityHeadersPolicy", [NoSniff], [AnyOrigin], [], SecurityWarning + "; preflight answers carry only Access-Control-Allow-Origin"),
                CorsAndSecurityHeadersId => new("CORS-and-SecurityHeadersPolicy", [NoSniff], [AnyOrigin], [], SecurityWarning),
                SimpleCorsId => new("SimpleCORS", [], [AnyOrigin], [], null),
                CorsWithPreflightId => new("CORS-With-Preflight", [], [AnyOrigin], [], "preflight answers carry only Access-Control-Allow-Origin"),
                var other => throw new PreviewException($"{where}: the managed response headers policy {other} is not known to the preview."),
            };
        }

        var logicalId = (string?)id["Ref"] ?? (string?)id["Fn::GetAtt"]?[0] ?? throw new PreviewException($"{where}: ResponseHeadersPolicyId {id.ToJsonString()} cannot be resolved.");
        var config = assembly.Resource(logicalId)["Properties"]!["ResponseHeadersPolicyConfig"]!;
        var headers = new List<PolicyHeader>();
        foreach (var custom in config["CustomHeadersConfig"]?["Items"] as JsonArray ?? [])
        {
            headers.Add(new((string)custom!["Header"]!, (string)custom["Value"]!, (bool?)custom["Override"] ?? false));
        }

        var security = config["SecurityHeadersConfig"];
        if (security?["ContentTypeOptions"] is { } cto)
        {
            headers.Add(new("X-Content-Type-Options", "nosniff", (bool?)cto["Override"] ?? false));
        }

        if (security?["FrameOptions"] is { } fo)
        {
            headers.Add(new("X-Frame-Options", (string)fo["FrameOption"]!, (bool?)fo["Override"] ?? false));
        }

        if (security?["ReferrerPolicy"] is { } rp)
        {
            headers.Add(new("Referrer-Policy", (string)rp["ReferrerPolicy"]!, (bool?)rp["Override"] ?? false));
        }

        if (security?["ContentSecurityPolicy"] is { } csp)
        {
            headers.Add(new("Content-Security-Policy", (string)csp["ContentSecurityPolicy"]!, (bool?)csp["Override"] ?? false));
        }

        if (security?["StrictTransportSecurity"] is { } sts)
        {
            var value = $"max-age={(int)sts["AccessControlMaxAgeSec"]!}" + ((bool?)sts["IncludeSubdomains"] == true ? "; includeSubDomains" : "") + ((bool?)sts["Preload"] == true ? "; preload" : "");
            headers.Add(new("Strict-Transport-Security", value, (bool?)sts["Override"] ?? false));
        }

        if (security?["XSSProtection"] is { } xss)
        {
            var value = (bool?)xss["Protection"] == true ? "1" + ((bool?)xss["ModeBlock"] == true ? "; mode=block" : "") : "0";
            headers.Add(new("X-XSS-Protection", value, (bool?)xss["Override"] ?? false));
        }

        var cors = new List<PolicyHeader>();
        string? warning = null;
        if (config["CorsConfig"] is { } corsConfig)
        {
            var origins = (corsConfig["AccessControlAllowOrigins"]?["Items"] as JsonArray ?? []).Select(o => (string)o!).ToList();
            var overrides = (bool?)corsConfig["OriginOverride"] ?? false;
            cors.Add(new("Access-Control-Allow-Origin", string.Join(",", origins), overrides));
            if ((bool?)corsConfig["AccessControlAllowCredentials"] == true)
            {
                cors.Add(new("Access-Control-Allow-Credentials", "true", overrides));
            }

            if (corsConfig["AccessControlExposeHeaders"]?["Items"] is JsonArray expose && expose.Count > 0)
            {
                cors.Add(new("Access-Control-Expose-Headers", string.Join(",", expose.Select(e => (string)e!)), overrides));
            }

            warning = "CORS preflight (OPTIONS) answers are not emulated beyond Access-Control-Allow-Origin";
        }

        var remove = (config["RemoveHeadersConfig"]?["Items"] as JsonArray ?? []).Select(r => (string)r!["Header"]!).ToList();
        return new((string?)config["Name"] ?? logicalId, headers, cors, remove, warning);
    }

    /// <summary>Applies the policy to a response's headers.</summary>
    /// <param name="headers">The response headers, changed in place.</param>
    /// <param name="requestOrigin">The viewer's Origin header, if any: CORS headers are added only to CORS requests.</param>
    public void Apply(Dictionary<string, List<string>> headers, string? requestOrigin)
    {
        foreach (var name in Remove)
        {
            headers.Remove(name);
        }

        foreach (var header in Headers.Concat(requestOrigin is null ? [] : CorsHeaders))
        {
            var value = header.Name.Equals("Access-Control-Allow-Origin", StringComparison.OrdinalIgnoreCase) && header.Value != "*" && requestOrigin is not null
                ? (header.Value.Split(',').Contains(requestOrigin, StringComparer.Ordinal) ? requestOrigin : null)
                : header.Value;
            if (value is null)
            {
                continue;
            }

            if (header.Override || !headers.ContainsKey(header.Name))
            {
                headers[header.Name] = [value];
            }
        }
    }
}
