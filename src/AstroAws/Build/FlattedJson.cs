using System.Text.Json.Nodes;

namespace Astro.Aws.Build;

/// <summary>
/// Decodes the <c>flatted</c> encoding the adapter uses for <c>metadata.json</c>: one JSON array whose entry 0 is the
/// root, where every string inside an object or array is the index of another entry and real strings are entries of
/// their own. Only strings are references; numbers, booleans and null are inline.
/// </summary>
internal static class FlattedJson
{
    /// <summary>Resolves the value at <paramref name="path"/> (object keys) from the root entry, or null when absent.</summary>
    public static JsonNode? Resolve(JsonArray entries, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            throw new FormatException("the flatted array is empty; entry 0 must be the root object");
        }

        var current = entries[0];
        foreach (var key in path)
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(key, out var child))
            {
                return null;
            }

            current = Dereference(entries, child);
        }

        return current;
    }

    /// <summary>Reads a string at <paramref name="path"/>, dereferencing the flatted index.</summary>
    public static string? ResolveString(JsonArray entries, params string[] path) =>
        Resolve(entries, path) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Reads the strings of an array at <paramref name="path"/>.</summary>
    public static IReadOnlyList<string> ResolveStrings(JsonArray entries, params string[] path)
    {
        if (Resolve(entries, path) is not JsonArray array)
        {
            return [];
        }

        return [.. array.Select(item => Dereference(entries, item))
            .OfType<JsonValue>()
            .Select(value => value.TryGetValue<string>(out var text) ? text : null)
            .OfType<string>()];
    }

    // A string inside a container is the index of the entry that holds the real value; anything else is inline.
    private static JsonNode? Dereference(JsonArray entries, JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var reference))
        {
            if (!int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                || index < 0 || index >= entries.Count)
            {
                throw new FormatException($"'{reference}' is not a valid flatted reference (the array has {entries.Count} entries)");
            }

            return entries[index];
        }

        return node;
    }
}
