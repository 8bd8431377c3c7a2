using System.Collections.ObjectModel;
using System.Text.RegularExpressions;
using Astro.Aws.Apis.Routes;

namespace Astro.Aws;

/// <summary>Builds the routes map of <see cref="AstroHttpApiProps.Routes"/> from other sources than a literal map.</summary>
public static partial class ApiRoutes
{
    private const string Where = "ApiRoutes.FromDirectory";

    /// <summary>
    /// Turns a folder of handler files into routes: each file is a path (by the convention's naming rules), each
    /// recognised export of it a method, answered by that export (<c>"&lt;file relative to the code root&gt;.&lt;export&gt;"</c>).
    /// </summary>
    /// <remarks>
    /// <para>Enhance: <c>users/$id.mjs</c> exporting <c>get</c> and <c>destroy</c> gives <c>GET /users/{id}</c> and
    /// <c>DELETE /users/{id}</c>. Astro: <c>users/[id].mjs</c> exporting <c>GET</c> gives <c>GET /users/{id}</c>.
    /// A catch-all (<c>$$</c>, <c>[...slug]</c>) gives <c>{proxy+}</c> (<c>{slug+}</c>), and the same handler also answers
    /// the parent path for methods no other file serves there (API Gateway's greedy parameter needs one segment or more).</para>
    /// <para>Exports are found by reading the text (see docs/file-based-routes.md for the exact forms). Keys come in
    /// ordinal order. Precedence between <c>index</c>, static names, parameters and catch-alls is API Gateway's:
    /// the most specific route wins.</para>
    /// </remarks>
    /// <param name="directory">The routes folder (e.g. <c>"app/api"</c>); relative paths resolve against the current directory.</param>
    /// <param name="convention">The naming rules: <see cref="ApiRouteConvention.Enhance"/> or <see cref="ApiRouteConvention.Astro"/>.</param>
    /// <param name="options">A path prefix, the code root and a per-route customisation; see <see cref="FileRoutesOptions"/>.</param>
    /// <returns>The routes, keyed <c>"METHOD /path"</c>, for <see cref="AstroHttpApiProps.Routes"/> or <see cref="AstroHttpApi.AddRoutes(IReadOnlyDictionary{string, ApiRoute})"/>.</returns>
    /// <exception cref="ArgumentException">The folder is missing, empty or outside the code root, or a file cannot be mapped;
    /// the message names the file, the problem and the fix.</exception>
    public static IReadOnlyDictionary<string, ApiRoute> FromDirectory(string directory, ApiRouteConvention convention, FileRoutesOptions? options = null)
    {
        var naming = RouteNaming.For(convention);
        options ??= new FileRoutesOptions();
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new ArgumentException($"{Where}: the directory is empty. Give the routes folder, e.g. \"app/api\".", nameof(directory));
        }

