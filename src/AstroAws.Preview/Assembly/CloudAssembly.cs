using System.Text.Json.Nodes;

namespace Astro.Aws.Preview.Assembly;

/// <summary>A file or folder CDK staged in the cloud assembly for one asset hash.</summary>
/// <param name="Hash">The asset's hash (its S3 object key without extension).</param>
/// <param name="Path">The staged file or folder.</param>
/// <param name="Packaging"><c>zip</c> (a folder CDK zips on publish) or <c>file</c> (published as it is).</param>
public sealed record StagedAsset(string Hash, string Path, string Packaging)
{
    public bool IsFolder => Directory.Exists(Path);
}

/// <summary>One stack of a cloud assembly, read once: its template and the assets it refers to by S3 object key.</summary>
public sealed class CloudAssembly
{
    private readonly Dictionary<string, StagedAsset> assetsByObjectKey;

    private CloudAssembly(string directory, string stackName, JsonObject template, Dictionary<string, StagedAsset> assetsByObjectKey, string? region)
    {
        Directory = directory;
        StackName = stackName;
        Template = template;
        this.assetsByObjectKey = assetsByObjectKey;
        Region = region ?? "us-east-1";
        Resources = template["Resources"]?.AsObject() ?? throw new PreviewException($"{stackName}'s template has no Resources.");
    }

    public string Directory { get; }

    public string StackName { get; }

    public JsonObject Template { get; }

    public JsonObject Resources { get; }

    /// <summary>The stack's region (from its environment), used where a template names one.</summary>
    public string Region { get; }

    public IEnumerable<(string LogicalId, JsonObject Resource)> ResourcesOfType(string type) =>
        Resources.Where(r => (string?)r.Value?["Type"] == type).Select(r => (r.Key, r.Value!.AsObject()));

    public JsonObject Resource(string logicalId) =>
        Resources[logicalId]?.AsObject() ?? throw new PreviewException($"{StackName} refers to a resource '{logicalId}' its template does not have.");

    /// <summary>The staged asset published under <paramref name="objectKey"/> (e.g. <c>&lt;hash&gt;.zip</c>).</summary>
    public StagedAsset Asset(string objectKey) =>
        assetsByObjectKey.TryGetValue(objectKey, out var asset)
            ? asset
            : throw new PreviewException($"{StackName} refers to the asset object '{objectKey}', which {StackName}.assets.json does not stage.");

    /// <summary>The artifact IDs of the assembly's stacks (CDK's EdgeFunction puts a support stack beside the site's).</summary>
    public static IReadOnlyList<string> StackNames(string directory)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(directory, "manifest.json")))!.AsObject();
        return [.. (manifest["artifacts"]?.AsObject() ?? []).Where(a => (string?)a.Value?["type"] == "aws:cloudformation:stack").Select(a => a.Key)];
    }

    /// <summary>Reads <c>manifest.json</c>, the stack's template and its <c>*.assets.json</c>.</summary>
    public static CloudAssembly Read(string directory, string stackName)
    {
        directory = System.IO.Path.GetFullPath(directory);
        var manifestPath = System.IO.Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new PreviewException($"{directory} is no cloud assembly (no manifest.json). Run `cdk synth` (or scripts/synth.sh) first.");
        }

        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        var artifacts = manifest["artifacts"]?.AsObject() ?? [];
        var stack = artifacts[stackName]?.AsObject();
        if (stack is null || (string?)stack["type"] != "aws:cloudformation:stack")
        {
            var stacks = artifacts.Where(a => (string?)a.Value?["type"] == "aws:cloudformation:stack").Select(a => a.Key);
            throw new PreviewException($"The assembly in {directory} has no stack '{stackName}'. Its stacks: {string.Join(", ", stacks)}.");
        }

        var templateFile = (string)stack["properties"]!["templateFile"]!;
        var template = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(directory, templateFile)))!.AsObject();
        var region = ((string?)stack["environment"])?.Split('/').LastOrDefault();

        var assets = new Dictionary<string, StagedAsset>(StringComparer.Ordinal);
        foreach (var dependency in stack["dependencies"]?.AsArray() ?? [])
        {
            var artifact = artifacts[(string)dependency!]?.AsObject();
            if ((string?)artifact?["type"] != "cdk:asset-manifest")
            {
                continue;
            }

            var file = (string)artifact!["properties"]!["file"]!;
            var assetManifest = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(directory, file)))!.AsObject();
            foreach (var (hash, entry) in assetManifest["files"]?.AsObject() ?? [])
            {
                var source = entry!["source"]!;
                var staged = new StagedAsset(hash, System.IO.Path.Combine(directory, (string)source["path"]!), (string?)source["packaging"] ?? "file");
                foreach (var (_, destination) in entry["destinations"]?.AsObject() ?? [])
                {
                    assets[(string)destination!["objectKey"]!] = staged;
                }
            }
        }

        return new CloudAssembly(directory, stackName, template, assets, region is "unknown-region" ? null : region);
    }
}
