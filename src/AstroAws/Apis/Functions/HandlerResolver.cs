using System.Text.RegularExpressions;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Parts;

namespace Astro.Aws.Apis.Functions;

/// <summary>Where a handler string's code is, and how Lambda calls it.</summary>
/// <param name="Code">The code to upload.</param>
/// <param name="Handler">Lambda's handler.</param>
/// <param name="Runtime">The runtime.</param>
/// <param name="CodeBytes">The size of the uploaded folder, when it was measured (Node.js handlers).</param>
internal sealed record ResolvedHandler(Code Code, string Handler, Runtime Runtime, long? CodeBytes = null);

/// <summary>
/// Turns a handler string into code and a Lambda handler. Node.js: <c>"src/list.main"</c> is the export <c>main</c> of
/// <c>src/list.{mjs,js,cjs}</c> under the code root; the first folder (<c>src</c>) is uploaded, so Lambda's handler is
/// <c>list.main</c>. .NET: <c>"Assembly::Namespace.Type::Method"</c> with the published folder as the code root.
/// </summary>
internal static partial class HandlerResolver
{
    private static readonly string[] NodeExtensions = [".mjs", ".js", ".cjs"];

    public static ResolvedHandler Resolve(string? handler, string? codeRoot, string propName)
    {
        if (string.IsNullOrWhiteSpace(handler))
        {
            throw new ArgumentException($"{propName}: the handler is empty. Name a file and its export, e.g. \"src/list.main\" for export `main` of src/list.mjs.", propName);
        }

        return handler.Contains("::", StringComparison.Ordinal) ? ResolveDotnet(handler, codeRoot, propName) : ResolveNode(handler, codeRoot, propName);
    }

    private static ResolvedHandler ResolveNode(string handler, string? codeRoot, string propName)
    {
        var match = NodeHandler().Match(handler);
        if (!match.Success)
        {
            throw new ArgumentException(
                $"{propName}: '{handler}' is not a Node.js handler string. Use \"<folder>/<file>.<export>\", e.g. \"src/list.main\" for export `main` of src/list.mjs.",
                propName);
        }

        var file = match.Groups["file"].Value;
        if (file.Contains("..", StringComparison.Ordinal) || Path.GetFileName(file).Contains('.', StringComparison.Ordinal))
        {
            // Lambda's Node.js runtime refuses a handler containing '..' and cuts the module name at the first '.' of the file name.
            throw new ArgumentException(
                $"{propName}: handler '{handler}' cannot be loaded by Lambda's Node.js runtime, which refuses '..' anywhere in a handler and splits the file name at its first '.'. "
                + $"Rename '{file}' so that its folders have no '..' and its file name no '.', e.g. \"src/list-notes.main\".",
                propName);
        }

        var root = Path.GetFullPath(codeRoot ?? Directory.GetCurrentDirectory());
        var found = NodeExtensions.Select(ext => Path.Combine(root, file + ext)).FirstOrDefault(File.Exists);
        if (found is null)
        {
            throw new ArgumentException(
                $"{propName}: handler '{handler}' needs {file}.mjs, .js or .cjs under '{root}', and there is none ({Path.Combine(root, file)}.mjs does not exist). "
                + "Create the file, or set CodeRoot to the folder the handler path starts from (relative paths resolve against the current directory, where `cdk synth` runs).",
                propName);
        }

        var package = match.Groups["package"].Value;
        var inner = file[(package.Length + 1)..];
        var folder = Path.Combine(root, package);
        var bytes = CodeFolderCheck.Check(folder, handler, propName);
        return new ResolvedHandler(Code.FromAsset(folder), $"{inner}.{match.Groups["export"].Value}", ServerDefaults.Node24, bytes);
    }

    private static ResolvedHandler ResolveDotnet(string handler, string? codeRoot, string propName)
    {
        var parts = handler.Split("::");
        if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"{propName}: '{handler}' is not a .NET handler. Use \"Assembly::Namespace.Type::Method\", e.g. \"Notes::Notes.Functions::List\".", propName);
        }

        if (codeRoot is null)
        {
            throw new ArgumentException(
                $"{propName}: the .NET handler '{handler}' needs its code: set FunctionProps.CodeRoot (or Defaults.Function.CodeRoot) to the output folder of `dotnet publish`, which holds {parts[0]}.dll.",
                propName);
        }

        var root = Path.GetFullPath(codeRoot);
        if (!File.Exists(Path.Combine(root, parts[0] + ".dll")))
        {
            throw new ArgumentException($"{propName}: the .NET handler '{handler}' needs {parts[0]}.dll in '{root}', and it is not there. Run `dotnet publish` into that folder first.", propName);
        }

        return new ResolvedHandler(Code.FromAsset(root), handler, Runtime.DOTNET_8);
    }

    [GeneratedRegex(@"^(?<file>(?<package>[^/\\.][^/\\]*)(/[^/\\]+)+)\.(?<export>[A-Za-z_$][A-Za-z0-9_$]*)$")]
    private static partial Regex NodeHandler();
}