        var root = Path.GetFullPath(options.CodeRoot ?? Directory.GetCurrentDirectory());
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!Directory.Exists(folder))
        {
            throw new ArgumentException($"{Where}: the routes folder '{folder}' does not exist. Give an existing folder of handler files (relative paths resolve against the current directory, where `cdk synth` runs).", nameof(directory));
        }

        var fromRoot = Path.GetRelativePath(root, folder);
        if (fromRoot == "." || fromRoot == ".." || fromRoot.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(fromRoot))
        {
            throw new ArgumentException(
                $"{Where}: the routes folder '{folder}' is not inside the code root '{root}', so its handler strings could not resolve (a handler string is a path below the code root whose first folder is the deployment package). "
                + "Set FileRoutesOptions.CodeRoot to a folder that holds the routes folder at least one level down (e.g. CodeRoot \"app\" for routes in \"app/api\").",
                nameof(options));
        }

        var prefix = Prefix(options.PathPrefix);
        var scan = new Scan(naming, folder, root, prefix);
        scan.Walk(folder, []);
        if (scan.Files.Count == 0)
        {
            throw new ArgumentException(
                $"{Where}: the routes folder '{folder}' holds no handler files ({string.Join(", ", naming.Extensions.Select(e => "*" + e))}, any depth, for the {convention} convention). "
                + "Point at the folder of your API route files, or add one (e.g. index.mjs).",
                nameof(directory));
        }

        return Build(scan, options.Customize);
    }

    private static string Prefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix) || prefix == "/")
        {
            return string.Empty;
        }

        var trimmed = prefix.TrimEnd('/');
        if (!PrefixPattern().IsMatch(trimmed))
        {
            throw new ArgumentException(
                $"{Where}: PathPrefix '{prefix}' is not a static path. Start it with '/' and use letters, digits, '-', '_', '.' and '~' in its segments, e.g. \"/api\" or \"/v1/api\".",
                "options");
        }

        return trimmed;
    }

    private static ReadOnlyDictionary<string, ApiRoute> Build(Scan scan, Func<FileRoute, ApiRoute?>? customize)
    {
        var found = new List<FileRoute>();
        foreach (var file in scan.Files)
        {
            foreach (var (export, method) in file.Methods)
            {
                found.Add(Describe(scan, file, export, $"{method} {file.Path}", catchAllParent: false));
            }
        }

        // A greedy parameter matches one segment or more: the catch-all also answers its parent path, unless a file does.
        var taken = found.Select(r => r.RouteKey).ToHashSet(StringComparer.Ordinal);
        foreach (var file in scan.Files.Where(f => f.ParentPath is not null))
        {
            foreach (var (export, method) in file.Methods)
            {
                var key = $"{method} {file.ParentPath}";
                if (taken.Add(key))
                {
                    found.Add(Describe(scan, file, export, key, catchAllParent: true));
                }
            }
        }

        var routes = new SortedDictionary<string, ApiRoute>(StringComparer.Ordinal);
        foreach (var info in found)
        {
            var route = customize is null ? info.Route : customize(info);
            if (route is null)
            {
                continue;
            }

            CheckLoadable(scan, info, route);
            routes.Add(info.RouteKey, route);
        }

        return new ReadOnlyDictionary<string, ApiRoute>(routes);
    }

    private static FileRoute Describe(Scan scan, HandlerFile file, string export, string key, bool catchAllParent)
    {
        var handler = $"{file.Module}.{export}";
        return new FileRoute
        {
            RouteKey = key,
            File = file.Relative,
            Export = export,
            Handler = handler,
            CodeRoot = scan.Root,
            IsCatchAllParent = catchAllParent,
            Route = ApiRoute.FromHandler(handler) with { FunctionProps = new ApiFunctionProps { CodeRoot = scan.Root } },
        };
    }

    private static void CheckLoadable(Scan scan, FileRoute info, ApiRoute route)
    {
        if (route.Kind != ApiRouteKind.Handler || (route.FunctionProps?.Handler ?? route.Handler) != info.Handler)
        {
            return;
        }

        if (route.FunctionProps?.CodeRoot is null)
        {
            throw scan.Fail(info.File,
                $"Customize returned the route '{info.RouteKey}' with its handler '{info.Handler}' but without FunctionProps.CodeRoot, and the handler is relative to '{info.CodeRoot}'. "
                + "Keep CodeRoot in the props you return: FunctionProps = new ApiFunctionProps { CodeRoot = r.CodeRoot, ... }");
        }

        if (info.Handler.Contains("..", StringComparison.Ordinal))
        {
            throw scan.Fail(info.File,
                $"it answers '{info.RouteKey}', but its handler '{info.Handler}' contains '..', which Lambda's Node.js runtime refuses in any handler, so a '[...name]' file or folder cannot be loaded as it is. "
                + "Answer the route with another handler or function in FileRoutesOptions.Customize (e.g. r => r.File == \"" + info.File + "\" ? ApiRoute.FromFunction(fn) : r.Route), or return null there to leave it out");
        }
    }

    [GeneratedRegex(@"^(/[A-Za-z0-9_~-][A-Za-z0-9_.~-]*)+$")]
    private static partial Regex PrefixPattern();

    /// <summary>One handler file: its path, its module (handler string without the export) and its methods by export.</summary>
    private sealed record HandlerFile(string Relative, string Module, string Path, string? ParentPath, IReadOnlyList<KeyValuePair<string, string>> Methods);

    /// <summary>The walk over the routes folder: reads each file once, and refuses as soon as something cannot be mapped.</summary>
    private sealed class Scan(RouteNaming naming, string folder, string root, string prefix)
    {
        private readonly Dictionary<string, string> paths = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Path, string File)> shapes = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Folder, SegmentKind Kind), (string Name, string Entry)> dynamics = [];

        public string Root => root;

        public List<HandlerFile> Files { get; } = [];

        public ArgumentException Fail(string file, string problem) =>
            new($"{Where} ({naming.Convention}): '{file}' in '{folder}': {problem}.", "directory");

        public void Walk(string directory, IReadOnlyList<string> folders)
        {
            foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
            {
                var name = System.IO.Path.GetFileName(path);
                if (naming.IsLeftOut(name) || naming.IsDeclaration(name))
                {
                    continue;
                }

                var relative = string.Join('/', [.. folders, name]);
                if (RouteNaming.IsTypeScript(name))
                {
                    throw Fail(relative,
                        "it is TypeScript, which Lambda's Node.js runtime cannot run as it is. Compile the routes (e.g. `tsc --outDir dist/api`, or your bundler) "
                        + "and point FromDirectory at the .mjs/.js output" + (naming.Convention == ApiRouteConvention.Astro ? ", or start the name with '_' to leave the file out" : string.Empty));
                }

                if (naming.IsHandlerFile(name))
                {
                    Add(path, relative, folders, name);
                }
            }

            foreach (var path in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
            {
                var name = System.IO.Path.GetFileName(path);
                if (!naming.IsLeftOut(name))
                {
                    Walk(path, [.. folders, name]);
                }
            }
        }

        private void Add(string fullPath, string relative, IReadOnlyList<string> folders, string name)
        {
            var baseName = System.IO.Path.GetFileNameWithoutExtension(name);
            var entries = folders.Select(f => (Name: f, IsFile: false)).ToList();
            if (baseName != "index")
            {
                entries.Add((baseName, true));
            }

            var segments = new List<Segment>();
            for (var i = 0; i < entries.Count; i++)
            {
                var segment = naming.Parse(entries[i].Name, entries[i].IsFile, problem => Fail(relative, problem));
                if (segment.Kind == SegmentKind.CatchAll && i != entries.Count - 1)
                {
                    throw Fail(relative,
                        $"the catch-all '{entries[i].Name}' is not the last part of the path, and API Gateway's greedy parameter must end it. "
                        + $"Make '{entries[i].Name}' a file (or a folder holding only an index file), or use a parameter ('{naming.ParameterExample}') for this segment");
                }

                if (segment.Kind != SegmentKind.Static && segments.Any(s => s.Kind != SegmentKind.Static && s.Name == segment.Name))
                {
                    throw Fail(relative, $"the parameter '{segment.Name}' appears twice in its path. Give each parameter its own name");
                }

                CheckSiblings(relative, string.Join('/', folders.Take(i)), segment, entries[i].IsFile ? name : entries[i].Name + "/");
                segments.Add(segment);
            }

            var path = prefix + "/" + string.Join('/', segments.Select(s => s.Text));
            path = path.Length > 1 ? path.TrimEnd('/') : path;
            if (paths.TryGetValue(path, out var other))
            {
                throw Fail(relative, $"it maps to the same path '{path}' as '{other}'. Keep one of the two files");
            }

            var shape = RouteKey.Parse("ANY " + path, Where).Shape;
            if (shapes.TryGetValue(shape, out var sibling))
            {
                throw Fail(relative, $"its path '{path}' is the same route as '{sibling.Path}' of '{sibling.File}' (API Gateway ignores parameter names). Keep one of the two files");
            }

            paths[path] = relative;
            shapes[shape] = (path, relative);
            var methods = Methods(fullPath, relative);
            var parent = segments.Count > 0 && segments[^1].Kind == SegmentKind.CatchAll
                ? prefix + "/" + string.Join('/', segments.SkipLast(1).Select(s => s.Text))
                : null;
            parent = parent is { Length: > 1 } ? parent.TrimEnd('/') : parent;
            var module = System.IO.Path.GetRelativePath(root, fullPath).Replace('\\', '/');
            Files.Add(new HandlerFile(relative, module[..^System.IO.Path.GetExtension(name).Length], path, parent, methods));
        }

        private void CheckSiblings(string relative, string parentFolder, Segment segment, string entry)
        {
            if (segment.Kind == SegmentKind.Static)
            {
                return;
            }

            if (!dynamics.TryGetValue((parentFolder, segment.Kind), out var existing))
            {
                dynamics[(parentFolder, segment.Kind)] = (segment.Name, entry);
                return;
            }

            if (existing.Name != segment.Name)
            {
                var where = parentFolder.Length == 0 ? "the routes folder" : $"'{parentFolder}/'";
                var kind = segment.Kind == SegmentKind.Parameter ? "parameter" : "catch-all";
                throw Fail(relative,
                    $"'{entry}' and '{existing.Entry}' are two {kind}s in {where} with different names ('{segment.Name}' and '{existing.Name}'), and API Gateway cannot tell them apart. "
                    + "Use one name for both (e.g. rename the file or folder so they share it)");
            }
        }

        private List<KeyValuePair<string, string>> Methods(string fullPath, string relative)
        {
            var exports = ExportScanner.Scan(File.ReadAllText(fullPath));
            var methods = naming.Methods.Where(m => exports.Contains(m.Key)).ToList();
            if (methods.Count == 0)
            {
                var others = exports.Count == 0 ? "no recognised export" : "only " + string.Join(", ", exports.Order(StringComparer.Ordinal));
                var leaveOut = naming.Convention == ApiRouteConvention.Astro
                    ? "start its name with '_' to leave it out"
                    : "move helper modules out of the routes folder";
                throw Fail(relative,
                    $"it exports none of {string.Join(", ", naming.Methods.Keys)} (found {others}; recognised forms: `export [async] function NAME`, `export const|let|var NAME`, `export {{ a as NAME }}`, `exports.NAME =`). "
                    + $"Export a handler under one of those names, or {leaveOut}");
            }

            return methods;
        }
    }
}
