using System.Text.Json.Nodes;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// A copy of a synthesized assembly whose stack template is changed on purpose (the manifests copied, the staged assets
/// linked, not copied): a distribution the constructs would never write, as a user's escape hatch or another tool might.
/// </summary>
internal static class PlantedAssembly
{
    /// <summary>A copy whose distribution's DistributionConfig is changed.</summary>
    public static string Copy(string assembly, string stack, string target, Action<JsonObject> changeDistributionConfig) =>
        CopyTemplate(assembly, stack, target, template =>
        {
            var distribution = template["Resources"]!.AsObject().Single(r => (string?)r.Value!["Type"] == "AWS::CloudFront::Distribution").Value!;
            changeDistributionConfig(distribution["Properties"]!["DistributionConfig"]!.AsObject());
        });

    /// <summary>The same copy, with the whole template given to change (a function's code or Timeout, say).</summary>
    public static string CopyTemplate(string assembly, string stack, string target, Action<JsonObject> changeTemplate)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in Directory.EnumerateFileSystemEntries(assembly))
        {
            var name = Path.GetFileName(entry);
            var to = Path.Combine(target, name);
            if (File.Exists(entry) && name.EndsWith(".json", StringComparison.Ordinal))
            {
                File.Copy(entry, to);
            }
            else
            {
                if (Directory.Exists(entry))
                {
                    Directory.CreateSymbolicLink(to, entry);
                }
                else
                {
                    File.CreateSymbolicLink(to, entry);
                }
            }
        }

        var templateFile = Path.Combine(target, stack + ".template.json");
        var template = JsonNode.Parse(File.ReadAllText(templateFile))!.AsObject();
        changeTemplate(template);
        File.WriteAllText(templateFile, template.ToJsonString());
        return target;
    }
}
