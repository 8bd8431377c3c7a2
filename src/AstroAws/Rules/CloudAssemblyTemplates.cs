using System.Text.Json.Nodes;

namespace Astro.Aws.Rules;

/// <summary>
/// The templates of a cloud assembly, found through its manifest (never by listing files): the app's stacks, stacks CDK
/// adds on its own (the us-east-1 stack of Lambda@Edge functions), and the stacks of nested assemblies (stages).
/// </summary>
internal static class CloudAssemblyTemplates
{
    private const string StackType = "aws:cloudformation:stack";
    private const string NestedType = "cdk:cloud-assembly";

    public static IEnumerable<CfnTemplate> Read(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var manifestPath = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new ArgumentException($"'{directory}' holds no manifest.json, so it is not a cloud assembly. Give the folder `cdk synth` wrote (cdk.out), or app.Synth().Directory.", nameof(directory));
        }

        var manifest = AwsRules.Parse(File.ReadAllText(manifestPath));
        foreach (var (id, artifact) in manifest["artifacts"] as JsonObject ?? [])
        {
            var type = (string?)artifact?["type"];
            if (type == StackType && (string?)artifact!["properties"]?["templateFile"] is { } file)
            {
                var name = (string?)artifact["displayName"] ?? id;
                yield return new CfnTemplate(AwsRules.Parse(File.ReadAllText(Path.Combine(directory, file))), name, RegionOf((string?)artifact["environment"]));
            }
            else if (type == NestedType && (string?)artifact!["properties"]?["directoryName"] is { } nested)
            {
                foreach (var template in Read(Path.Combine(directory, nested)))
                {
                    yield return template;
                }
            }
        }
    }

    /// <summary><c>aws://123456789012/eu-west-1</c> gives <c>eu-west-1</c>; an environment-agnostic stack gives null.</summary>
    private static string? RegionOf(string? environment)
    {
        var region = environment?.Split('/').LastOrDefault();
        return string.IsNullOrEmpty(region) || region == "unknown-region" ? null : region;
    }
}
