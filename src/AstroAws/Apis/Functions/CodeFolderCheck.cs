using System.Collections.Concurrent;

namespace Astro.Aws.Apis.Functions;

/// <summary>
/// What a Node.js handler's folder would upload. Handler strings like <c>"src/list.main"</c> upload all of
/// <c>src/</c>, and <c>cdk init</c> puts the CDK app's own C# project there: every function then packages the project,
/// its <c>bin/</c> and <c>obj/</c> (97 MB each, with a new hash on every build).
/// </summary>
internal static class CodeFolderCheck
{
    /// <summary>Past this size a function's code is reported: Lambda takes 50 MB zipped for a direct upload, and every deploy uploads it.</summary>
    public const long LargeBytes = 50L * 1024 * 1024;

    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj", ".sln"];

    // Many routes share one folder, so it is walked once per synth: what it holds that must not be uploaded, and its size.
    private static readonly ConcurrentDictionary<string, (string? Intruder, bool IsProject, long Bytes)> Folders = new(StringComparer.Ordinal);

    /// <summary>Refuses a folder that holds a .NET project or its build output; returns its size in bytes.</summary>
    public static long Check(string folder, string handler, string propName)
    {
        var (intruder, isProject, bytes) = Folders.GetOrAdd(folder, Walk);
        if (intruder is not null)
        {
            var first = handler.Split('/')[0];
            throw new ArgumentException(
                $"{propName}: handler '{handler}' uploads the folder '{folder}', which holds {(isProject ? "the .NET project" : "the build output")} '{Path.GetRelativePath(folder, intruder)}', "
                + "so every function would package it (and change with every build). Put the handlers in a folder of their own, e.g. \"functions/list.main\" for functions/list.mjs, "
                + $"or set CodeRoot so that the handler's first folder ('{first}') holds only handler code.",
                propName);
        }

        return bytes;
    }

    // One pass over the tree: a project file wins over a bin/ or obj/ folder, as the message names the project then.
    private static (string? Intruder, bool IsProject, long Bytes) Walk(string folder)
    {
        var root = new DirectoryInfo(folder);
        string? project = null;
        long bytes = 0;
        foreach (var file in root.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            bytes += file.Length;
            project ??= IsProjectFile(file) ? file.FullName : null;
        }

        var buildOutput = project is null
            ? root.EnumerateDirectories("*", SearchOption.AllDirectories).FirstOrDefault(dir => dir.Name is "bin" or "obj")?.FullName
            : null;
        return (project ?? buildOutput, project is not null, bytes);
    }

    private static bool IsProjectFile(FileInfo file) => ProjectExtensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase);
}
