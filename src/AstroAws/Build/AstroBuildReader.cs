using System.Text.Json;
using System.Text.Json.Nodes;
using Astro.Aws.Build;

namespace Astro.Aws;

internal static class AstroBuildReader
{
    private const string MetadataFile = "metadata.json";

    private const string BasePathProp = "AstroAwsProps.BasePath";

    public static AstroBuild Read(string? websiteDir, string? outDir, string? basePath)
    {
        var givenBase = basePath is null ? null : CheckBase(basePath);
        var (propName, dist) = LocateDist(websiteDir, outDir);
        var fix = $"Run `npm run build` in the Astro project (the folder that holds astro.config.mjs) before `cdk synth`, or point {propName} at the build folder.";
        if (!Directory.Exists(dist))
        {
            throw NoBuild(propName, websiteDir, outDir, dist, fix);
        }

        var metadataPath = Path.Combine(dist, MetadataFile);
        if (!File.Exists(metadataPath))
        {
            return ReadStatic(propName, dist, givenBase ?? "/");
        }

        var (modeName, configuredBase, output, imageService) = ReadMetadata(propName, metadataPath);
        var mode = ParseMode(propName, metadataPath, modeName);
        var client = RequireFolder(propName, dist, "client", fix);
        var lambda = RequireFolder(propName, dist, "lambda", fix);
        var buildBase = NormaliseBase(configuredBase);
        if (givenBase is not null && givenBase != buildBase)
        {
            throw new ArgumentException(
                $"{BasePathProp}: received '{basePath}', but the build's {MetadataFile} says Astro's base is '{buildBase}'. Remove BasePath (a server build records its base), or rebuild with base: '{givenBase}' in astro.config.mjs.",
                BasePathProp);
        }

        var (files, bytes) = ListFiles(client);
        return new AstroBuild(mode, dist, client, lambda, buildBase, files, bytes) { ConfiguredOutput = output, ImageServiceEntrypoint = imageService };
    }

    /// <summary>
    /// Why there is no build folder, told apart: a project folder that does not exist (a wrong path), a WebsiteDir that
    /// is itself a build (OutDir was meant), or a project that was never built.
    /// </summary>
    private static ArgumentException NoBuild(string propName, string? websiteDir, string? outDir, string dist, string fix)
    {
        var cwd = Directory.GetCurrentDirectory();
        if (outDir is null && websiteDir is not null)
        {
            var project = Path.GetFullPath(websiteDir);
            if (!Directory.Exists(project))
            {
                return new ArgumentException(
                    $"{propName}: the folder '{project}' does not exist (received '{websiteDir}'; relative paths resolve against '{cwd}', where `cdk synth` runs). Check the path: it should be the Astro project, the folder that holds astro.config.mjs.",
                    propName);
            }

            if (File.Exists(Path.Combine(project, MetadataFile)) || Directory.Exists(Path.Combine(project, "_astro")) || (Directory.Exists(Path.Combine(project, "client")) && Directory.Exists(Path.Combine(project, "lambda"))))
            {
                return new ArgumentException(
                    $"{propName}: '{project}' looks like an Astro build itself (it holds {(File.Exists(Path.Combine(project, MetadataFile)) ? MetadataFile : "_astro/ or client/ and lambda/")}), but WebsiteDir is the project folder whose build is read from <WebsiteDir>/dist. "
                    + $"Set OutDir = \"{websiteDir}\" instead.",
                    propName);
            }
        }

        return new ArgumentException($"{propName}: the Astro build folder '{dist}' does not exist. {fix}", propName);
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

    private static AstroBuild ReadStatic(string propName, string dist, string basePath)
    {
        if (Directory.Exists(Path.Combine(dist, "server")) && Directory.Exists(Path.Combine(dist, "client")))
        {
            throw new ArgumentException(
                $"{propName}: '{dist}' holds client/ and server/ but no {MetadataFile}: it is a server build made by another adapter. "
                + "Configure `adapter: astroAws()` from @astro-aws/adapter in astro.config.mjs and rebuild, or build with `output: \"static\"`.",
                propName);
        }

        var (files, bytes) = ListFiles(dist);
        return new AstroBuild(AstroAwsMode.Static, dist, dist, null, basePath, files, bytes);
    }

    private static (string? Mode, string? Base, string? Output, string? ImageService) ReadMetadata(string propName, string path)
    {
        try
        {
            var entries = JsonNode.Parse(File.ReadAllText(path)) as JsonArray
                ?? throw new FormatException("the file is JSON but not a flatted array");
            return (FlattedJson.ResolveString(entries, "args", "mode"), FlattedJson.ResolveString(entries, "config", "base"), FlattedJson.ResolveString(entries, "config", "output"), FlattedJson.ResolveString(entries, "config", "image", "service", "entrypoint"));
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

    // One walk of the folder: the enumeration yields each file's size with its name, so no file is opened.
    private static (List<string> Files, long Bytes) ListFiles(string root)
    {
        var files = new List<string>();
        long bytes = 0;
        foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            files.Add(Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/'));
            bytes += file.Length;
        }

        files.Sort(StringComparer.Ordinal);
        return (files, bytes);
    }

    /// <summary>A base is a URL path: no scheme, host, query or backslash; <c>/docs</c>, <c>docs/</c> and <c>/docs/</c> are the same.</summary>
    private static string CheckBase(string value)
    {
        var trimmed = value.Trim('/');
        if (value.Contains("://", StringComparison.Ordinal) || trimmed.IndexOfAny(['?', '#', '\\', ' ', '*']) >= 0 || trimmed.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            if (trimmed.Length > 0)
            {
                throw new ArgumentException(
                    $"{BasePathProp}: received '{value}', which is not a URL path. Give Astro's base as in astro.config.mjs, e.g. \"/docs\" (no scheme, host, query, spaces, wildcards or empty, '.' or '..' segments).",
                    BasePathProp);
            }
        }

        return NormaliseBase(value);
    }
}
