using System.Text.RegularExpressions;

namespace Astro.Aws.Apis.Routes;

/// <summary>What one file or folder name is in a route path.</summary>
internal enum SegmentKind
{
    /// <summary>A fixed path segment.</summary>
    Static,

    /// <summary>One path parameter: <c>{name}</c>.</summary>
    Parameter,

    /// <summary>The greedy parameter: <c>{name+}</c>, one segment or more.</summary>
    CatchAll,
}

/// <summary>One segment of a route path, and the file or folder name it came from.</summary>
internal sealed record Segment(SegmentKind Kind, string Name)
{
    public string Text => Kind switch
    {
        SegmentKind.Parameter => $"{{{Name}}}",
        SegmentKind.CatchAll => $"{{{Name}+}}",
        _ => Name,
    };
}

/// <summary>The file-name rules of one <see cref="ApiRouteConvention"/>.</summary>
internal sealed partial class RouteNaming
{
    private static readonly string[] TypeScript = [".ts", ".mts", ".cts", ".tsx"];
    private static readonly string[] Declarations = [".d.ts", ".d.mts", ".d.cts"];

    private readonly Regex parameter;
    private readonly Regex catchAll;
    private readonly Func<string, bool> looksLikeParameter;
    private readonly char[] markers;

    private RouteNaming(ApiRouteConvention convention)
    {
        Convention = convention;
        if (convention == ApiRouteConvention.Enhance)
        {
            Extensions = [".mjs", ".js", ".cjs"];
            Methods = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["get"] = "GET", ["post"] = "POST", ["put"] = "PUT", ["patch"] = "PATCH", ["destroy"] = "DELETE",
            };
            parameter = EnhanceParameter();
            catchAll = EnhanceCatchAll();
            looksLikeParameter = name => name.StartsWith('$');
            markers = ['$'];
            ParameterExample = "$id";
            CatchAllExample = "$$";
        }
        else
        {
            Extensions = [".mjs", ".js"];
            Methods = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["GET"] = "GET", ["POST"] = "POST", ["PUT"] = "PUT", ["PATCH"] = "PATCH", ["DELETE"] = "DELETE",
                ["HEAD"] = "HEAD", ["OPTIONS"] = "OPTIONS", ["ALL"] = "ANY",
            };
            parameter = AstroParameter();
            catchAll = AstroCatchAll();
            looksLikeParameter = name => name.StartsWith('[') && name.EndsWith(']');
            markers = ['[', ']'];
            ParameterExample = "[id]";
            CatchAllExample = "[...slug]";
        }
    }

    public static RouteNaming Enhance { get; } = new(ApiRouteConvention.Enhance);

    public static RouteNaming Astro { get; } = new(ApiRouteConvention.Astro);

    public ApiRouteConvention Convention { get; }

    /// <summary>The handler file extensions, in the order Lambda and <c>HandlerResolver</c> do not disagree on (one per name).</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>Export name to HTTP method.</summary>
    public IReadOnlyDictionary<string, string> Methods { get; }

    public string ParameterExample { get; }

    public string CatchAllExample { get; }

    public static RouteNaming For(ApiRouteConvention convention) => convention switch
    {
        ApiRouteConvention.Enhance => Enhance,
        ApiRouteConvention.Astro => Astro,
        _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "Use ApiRouteConvention.Enhance or ApiRouteConvention.Astro."),
    };

    /// <summary>Names never read: hidden (<c>.git</c>), <c>node_modules</c>, and for Astro names starting with <c>_</c>.</summary>
    public bool IsLeftOut(string name) =>
        name.StartsWith('.') || name == "node_modules" || (Convention == ApiRouteConvention.Astro && name.StartsWith('_'));

    public bool IsDeclaration(string fileName) => Declarations.Any(d => fileName.EndsWith(d, StringComparison.OrdinalIgnoreCase));

    public static bool IsTypeScript(string fileName) => TypeScript.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);

    public bool IsHandlerFile(string fileName) => Extensions.Contains(Path.GetExtension(fileName), StringComparer.Ordinal);

    /// <summary>Reads one file (base name, without extension) or folder name; throws a message ending in the fix.</summary>
    /// <param name="name">The name.</param>
    /// <param name="isFile">Whether the name is a file's base name (it then must not contain '.').</param>
    /// <param name="fail">Builds the exception from the problem and the fix.</param>
    public Segment Parse(string name, bool isFile, Func<string, Exception> fail)
    {
        if (catchAll.Match(name) is { Success: true } rest)
        {
            return new Segment(SegmentKind.CatchAll, rest.Groups["name"].Success ? rest.Groups["name"].Value : "proxy");
        }

        if (parameter.Match(name) is { Success: true } one)
        {
            return new Segment(SegmentKind.Parameter, one.Groups["name"].Value);
        }

        if (name.IndexOfAny(markers) >= 0)
        {
            if (looksLikeParameter(name))
            {
                throw fail($"'{name}' is not a valid parameter name. Name parameters with letters, digits and '_', not starting with a digit (e.g. '{ParameterExample}'), or use '{CatchAllExample}' to catch the rest of the path");
            }

            throw fail($"the parameter in '{name}' is only part of the name, and an API Gateway parameter fills a whole path segment. "
                + $"Give the parameter its own file or folder (e.g. 'posts/{ParameterExample}' instead of 'post-{ParameterExample}')");
        }

        if (!Static().IsMatch(name))
        {
            throw fail($"'{name}' cannot be a URL path segment. Use only letters, digits, '-', '_', '.' and '~' (no spaces)");
        }

        if (name.Contains("..", StringComparison.Ordinal) || (isFile && name.Contains('.', StringComparison.Ordinal)))
        {
            throw fail($"the {(isFile ? "file" : "folder")} name '{name}' has a '.' that Lambda's Node.js runtime cannot load: it cuts a handler's module name at the first '.' "
                + $"of the file name and refuses '..' anywhere. Rename it (e.g. '{name.Replace('.', '-')}')");
        }

        return new Segment(SegmentKind.Static, name);
    }

    [GeneratedRegex(@"^\$(?<name>[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex EnhanceParameter();

    [GeneratedRegex(@"^\$\$$")]
    private static partial Regex EnhanceCatchAll();

    [GeneratedRegex(@"^\[(?<name>[A-Za-z_][A-Za-z0-9_]*)\]$")]
    private static partial Regex AstroParameter();

    [GeneratedRegex(@"^\[\.\.\.(?<name>[A-Za-z_][A-Za-z0-9_]*)\]$")]
    private static partial Regex AstroCatchAll();

    [GeneratedRegex(@"^[A-Za-z0-9_~-][A-Za-z0-9_.~-]*$")]
    private static partial Regex Static();
}
