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

    private static readonly string[] ProjectPatterns = ["*.csproj", "*.fsproj", "*.vbproj", "*.sln"];

    // Many routes share one folder; it is walked once per synth.
    private static readonly ConcurrentDictionary<string, long> Sizes = new(StringComparer.Ordinal);

    /// <summary>Refuses a folder that holds a .NET project or its build output; returns its size in bytes.</summary>
    public static long Check(string folder, string handler, string propName)
    {
        var project = ProjectPatterns.SelectMany(pattern => Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)).FirstOrDefault();
        var buildOutput = project is null
            ? Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).FirstOrDefault(dir => Path.GetFileName(dir) is "bin" or "obj")
            : null;
        var found = project ?? buildOutput;
        if (found is not null)
        {
            var first = handler.Split('/')[0];
            throw new ArgumentException(
                $"{propName}: handler '{handler}' uploads the folder '{folder}', which holds {(project is not null ? "the .NET project" : "the build output")} '{Path.GetRelativePath(folder, found)}', "
                + "so every function would package it (and change with every build). Put the handlers in a folder of their own, e.g. \"functions/list.main\" for functions/list.mjs, "
                + $"or set CodeRoot so that the handler's first folder ('{first}') holds only handler code.",
                propName);
        }

        return Sizes.GetOrAdd(folder, static path => new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length));
    }
}
