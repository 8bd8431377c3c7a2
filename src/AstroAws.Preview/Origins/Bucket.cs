using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Astro.Aws.Preview.Assembly;
using Microsoft.AspNetCore.StaticFiles;

namespace Astro.Aws.Preview.Origins;

/// <summary>An object as a BucketDeployment would leave it in the bucket: where its bytes are staged and its metadata.</summary>
public sealed record BucketObject(string Key, Func<byte[]> Read, IReadOnlyDictionary<string, string> Metadata, string Deployment);

/// <summary>
/// The contents of one bucket after every <c>Custom::CDKBucketDeployment</c> that targets it has run: each deployment's
/// staged sources (folders, or zip files read as zips) filtered by its Exclude/Include as <c>aws s3 sync</c> does, with
/// its system metadata; a later deployment (by DependsOn) overwrites an earlier one's objects.
/// </summary>
public sealed class Bucket
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly Dictionary<string, BucketObject> objects = new(StringComparer.Ordinal);

    private Bucket(string logicalId) => LogicalId = logicalId;

    public string LogicalId { get; }

    public int Count => objects.Count;

    public BucketObject? Get(string key) => objects.GetValueOrDefault(key);

    public static Bucket Read(CloudAssembly assembly, string bucketId)
    {
        var intrinsics = new Intrinsics(assembly);
        var bucket = new Bucket(bucketId);
        var deployments = assembly.ResourcesOfType("Custom::CDKBucketDeployment")
            .Where(d => intrinsics.String(d.Resource["Properties"]!["DestinationBucketName"], d.LogicalId) == bucketId)
            .ToList();
        foreach (var (logicalId, resource) in InDependencyOrder(deployments))
        {
            bucket.Deploy(assembly, intrinsics, logicalId, resource);
        }

        return bucket;
    }

    // CloudFormation runs a resource after those it DependsOn; among the rest the template's order is kept.
    private static List<(string LogicalId, JsonObject Resource)> InDependencyOrder(List<(string LogicalId, JsonObject Resource)> deployments)
    {
        var ids = deployments.Select(d => d.LogicalId).ToHashSet(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<(string, JsonObject)>();
        void Visit((string LogicalId, JsonObject Resource) d, int depth)
        {
            if (done.Contains(d.LogicalId) || depth > deployments.Count)
            {
                return;
            }

            foreach (var dep in (d.Resource["DependsOn"] as JsonArray ?? []).Select(x => (string)x!).Where(ids.Contains))
            {
                Visit(deployments.First(x => x.LogicalId == dep), depth + 1);
            }

            done.Add(d.LogicalId);
            ordered.Add(d);
        }

        foreach (var d in deployments)
        {
            Visit(d, 0);
        }

        return ordered;
    }

    private void Deploy(CloudAssembly assembly, Intrinsics intrinsics, string logicalId, JsonObject resource)
    {
        var properties = resource["Properties"]!;
        var prefix = properties["DestinationBucketKeyPrefix"] is { } p ? intrinsics.String(p, logicalId).TrimEnd('/') + "/" : string.Empty;
        if (prefix == "/")
        {
            prefix = string.Empty;
        }

        // BucketDeployment passes every --exclude before every --include; with aws s3 sync the last matching filter wins.
        var filters = (properties["Exclude"] as JsonArray ?? []).Select(f => (Include: false, Pattern: SyncPattern((string)f!)))
            .Concat((properties["Include"] as JsonArray ?? []).Select(f => (Include: true, Pattern: SyncPattern((string)f!))))
            .ToList();
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in properties["SystemMetadata"] as JsonObject ?? [])
        {
            metadata[name] = intrinsics.String(value, logicalId);
        }

        foreach (var (name, value) in properties["UserMetadata"] as JsonObject ?? [])
        {
            metadata["x-amz-meta-" + name] = intrinsics.String(value, logicalId);
        }

        if (properties["SourceMarkers"] is JsonArray { Count: > 0 } markers && markers.Any(m => m is JsonObject { Count: > 0 }))
        {
            throw new PreviewException($"{logicalId} uses deploy-time values (Source.data / Source.jsonData markers): not emulated by astroaws preview.");
        }

        foreach (var keyNode in properties["SourceObjectKeys"] as JsonArray ?? [])
        {
            var asset = assembly.Asset(intrinsics.String(keyNode, logicalId));
            foreach (var (relative, read) in Files(asset))
            {
                var included = true;
                foreach (var (include, pattern) in filters)
                {
                    if (pattern.IsMatch(relative))
                    {
                        included = include;
                    }
                }

                if (!included)
                {
                    continue;
                }

                var objectMetadata = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);
                if (!objectMetadata.ContainsKey("content-type"))
                {
                    // aws s3 sync guesses the type from the file's extension when none is given.
                    objectMetadata["content-type"] = ContentTypes.TryGetContentType(relative, out var type) ? type : "binary/octet-stream";
                }

                objects[prefix + relative] = new BucketObject(prefix + relative, read, objectMetadata, logicalId);
            }
        }
    }

    private static IEnumerable<(string Relative, Func<byte[]> Read)> Files(StagedAsset asset)
    {
        if (asset.IsFolder)
        {
            foreach (var file in Directory.EnumerateFiles(asset.Path, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(asset.Path, file).Replace('\\', '/');
                yield return (relative, () => File.ReadAllBytes(file));
            }

            yield break;
        }

        if (!asset.Path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            throw new PreviewException($"The deployment source {asset.Path} is neither a folder nor a zip.");
        }

        using var zip = ZipFile.OpenRead(asset.Path);
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            var name = entry.FullName;
            var path = asset.Path;
            yield return (name.Replace('\\', '/'), () =>
            {
                using var archive = ZipFile.OpenRead(path);
                using var stream = archive.GetEntry(name)!.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            });
        }
    }

    /// <summary>An <c>aws s3 sync</c> filter: <c>*</c> any characters (slashes too), <c>?</c> one, <c>[...]</c> a set.</summary>
    internal static Regex SyncPattern(string filter)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < filter.Length; i++)
        {
            var c = filter[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    var end = filter.IndexOf(']', i + 1);
                    if (end < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var set = filter[(i + 1)..end];
                    regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>The ETag S3 gives an object uploaded in one part: its MD5 in quotes.</summary>
    public static string ETag(byte[] body) => "\"" + Convert.ToHexStringLower(MD5.HashData(body)) + "\"";
}
