using System.Text.Json;
using System.Text.Json.Nodes;
using Astro.Aws.Build;

namespace Astro.Aws;

internal static class AstroBuildReader
{
    private const string MetadataFile = "metadata.json";

    public static AstroBuild Read(string? websiteDir, string? outDir)
    {
        var (propName, dist) = LocateDist(websiteDir, outDir);
        var fix = $"Run `npm run build` in the Astro project (the folder that holds astro.config.mjs) before `cdk synth`, or point {propName} at the build folder.";
        if (!Directory.Exists(dist))
        {
            throw new ArgumentException($"{propName}: the Astro build folder '{dist}' does not exist. {fix}", propName);
        }

        var metadataPath = Path.Combine(dist, MetadataFile);
        if (!File.Exists(metadataPath))
        {
            return ReadStatic(propName, dist);
        }

        var (modeName, configuredBase) = ReadMetadata(propName, metadataPath);
        var mode = ParseMode(propName, metadataPath, modeName);
        var client = RequireFolder(propName, dist, "client", fix);
        var lambda = RequireFolder(propName, dist, "lambda", fix);
        var basePath = NormaliseBase(configuredBase);
        return new AstroBuild(mode, dist, client, lambda, basePath, ListFiles(client));
    }

    private static (string PropName, string Dist) LocateDist(string? websiteDir, string? outDir)
    {
        if (outDir is not null)
        {
            return ("AstroAwsProps.OutDir", FullPath("AstroAwsProps.OutDir", outDir));
        }

        if (websiteDir is not null)
        {
            return ("AstroAwsProps.WebsiteDir", Path.Combine(FullPath("AstroAwsProps.WebsiteDir", websiteDir), "dist"));
        }

        throw new ArgumentException(
            "AstroAwsProps: neither WebsiteDir nor OutDir is set. Set WebsiteDir to the Astro project folder (its build is read from <WebsiteDir>/dist), or OutDir to the build folder itself.",
            "props");
    }

    private static string FullPath(string propName, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{propName}: received an empty path. Give the folder's path, relative to where `cdk synth` runs or absolute.", propName);
        }

        return Path.GetFullPath(value);
    }

    private static AstroBuild ReadStatic(string propName, string dist)
    {
        if (Directory.Exists(Path.Combine(dist, "server")) && Directory.Exists(Path.Combine(dist, "client")))
        {
            throw new ArgumentException(
                $"{propName}: '{dist}' holds client/ and server/ but no {MetadataFile}: it is a server build made by another adapter. "
                + "Configure `adapter: astroAws()` from @astro-aws/adapter in astro.config.mjs and rebuild, or build with `output: \"static\"`.",
                propName);
        }

        return new AstroBuild(AstroAwsMode.Static, dist, dist, null, "/", ListFiles(dist));
    }

    private static (string? Mode, string? Base) ReadMetadata(string propName, string path)
    {
        try
        {
            var entries = JsonNode.Parse(File.ReadAllText(path)) as JsonArray
                ?? throw new FormatException("the file is JSON but not a flatted array");
            return (FlattedJson.ResolveString(entries, "args", "mode"), FlattedJson.ResolveString(entries, "config", "base"));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException(
                $"{propName}: cannot read '{path}' ({ex.Message}). It should be written by @astro-aws/adapter 2.x; delete dist/ and run `npm run build` again.",
                propName,
                ex);
        }
    }

    private static AstroAwsMode ParseMode(string propName, string path, string? mode) => mode switch
    {
        "ssr" => AstroAwsMode.Ssr,
        "ssr-stream" => AstroAwsMode.SsrStream,
        "edge" => AstroAwsMode.Edge,
        _ => throw new ArgumentException(
            $"{propName}: '{path}' declares mode '{mode ?? "(none)"}', which AstroAws does not know. "
            + "Use astroAws({ mode: \"ssr\" | \"ssr-stream\" | \"edge\" }) with @astro-aws/adapter 2.x and run `npm run build` again.",
            propName),
    };

    private static string RequireFolder(string propName, string dist, string name, string fix)
    {
        var folder = Path.Combine(dist, name);
        if (!Directory.Exists(folder))
        {
            throw new ArgumentException($"{propName}: '{dist}' has {MetadataFile} but no {name}/ folder '{folder}'; the build is incomplete. {fix}", propName);
        }

        return folder;
    }

    private static string NormaliseBase(string? configured)
    {
        var trimmed = (configured ?? "/").Trim('/');
        return trimmed.Length == 0 ? "/" : $"/{trimmed}/";
    }

    private static List<string> ListFiles(string root) =>
    [
        .. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal),
    ];
}
