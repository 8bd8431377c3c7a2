using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;

namespace Astro.Aws.Plan;

/// <summary>
/// Our behavior settings per kind of path, before the caller's overrides are merged. The origin, the request function,
/// the edge handler and <see cref="ServerCachePolicy"/> are left out: the renderer fills them in.
/// </summary>
internal static class BehaviorDefaults
{
    /// <summary>
    /// The cache key holds all query strings and TTLs are 0 / 0 / 1 year, so a server response without Cache-Control
    /// is not cached and the app's Cache-Control decides otherwise.
    /// </summary>
    public static CachePolicyProps ServerCachePolicy => new()
    {
        Comment = "AstroAws: server responses are cached only as their Cache-Control says",
        QueryStringBehavior = CacheQueryStringBehavior.All(),
        CookieBehavior = CacheCookieBehavior.None(),
        HeaderBehavior = CacheHeaderBehavior.None(),
        MinTtl = Duration.Seconds(0),
        DefaultTtl = Duration.Seconds(0),
        MaxTtl = Duration.Days(365),
        EnableAcceptEncodingGzip = true,
        EnableAcceptEncodingBrotli = true,
    };

    /// <summary>Server pages, with security headers (not CORS allow-all); the cache policy is <see cref="ServerCachePolicy"/>.</summary>
    public static BehaviorOptions Server => Dynamic(cachePolicy: null, ResponseHeadersPolicy.SECURITY_HEADERS);

    /// <summary>The seed's <c>/api/*</c> defaults, plus no caching and every viewer header but Host.</summary>
    public static BehaviorOptions Api => Dynamic(CachePolicy.CACHING_DISABLED, ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT_AND_SECURITY_HEADERS);

    /// <summary>Files from S3: hashed assets, or every file of a static site.</summary>
    public static BehaviorOptions Files => new()
    {
        AllowedMethods = AllowedMethods.ALLOW_GET_HEAD,
        CachePolicy = CachePolicy.CACHING_OPTIMIZED,
        ResponseHeadersPolicy = ResponseHeadersPolicy.SECURITY_HEADERS,
        ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        Compress = true,
    };

    // Server-rendered paths: every method, every viewer header but Host (a function URL rejects a foreign Host).
    private static BehaviorOptions Dynamic(ICachePolicy? cachePolicy, IResponseHeadersPolicy responseHeaders) => new()
    {
        AllowedMethods = AllowedMethods.ALLOW_ALL,
        CachePolicy = cachePolicy,
        OriginRequestPolicy = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        ResponseHeadersPolicy = responseHeaders,
        ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        Compress = true,
    };
}
