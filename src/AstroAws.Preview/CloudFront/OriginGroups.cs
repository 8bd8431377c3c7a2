using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;

namespace Astro.Aws.Preview.CloudFront;

/// <summary>
/// An origin group: CloudFront sends the request to <paramref name="Primary"/> and, when that answers one of
/// <paramref name="FailoverCodes"/> or cannot be reached, sends the same request to <paramref name="Secondary"/>.
/// </summary>
public sealed record OriginGroup(string Id, Origin Primary, Origin Secondary, IReadOnlySet<int> FailoverCodes) : Origin(Id, Primary.DomainName)
{
    /// <summary>
    /// The status codes an origin group can fail over on: the CloudFront console offers exactly these, and the
    /// CDK's FailoverStatusCode is a subset of them.
    /// </summary>
    public static readonly IReadOnlySet<int> AllowedCodes = new HashSet<int> { 400, 403, 404, 416, 500, 502, 503, 504 };

    /// <summary>
    /// "CloudFront fails over to the secondary origin only when the HTTP method of the viewer request is GET, HEAD,
    /// or OPTIONS" (Request and response behavior for origin groups).
    /// </summary>
    public static bool MethodFailsOver(string method) => method is "GET" or "HEAD" or "OPTIONS";

    /// <summary>Whether a primary's answer with <paramref name="status"/> to <paramref name="method"/> goes to the secondary.</summary>
    public bool FailsOver(string method, int status) => MethodFailsOver(method) && FailoverCodes.Contains(status);
}

/// <summary>Reads a distribution's <c>OriginGroups</c>, refusing what CloudFront would not accept or the preview cannot serve.</summary>
public static class OriginGroups
{
    /// <summary>
    /// A behavior onto an origin group allows GET, HEAD and OPTIONS at most: CloudFormation accepts more, but the
    /// deploy fails (docs/aws-rules.md <c>cloudfront/allowed-methods</c>).
    /// </summary>
    public static void CheckMethods(string where, Origin target, IReadOnlyList<string> allowedMethods)
    {
        ArgumentNullException.ThrowIfNull(allowedMethods);
        var beyond = allowedMethods.Where(m => !OriginGroup.MethodFailsOver(m)).ToList();
        if (target is OriginGroup group && beyond.Count > 0)
        {
            throw new PreviewException($"{where} allows {string.Join(", ", beyond)} onto the origin group {group.Id}; CloudFront accepts only GET, HEAD and OPTIONS on a behavior whose target is an origin group, so this distribution would not deploy.");
        }
    }

    public static IReadOnlyList<OriginGroup> Read(string distributionId, JsonNode? config, IReadOnlyDictionary<string, Origin> origins)
    {
        var items = config switch
        {
            null => [],
            JsonObject o => o["Items"] as JsonArray ?? [],
            JsonArray a => a,
            _ => throw new PreviewException($"{distributionId}: OriginGroups {config.ToJsonString()} is neither a list nor {{Quantity, Items}}."),
        };

        var groups = new List<OriginGroup>();
        foreach (var node in items)
        {
            var id = (string?)node?["Id"] ?? throw new PreviewException($"{distributionId}: an origin group has no Id.");
            var where = $"{distributionId} origin group {id}";
            if ((string?)node!["SelectionCriteria"] is { } selection && selection != "default")
            {
                throw new PreviewException($"{where} selects origins by {selection}: only the default failover selection is emulated by astroaws preview.");
            }

            var members = (node["Members"]?["Items"] as JsonArray ?? []).Select(m => (string?)m?["OriginId"]).ToList();
            if (members.Count != 2 || members.Any(m => m is null))
            {
                throw new PreviewException($"{where} has {members.Count} member(s); an origin group has exactly two origins, a primary and a secondary.");
            }

            var resolved = members.Select(m => origins.GetValueOrDefault(m!) ?? throw new PreviewException($"{where} names the origin {m}, which the distribution does not have.")).ToList();
            var codes = (node["FailoverCriteria"]?["StatusCodes"]?["Items"] as JsonArray ?? []).Select(c => (int)c!).ToHashSet();
            if (codes.Count == 0)
            {
                throw new PreviewException($"{where} has no failover status codes; CloudFront needs at least one.");
            }

            var unknown = codes.Where(c => !OriginGroup.AllowedCodes.Contains(c)).Order().ToList();
            if (unknown.Count > 0)
            {
                throw new PreviewException($"{where} fails over on {string.Join(", ", unknown)}; CloudFront allows only {string.Join(", ", OriginGroup.AllowedCodes.Order())}.");
            }

            groups.Add(new OriginGroup(id, resolved[0], resolved[1], codes));
        }

        return groups;
    }
}
