namespace Astro.Aws.Preview.ApiGateway;

/// <summary>A route chosen for a request, with its path parameters (decoded, as API Gateway passes them).</summary>
public sealed record RouteMatch(ApiRoute Route, IReadOnlyDictionary<string, string> PathParameters);

/// <summary>
/// HTTP API route selection (rule <c>apigateway/http-route-priority</c>): a full match of path and method first, then a
/// route with a greedy path variable, then <c>$default</c>; <c>ANY</c> answers only methods no other route of the same
/// path names. Among full matches, a literal segment beats a path variable at the first place they differ (the
/// documented <c>GET /pets/dog/1</c> over <c>GET /pets/dog/{id}</c>); among greedy routes, the longer fixed prefix wins.
/// </summary>
public static class RouteMatcher
{
    public static RouteMatch? Match(IEnumerable<ApiRoute> routes, string method, string path)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(path);
        var all = routes.ToList();
        var segments = path.TrimStart('/').Split('/');
        var best = all.Where(r => r.Key != "$default" && (r.Method == method || r.Method == "ANY"))
            .Select(r => (Route: r, Parameters: Bind(r.Path, segments)))
            .Where(c => c.Parameters is not null)
            .OrderBy(c => IsGreedy(c.Route.Path) ? 1 : 0)
            .ThenByDescending(c => Specificity(c.Route.Path), SpecificityComparer.Instance)
            .ThenBy(c => c.Route.Method == "ANY" ? 1 : 0)
            .FirstOrDefault();
        if (best.Route is not null)
        {
            return new RouteMatch(best.Route, best.Parameters!);
        }

        return all.FirstOrDefault(r => r.Key == "$default") is { } fallback ? new RouteMatch(fallback, new Dictionary<string, string>()) : null;
    }

    private static bool IsGreedy(string routePath) => routePath.EndsWith("+}", StringComparison.Ordinal);

    // One entry per route segment: 2 for a literal, 1 for {name}, 0 for {name+}; compared left to right.
    private static int[] Specificity(string routePath) =>
        [.. routePath.TrimStart('/').Split('/').Select(s => s.StartsWith('{') ? (s.EndsWith("+}", StringComparison.Ordinal) ? 0 : 1) : 2)];

    private static Dictionary<string, string>? Bind(string routePath, string[] request)
    {
        var pattern = routePath.TrimStart('/').Split('/');
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pattern.Length; i++)
        {
            var part = pattern[i];
            if (part.StartsWith('{') && part.EndsWith("+}", StringComparison.Ordinal))
            {
                // Greedy: one or more segments, so /files/{proxy+} does not match /files.
                if (i >= request.Length || (i == request.Length - 1 && request[i].Length == 0))
                {
                    return null;
                }

                parameters[part[1..^2]] = Uri.UnescapeDataString(string.Join('/', request[i..]));
                return parameters;
            }

            if (i >= request.Length)
            {
                return null;
            }

            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                if (request[i].Length == 0)
                {
                    return null;
                }

                parameters[part[1..^1]] = Uri.UnescapeDataString(request[i]);
            }
            else if (!string.Equals(part, Uri.UnescapeDataString(request[i]), StringComparison.Ordinal))
            {
                return null;
            }
        }

        return pattern.Length == request.Length ? parameters : null;
    }

    private sealed class SpecificityComparer : IComparer<int[]>
    {
        public static readonly SpecificityComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            x ??= [];
            y ??= [];
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
