using System.Collections;
using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace Astro.Aws.Parts;

/// <summary>
/// Checks CloudFormation accepts but a deploy rejects, on the distribution as it will be synthesized: a behavior that
/// allows more than GET, HEAD and OPTIONS onto an origin group, failover status codes CloudFront does not fail over on,
/// and an origin domain name that is a URL (scheme, path or port).
/// </summary>
/// <remarks>
/// aws-cdk-lib 2.160's C# origin classes do not expose their props, so the checks read the rendered
/// <c>DistributionConfig</c>. They run as a construct validation, during synthesis, and not right after the distribution
/// is created: its origin and behavior lists are cached <c>Lazy.any</c> values, and resolving them early would freeze
/// them, silently dropping every behavior added later with <see cref="Distribution.AddBehavior"/> (and a cross-stack
/// reference cannot be resolved before <c>prepare</c>). Values that are still tokens after resolution (CloudFormation
/// functions such as a function URL's domain) are never checked.
/// </remarks>
internal static class DistributionChecks
{
    /// <summary>The status codes CloudFront can fail over on.</summary>
    public static readonly IReadOnlyList<int> FailoverStatusCodes = [400, 403, 404, 416, 500, 502, 503, 504];

    private const string PropName = "AstroAwsCdkProps.CloudfrontDistribution.AdditionalBehaviors";

    private static readonly HashSet<string> OriginGroupMethods = new(StringComparer.Ordinal) { "GET", "HEAD", "OPTIONS" };

    /// <summary>Adds the checks to <paramref name="distribution"/> and returns it.</summary>
    /// <param name="distribution">The site's distribution.</param>
    /// <param name="userBehaviors">The caller's <c>AdditionalBehaviors</c>, whose patterns the messages name as props.</param>
    public static Distribution Attach(Distribution distribution, IDictionary<string, IBehaviorOptions>? userBehaviors)
    {
        var userPatterns = (userBehaviors?.Keys ?? []).ToHashSet(StringComparer.Ordinal);
        distribution.Node.AddValidation(new RenderedConfigValidation(distribution, userPatterns));
        return distribution;
    }

    /// <summary>The problems in a resolved <c>DistributionConfig</c>, one message each (empty when it is fine).</summary>
    /// <param name="config">The resolved config: dictionaries, lists, strings and numbers.</param>
    /// <param name="userPatterns">Patterns that came from <c>AstroAwsCdkProps.CloudfrontDistribution.AdditionalBehaviors</c>.</param>
    public static IReadOnlyList<string> Find(object? config, IReadOnlySet<string> userPatterns)
    {
        if (config is not IDictionary root)
        {
            return [];
        }

        var behaviors = List(root["cacheBehaviors"]).OfType<IDictionary>()
            .Select(b => (Pattern: b["pathPattern"] as string ?? "?", Target: b["targetOriginId"] as string, Methods: b["allowedMethods"]))
            .ToList();
        if (root["defaultCacheBehavior"] is IDictionary defaultBehavior)
        {
            behaviors.Add(("*", defaultBehavior["targetOriginId"] as string, defaultBehavior["allowedMethods"]));
        }

        var groups = List((root["originGroups"] as IDictionary)?["items"]).OfType<IDictionary>()
            .Where(g => g["id"] is string)
            .ToDictionary(g => (string)g["id"]!, StringComparer.Ordinal);
        var problems = new List<string>();

        foreach (var (pattern, target, methods) in behaviors)
        {
            if (target is null || !groups.ContainsKey(target) || !AllStrings(methods, out var names))
            {
                continue;
            }

            var beyond = names.Where(m => !OriginGroupMethods.Contains(m)).ToList();
            if (beyond.Count > 0)
            {
                problems.Add(
                    $"{Name(pattern, userPatterns)}.AllowedMethods: received {string.Join(", ", names)}{(beyond.Count == 4 ? " (ALLOW_ALL)" : string.Empty)} on an OriginGroup, "
                    + $"but CloudFront sends only GET, HEAD and OPTIONS to an origin group (allowing {string.Join(", ", beyond)} fails the deploy). "
                    + "Use AllowedMethods.ALLOW_GET_HEAD_OPTIONS, or point the behavior at a single origin instead of the OriginGroup.");
            }
        }

        foreach (var (id, group) in groups)
        {
            var codes = List(((group["failoverCriteria"] as IDictionary)?["statusCodes"] as IDictionary)?["items"]);
            var refused = codes.Where(c => IsNumber(c, out var code) && !FailoverStatusCodes.Contains(code)).Select(c => Convert.ToString(c, CultureInfo.InvariantCulture)).ToList();
            if (refused.Count > 0)
            {
                problems.Add(
                    $"{Name(PatternOf(id, behaviors), userPatterns)}.Origin: its OriginGroup's FallbackStatusCodes received {string.Join(", ", refused)}, "
                    + $"but CloudFront fails over only on the errors {string.Join(", ", FailoverStatusCodes)}, so the deploy would fail. "
                    + "Use error codes only, e.g. FallbackStatusCodes = [500, 502, 503, 504] (the default when unset).");
            }
        }

        foreach (var origin in List(root["origins"]).OfType<IDictionary>())
        {
            if (origin["domainName"] is not string domain || origin["id"] is not string id || IsHostName(domain))
            {
                continue;
            }

            var groupIds = groups.Where(g => List((g.Value["members"] as IDictionary)?["items"]).OfType<IDictionary>().Any(m => Equals(m["originId"], id))).Select(g => g.Key);
            var pattern = PatternOf(id, behaviors) ?? groupIds.Select(g => PatternOf(g, behaviors)).FirstOrDefault(p => p is not null);
            problems.Add(
                $"{Name(pattern, userPatterns)}.Origin: received the domain name '{domain}', but an origin takes a host name only (no scheme, path, port or spaces), so the deploy would fail. "
                + $"Use {Suggest(domain)}.");
        }

        return problems;
    }

