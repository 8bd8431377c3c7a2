using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;

namespace Astro.Aws.Preview.CloudFront;

/// <summary>A header a response headers policy adds: with <paramref name="Override"/> it replaces the origin's.</summary>
public sealed record PolicyHeader(string Name, string Value, bool Override);

/// <summary>
/// A response headers policy: the headers CloudFront adds to (or removes from) viewer responses. Custom policies are read
/// from the template, the managed ones are <see cref="ManagedResponseHeadersPolicies"/>. <paramref name="CorsHeaders"/>
/// go on every CORS request (one with Origin), <paramref name="PreflightHeaders"/> only on a CORS preflight.
/// </summary>
public sealed record ResponseHeadersPolicy(string Name, IReadOnlyList<PolicyHeader> Headers, IReadOnlyList<PolicyHeader> CorsHeaders, IReadOnlyList<PolicyHeader> PreflightHeaders, IReadOnlyList<string> Remove, string? Warning)
{
    // "ALL is a special value that includes all of the listed HTTP methods" (ResponseHeadersPolicyAccessControlAllowMethods).
    private static readonly string[] AllMethods = ["GET", "DELETE", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

    public static ResponseHeadersPolicy? Resolve(JsonNode? id, CloudAssembly assembly, string where)
    {
        if (id is null)
        {
            return null;
        }

        if (id is JsonValue managed)
        {
            return ManagedResponseHeadersPolicies.Find((string)managed!)
                ?? throw new PreviewException($"{where}: the managed response headers policy {(string)managed!} is not known to the preview.");
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
        var preflight = new List<PolicyHeader>();
        if (config["CorsConfig"] is { } corsConfig)
        {
            var origins = Items(corsConfig["AccessControlAllowOrigins"]);
            var overrides = (bool?)corsConfig["OriginOverride"] ?? false;
            cors.Add(new("Access-Control-Allow-Origin", string.Join(",", origins), overrides));
            if ((bool?)corsConfig["AccessControlAllowCredentials"] == true)
            {
                cors.Add(new("Access-Control-Allow-Credentials", "true", overrides));
            }

            if (Items(corsConfig["AccessControlExposeHeaders"]) is { Count: > 0 } expose)
            {
                cors.Add(new("Access-Control-Expose-Headers", string.Join(",", expose), overrides));
            }

            // Allow-Methods, Allow-Headers and Max-Age are "in responses to CORS preflight requests" only
            // (Understand response headers policies, CORS headers).
            var methods = Items(corsConfig["AccessControlAllowMethods"]);
            if (methods.Count > 0)
            {
                preflight.Add(new("Access-Control-Allow-Methods", string.Join(", ", methods.Contains("ALL") ? AllMethods : methods), overrides));
            }

            if (Items(corsConfig["AccessControlAllowHeaders"]) is { Count: > 0 } allowHeaders)
            {
                preflight.Add(new("Access-Control-Allow-Headers", string.Join(", ", allowHeaders), overrides));
            }

            if ((int?)corsConfig["AccessControlMaxAgeSec"] is { } maxAge)
            {
                preflight.Add(new("Access-Control-Max-Age", maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture), overrides));
            }
        }

        var remove = (config["RemoveHeadersConfig"]?["Items"] as JsonArray ?? []).Select(r => (string)r!["Header"]!).ToList();
        return new((string?)config["Name"] ?? logicalId, headers, cors, preflight, remove, null);
    }

    /// <summary>Applies the policy to a response's headers.</summary>
    /// <param name="headers">The response headers, changed in place.</param>
    /// <param name="requestOrigin">The viewer's Origin header, if any: CORS headers are added only to CORS requests.</param>
    /// <param name="preflight">Whether the request is a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method).</param>
    public void Apply(Dictionary<string, List<string>> headers, string? requestOrigin, bool preflight = false)
    {
        foreach (var name in Remove)
        {
            headers.Remove(name);
        }

        var cors = requestOrigin is null ? [] : preflight ? CorsHeaders.Concat(PreflightHeaders) : CorsHeaders;
        foreach (var header in Headers.Concat(cors))
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

    /// <summary>Whether a request is a CORS preflight: an OPTIONS request with Origin and Access-Control-Request-Method (Fetch standard, CORS protocol).</summary>
    public static bool IsPreflight(string method, string? origin, string? requestMethod) =>
        method == "OPTIONS" && origin is not null && requestMethod is not null;

    private static List<string> Items(JsonNode? list) => (list?["Items"] as JsonArray ?? []).Select(i => (string)i!).ToList();
}
