using System.Text.RegularExpressions;

namespace Astro.Aws.Apis.Routes;

/// <summary>
/// An HTTP API route key, parsed and checked: <c>METHOD /path</c> or <c>$default</c>. The method is upper-cased and
/// runs of spaces are collapsed, as SST does; everything API Gateway would refuse at deploy time is refused here.
/// </summary>
internal sealed partial record RouteKey(string Method, string Path)
{
    public const string DefaultKey = "$default";

    public static readonly IReadOnlyList<string> Methods = ["ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public bool IsDefault => Method == DefaultKey;

    /// <summary>The key as API Gateway writes it.</summary>
    public string Text => IsDefault ? DefaultKey : $"{Method} {Path}";

    /// <summary>
    /// The key with parameter names erased: two keys with the same shape collide in API Gateway. A greedy parameter keeps
    /// its <c>+</c>: <c>/files/{id}</c> (one segment) and <c>/files/{proxy+}</c> (one or more) are different routes.
    /// </summary>
    public string Shape => IsDefault ? DefaultKey : $"{Method} {ParameterName().Replace(Path, "{$1}")}";

    public static RouteKey Parse(string? key, string propName)
    {
        var text = Spaces().Replace(key ?? string.Empty, " ").Trim();
        var where = $"{propName}[\"{key}\"]";
        if (text.Length == 0)
        {
            throw new ArgumentException($"{where}: the route key is empty. Use \"METHOD /path\" (e.g. \"GET /notes\") or \"$default\".", propName);
        }

        if (text == DefaultKey)
        {
            return new RouteKey(DefaultKey, string.Empty);
        }

        if (text.StartsWith('$'))
        {
            var near = Common.Suggestions.Closest(text, [DefaultKey]);
            throw new ArgumentException(
                $"{where}: '{text}' starts with '$', and an HTTP API has one such key, \"$default\" (the route for requests no other route matches). "
                + (near is not null ? $"Did you mean \"{near}\"?" : "Use \"$default\", or a key such as \"GET /notes\"."),
                propName);
        }

        var parts = text.Split(' ');
        if (parts.Length != 2)
        {
            var hint = parts.Length == 1 && parts[0].StartsWith('/') ? $"GET {parts[0]}" : "GET /notes";
            throw new ArgumentException($"{where}: a route key is a method and a path separated by one space. Use e.g. \"{hint}\".", propName);
        }

        var method = parts[0].ToUpperInvariant();
        var path = parts[1];
        if (!Methods.Contains(method))
        {
            var near = Common.Suggestions.Closest(method, Methods);
            var suggestion = near is not null ? $"Did you mean \"{near} {path}\"? Methods are" : "Use one of";
            throw new ArgumentException($"{where}: '{parts[0]}' is not a method API Gateway routes. {suggestion} {string.Join(", ", Methods)}.", propName);
        }

        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"{where}: the path must start with '/'. Use \"{method} /{path}\".", propName);
        }

        CheckSegments(where, propName, method, path);
        return new RouteKey(method, path);
    }

    private static void CheckSegments(string where, string propName, string method, string path)
    {
        var segments = path.Split('/')[1..];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0 && !(i == segments.Length - 1 && segments.Length == 1))
            {
                throw new ArgumentException($"{where}: the path has an empty segment ('//' or a trailing '/'). Use \"{method} {EmptySegments().Replace(path, "/").TrimEnd('/')}\".", propName);
            }

            if (segment.StartsWith(':') && segment.Length > 1)
            {
                // Express and Hono write parameters as :id; API Gateway would route the literal text ":id".
                var named = ColonParameter().Replace(path, "/{$1}");
                throw new ArgumentException($"{where}: '{segment}' is a parameter in Express style, which API Gateway takes as the literal text '{segment}'. Write parameters in braces: \"{method} {named}\".", propName);
            }

            if (!segment.Contains('{') && !segment.Contains('}'))
            {
                continue;
            }

            var match = Parameter().Match(segment);
            if (!match.Success)
            {
                throw new ArgumentException(
                    $"{where}: segment '{segment}' is not a whole parameter. A parameter fills its segment and is named with letters, digits and '_': e.g. \"{method} /notes/{{id}}\".",
                    propName);
            }

            if (match.Groups["greedy"].Success && i != segments.Length - 1)
            {
                throw new ArgumentException($"{where}: the greedy parameter '{segment}' must be the last segment, e.g. \"{method} /files/{{proxy+}}\".", propName);
            }

            if (!names.Add(match.Groups["name"].Value))
            {
                throw new ArgumentException($"{where}: the parameter '{match.Groups["name"].Value}' appears twice; give each parameter its own name.", propName);
            }
        }
    }

    [GeneratedRegex("/:([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ColonParameter();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex("/{2,}")]
    private static partial Regex EmptySegments();

    [GeneratedRegex(@"^\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<greedy>\+)?\}$")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"\{[^}/+]*(\+?)\}")]
    private static partial Regex ParameterName();
}
