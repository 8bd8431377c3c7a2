using System.Globalization;
using System.Text.Json.Nodes;

namespace Astro.Aws.Rules;

/// <summary>
/// A synthesized CloudFormation template, read for the rules: its resources, and what their properties refer to.
/// Values that CloudFormation computes at deploy time (Ref, Fn::GetAtt, Fn::Join, ...) are intrinsics: a rule checks a
/// literal, and follows an intrinsic only to the resource it names.
/// </summary>
internal sealed class CfnTemplate
{
    private readonly Dictionary<string, CfnResourceView> resources;

    public CfnTemplate(JsonObject root, string name, string? region)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = root;
        Name = name;
        Region = region;
        resources = (root["Resources"] as JsonObject ?? [])
            .Where(r => r.Value is JsonObject)
            .ToDictionary(r => r.Key, r => new CfnResourceView(r.Key, (JsonObject)r.Value!), StringComparer.Ordinal);
    }

    public JsonObject Root { get; }

    /// <summary>The stack name or file the template came from, for messages.</summary>
    public string Name { get; }

    /// <summary>The stack's region when it is known at synthesis (an environment-specific stack); null otherwise.</summary>
    public string? Region { get; }

    public IEnumerable<CfnResourceView> Resources => resources.Values;

    public IEnumerable<CfnResourceView> OfType(string type) => resources.Values.Where(r => r.Type == type);

    public CfnResourceView? Get(string? logicalId) => logicalId is not null && resources.TryGetValue(logicalId, out var resource) ? resource : null;

    /// <summary>The resource a value points at with Ref or Fn::GetAtt, if it is one of this template's.</summary>
    public CfnResourceView? Target(JsonNode? value) => Get(ReferencedId(value));

    /// <summary>The logical ID of <c>{"Ref": id}</c> or <c>{"Fn::GetAtt": [id, attr]}</c>; null for anything else.</summary>
    public static string? ReferencedId(JsonNode? value) => value switch
    {
        JsonObject o when o.Count == 1 && o["Ref"] is JsonValue r && r.TryGetValue<string>(out var id) => id,
        JsonObject o when o.Count == 1 && o["Fn::GetAtt"] is JsonArray a && a.Count == 2 => (string?)a[0],
        JsonObject o when o.Count == 1 && o["Fn::GetAtt"] is JsonValue v && v.TryGetValue<string>(out var dotted) => dotted.Split('.')[0],
        _ => null,
    };

    /// <summary>Every logical ID a value refers to, at any depth (Ref, Fn::GetAtt, and ${...} in Fn::Sub).</summary>
    public static IEnumerable<string> ReferencedIds(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject o:
                if (ReferencedId(o) is { } id)
                {
                    yield return id;
                    yield break;
                }

                if (o["Fn::Sub"] is { } sub)
                {
                    var text = sub is JsonArray a ? (string?)a[0] : (string?)sub;
                    foreach (var name in SubstitutedNames(text))
                    {
                        yield return name;
                    }
                }

                foreach (var child in o.Select(p => p.Value))
                {
                    foreach (var nested in ReferencedIds(child))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray a:
                foreach (var nested in a.SelectMany(ReferencedIds))
                {
                    yield return nested;
                }

                break;
        }
    }

    /// <summary>A literal string (or a number or boolean written as one); null for an intrinsic or a missing value.</summary>
    public static string? Text(JsonNode? value) => value is JsonValue v
        ? v.TryGetValue<string>(out var s) ? s
        : v.TryGetValue<double>(out var d) ? d.ToString(CultureInfo.InvariantCulture)
        : v.TryGetValue<bool>(out var b) ? (b ? "true" : "false")
        : null
        : null;

    /// <summary>A literal number, also one written as a string; null otherwise.</summary>
    public static double? Number(JsonNode? value) =>
        Text(value) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A literal boolean, also one written as a string; null otherwise.</summary>
    public static bool? Bool(JsonNode? value) => Text(value) switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>The literal strings of a list; intrinsic items are left out.</summary>
    public static IReadOnlyList<string> Texts(JsonNode? value) =>
        value is JsonArray a ? [.. a.Select(Text).OfType<string>()] : [];

    /// <summary>True when the value is, or is joined from, a reference to the pseudo parameter (e.g. AWS::Region).</summary>
    public static bool Mentions(JsonNode? value, string pseudoParameter) => value switch
    {
        JsonObject o when o.Count == 1 && (string?)(o["Ref"] as JsonValue) == pseudoParameter => true,
        JsonObject o => o.Any(p => Mentions(p.Value, pseudoParameter)) || (o["Fn::Sub"] is { } sub && SubText(sub).Contains("${" + pseudoParameter + "}", StringComparison.Ordinal)),
        JsonArray a => a.Any(item => Mentions(item, pseudoParameter)),
        _ => false,
    };

    /// <summary>
    /// The literal text of a value with every intrinsic part replaced by <paramref name="placeholder"/>: a string, or a
    /// Fn::Join of strings and intrinsics. Null for anything else.
    /// </summary>
    public static string? Flatten(JsonNode? value, string placeholder)
    {
        if (Text(value) is { } text)
        {
            return text;
        }

        if (value is JsonObject o && o.Count == 1 && o["Fn::Join"] is JsonArray join && join.Count == 2 && join[1] is JsonArray parts)
        {
            var separator = Text(join[0]) ?? string.Empty;
            return string.Join(separator, parts.Select(p => Text(p) ?? placeholder));
        }

        return value is JsonObject ? placeholder : null;
    }

    private static string SubText(JsonNode sub) => (sub is JsonArray a ? (string?)a[0] : (string?)sub) ?? string.Empty;

    private static IEnumerable<string> SubstitutedNames(string? text)
    {
        for (var start = text?.IndexOf("${", StringComparison.Ordinal) ?? -1; start >= 0; start = text!.IndexOf("${", start + 2, StringComparison.Ordinal))
        {
            var end = text!.IndexOf('}', start);
            if (end < 0)
            {
                yield break;
            }

            var name = text[(start + 2)..end].Split('.')[0];
            if (!name.StartsWith("AWS::", StringComparison.Ordinal) && !name.StartsWith('!'))
            {
                yield return name;
            }
        }
    }
}

/// <summary>One resource of a template.</summary>
internal sealed class CfnResourceView(string logicalId, JsonObject raw)
{
    public string LogicalId { get; } = logicalId;

    public string Type { get; } = (string?)raw["Type"] ?? string.Empty;

    public JsonObject Raw { get; } = raw;

    public JsonObject Properties { get; } = raw["Properties"] as JsonObject ?? [];

    /// <summary>The logical IDs in DependsOn (a string or a list).</summary>
    public IReadOnlyList<string> DependsOn => Raw["DependsOn"] switch
    {
        JsonArray a => [.. a.Select(x => (string?)x).OfType<string>()],
        JsonValue v when v.TryGetValue<string>(out var one) => [one],
        _ => [],
    };

    public string? DeletionPolicy => (string?)Raw["DeletionPolicy"];

    public string? UpdateReplacePolicy => (string?)Raw["UpdateReplacePolicy"];

    /// <summary>A property by path, e.g. <c>Property("DistributionConfig", "Origins")</c>.</summary>
    public JsonNode? Property(params string[] path)
    {
        JsonNode? node = Properties;
        foreach (var part in path)
        {
            node = (node as JsonObject)?[part];
        }

        return node;
    }
}