    private static string Name(string? pattern, IReadOnlySet<string> userPatterns) => pattern switch
    {
        null => "AstroAws.Distribution (an origin no behavior uses)",
        _ when userPatterns.Contains(pattern) => $"{PropName}[\"{pattern}\"]",
        "*" => "AstroAws.Distribution's default behavior",
        _ => $"AstroAws.Distribution behavior \"{pattern}\" (added with Distribution.AddBehavior)",
    };

    private static string? PatternOf(string targetId, List<(string Pattern, string? Target, object? Methods)> behaviors) =>
        behaviors.Where(b => b.Target == targetId).Select(b => b.Pattern).FirstOrDefault();

    private static bool IsHostName(string domain) =>
        domain.Length > 0 && !domain.Any(c => c is '/' or ':' or '?' or '#' or '@' || char.IsWhiteSpace(c));

    /// <summary>The <c>HttpOrigin</c> a URL-shaped domain most likely meant.</summary>
    private static string Suggest(string domain)
    {
        if (!Uri.TryCreate(domain.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return "the bare host name, e.g. new HttpOrigin(\"example.com\")";
        }

        var settings = new List<string>();
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.Length > 0)
        {
            settings.Add($"OriginPath = \"{path}\"");
        }

        if (!uri.IsDefaultPort)
        {
            settings.Add(uri.Scheme == Uri.UriSchemeHttp ? $"HttpPort = {uri.Port}" : $"HttpsPort = {uri.Port}");
        }

        if (uri.Scheme == Uri.UriSchemeHttp)
        {
            settings.Add("ProtocolPolicy = OriginProtocolPolicy.HTTP_ONLY");
        }

        return settings.Count == 0
            ? $"new HttpOrigin(\"{uri.Host}\")"
            : $"new HttpOrigin(\"{uri.Host}\", new HttpOriginProps {{ {string.Join(", ", settings)} }})";
    }

    private static IEnumerable<object?> List(object? value) => value is IEnumerable items and not string ? items.Cast<object?>() : [];

    private static bool AllStrings(object? value, out List<string> strings)
    {
        var items = List(value).ToList();
        strings = items.OfType<string>().ToList();
        return items.Count > 0 && strings.Count == items.Count;
    }

    private static bool IsNumber(object? value, out int number)
    {
        number = 0;
        if (value is not (double or int or long or float or decimal))
        {
            return false;
        }

        var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        number = d % 1 == 0 && d is >= int.MinValue and <= int.MaxValue ? (int)d : int.MinValue;
        return true;
    }

    /// <summary>Runs <see cref="Find"/> on the rendered config when the app synthesizes.</summary>
    private sealed class RenderedConfigValidation(Distribution distribution, IReadOnlySet<string> userPatterns) : DeputyBase, IValidation
    {
        public string[] Validate()
        {
            var config = Amazon.CDK.Stack.Of(distribution).Resolve(((CfnDistribution)distribution.Node.DefaultChild!).DistributionConfig);
            return [.. Find(config, userPatterns)];
        }
    }
}
