namespace Astro.Aws;

/// <summary>One route <see cref="ApiRoutes.FromDirectory"/> found, as handed to <see cref="FileRoutesOptions.Customize"/>.</summary>
public sealed record FileRoute
{
    /// <summary>The route key, e.g. <c>"GET /users/{id}"</c>.</summary>
    public required string RouteKey { get; init; }

    /// <summary>The handler file, relative to the routes folder, with <c>/</c> separators (e.g. <c>"users/$id.mjs"</c>).</summary>
    public required string File { get; init; }

    /// <summary>The export that answers the route (e.g. <c>"get"</c>).</summary>
    public required string Export { get; init; }

    /// <summary>The handler string, relative to <see cref="CodeRoot"/> (e.g. <c>"api/users/$id.get"</c>).</summary>
    public required string Handler { get; init; }

    /// <summary>The full path of the code root the handler string is relative to.</summary>
    public required string CodeRoot { get; init; }

    /// <summary>True for the extra route on the parent path of a catch-all (<c>$$</c>, <c>[...slug]</c>), which
    /// API Gateway's greedy parameter does not match.</summary>
    public bool IsCatchAllParent { get; init; }

    /// <summary>The route produced: the handler string with <c>FunctionProps.CodeRoot</c> set.</summary>
    public required ApiRoute Route { get; init; }
}
