using System.Globalization;
using System.Text.Json.Nodes;

namespace Astro.Aws.Tests.Support;

/// <summary>Changes one string of a build's metadata.json, for tests that need a build the adapter was not asked for.</summary>
internal static class MetadataEdits
{
    /// <summary>
    /// Sets <c>{section}.{key}</c> (e.g. <c>args.mode</c>) to <paramref name="value"/>. The file is flatted JSON: an array
    /// whose strings that are digits point at other entries, so the value's own entry is the one replaced.
    /// </summary>
    public static void Set(string dist, string section, string key, string value)
    {
        var path = Path.Combine(dist, "metadata.json");
        var entries = (JsonArray)JsonNode.Parse(File.ReadAllText(path))!;
        var parent = (JsonObject)entries[Index(entries[0]![section]!)]!;
        entries[Index(parent[key]!)] = value;
        File.WriteAllText(path, entries.ToJsonString());
    }

    /// <summary>Sets the string at a deeper path (e.g. <c>config.image.service.entrypoint</c>), each key dereferenced as in <see cref="Set"/>.</summary>
    public static void SetAt(string dist, string value, params string[] path)
    {
        var file = Path.Combine(dist, "metadata.json");
        var entries = (JsonArray)JsonNode.Parse(File.ReadAllText(file))!;
        var parent = (JsonObject)entries[0]!;
        foreach (var key in path[..^1])
        {
            parent = (JsonObject)entries[Index(parent[key]!)]!;
        }

        entries[Index(parent[path[^1]]!)] = value;
        File.WriteAllText(file, entries.ToJsonString());
    }

    private static int Index(JsonNode reference) => int.Parse((string)reference!, CultureInfo.InvariantCulture);
}
