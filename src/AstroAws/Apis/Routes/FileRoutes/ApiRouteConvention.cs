namespace Astro.Aws;

/// <summary>How <see cref="ApiRoutes.FromDirectory"/> reads file names and exports as routes.</summary>
public enum ApiRouteConvention
{
    /// <summary>
    /// Enhance API routes (<c>app/api</c>): <c>.mjs</c>, <c>.js</c> and <c>.cjs</c> files; <c>index</c> is its folder;
    /// <c>$id</c> is the parameter <c>{id}</c>; <c>$$</c> catches the rest (<c>{proxy+}</c>); exports <c>get</c>, <c>post</c>,
    /// <c>put</c>, <c>patch</c> and <c>destroy</c> (DELETE).
    /// </summary>
    Enhance,

    /// <summary>
    /// Astro endpoints (<c>src/pages</c>): <c>.mjs</c> and <c>.js</c> files (<c>.ts</c> is refused: point at the compiled
    /// output); names starting with <c>_</c> are left out; <c>index</c> is its folder; <c>[id]</c> is the parameter
    /// <c>{id}</c>; <c>[...slug]</c> catches the rest (<c>{slug+}</c>); exports <c>GET</c>, <c>POST</c>, <c>PUT</c>,
    /// <c>PATCH</c>, <c>DELETE</c>, <c>HEAD</c>, <c>OPTIONS</c> and <c>ALL</c> (ANY).
    /// </summary>
    Astro,
}
