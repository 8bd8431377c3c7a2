using Amazon.CDK;

namespace Astro.Aws;

/// <summary>CORS of an HTTP API. On by default (all origins, methods and headers); <see cref="Off"/> turns it off.</summary>
public sealed record ApiCors
{
    /// <summary>No CORS configuration: API Gateway answers no preflight and adds no CORS headers.</summary>
    public static ApiCors Off { get; } = new() { Enabled = false };

    /// <summary>Allowed origins, each with a scheme (<c>https://www.example.com</c>), or <c>*</c>.</summary>
    /// <value>Default: <c>*</c>.</value>
    public IReadOnlyList<string> AllowOrigins { get; init; } = ["*"];

    /// <summary>Allowed methods (<c>ANY</c>, <c>GET</c>, ...).</summary>
    /// <value>Default: <c>ANY</c>.</value>
    public IReadOnlyList<string> AllowMethods { get; init; } = ["ANY"];

    /// <summary>Allowed request headers.</summary>
    /// <value>Default: <c>*</c>.</value>
    public IReadOnlyList<string> AllowHeaders { get; init; } = ["*"];

    /// <summary>Response headers the browser may read.</summary>
    /// <value>Default: none.</value>
    public IReadOnlyList<string>? ExposeHeaders { get; init; }

    /// <summary>Whether credentials (cookies, Authorization) may be sent; not allowed with <c>*</c> origins.</summary>
    /// <value>Default: false.</value>
    public bool AllowCredentials { get; init; }

    /// <summary>How long browsers may cache a preflight answer.</summary>
    /// <value>Default: not set (browser default).</value>
    public Duration? MaxAge { get; init; }

    /// <summary>False only for <see cref="Off"/>.</summary>
    public bool Enabled { get; private init; } = true;
}
