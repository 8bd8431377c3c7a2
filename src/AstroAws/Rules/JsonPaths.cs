using System.Text.Json.Nodes;

namespace Astro.Aws.Rules;

/// <summary>
/// Case-insensitive property paths, so one rule reads both a template (<c>MinTTL</c>) and an L1 construct's resolved
/// props, which keep jsii's camelCase (<c>minTtl</c>).
/// </summary>
internal static class JsonPaths
{
    public static JsonNode? At(this JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            if (node is not JsonObject o)
            {
                return null;
            }

            node = o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        }

        return node;
    }
}
