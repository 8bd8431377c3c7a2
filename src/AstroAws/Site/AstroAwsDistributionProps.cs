using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.S3;

namespace Astro.Aws;

/// <summary>
/// Overrides for the site's <see cref="Distribution"/>: every <see cref="DistributionProps"/> member, with
/// <see cref="DefaultBehavior"/> typed <see cref="IAddBehaviorOptions"/> because the construct owns the origin, plus
/// <see cref="ApiBehavior"/> for <c>/api/*</c>. A property you set wins; every other keeps our default.
/// </summary>
public sealed class AstroAwsDistributionProps
{
    /// <summary>Overrides for the default behavior (pages, and everything no other behavior matches).</summary>
    /// <value>Default: server modes send every method to the server (static files are routed to S3 by the request function),
    /// with a cache policy keyed on all query strings whose TTLs are 0 / 0 / 1 year (the app's Cache-Control decides),
    /// <see cref="OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER"/>, <see cref="ResponseHeadersPolicy.SECURITY_HEADERS"/>,
    /// <see cref="ViewerProtocolPolicy.REDIRECT_TO_HTTPS"/> and compression. Static mode: S3 with
    /// <see cref="CachePolicy.CACHING_OPTIMIZED"/>. Function associations and edge lambdas you give are added to ours.</value>
    public IAddBehaviorOptions? DefaultBehavior { get; init; }

    /// <summary>Overrides for the <c>/api/*</c> behavior (server modes only).</summary>
    /// <value>Default: <see cref="AllowedMethods.ALLOW_ALL"/>, <see cref="CachePolicy.CACHING_DISABLED"/>,
    /// <see cref="OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER"/>,
    /// <see cref="ResponseHeadersPolicy.CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT_AND_SECURITY_HEADERS"/> and
    /// <see cref="ViewerProtocolPolicy.REDIRECT_TO_HTTPS"/>. Function associations and edge lambdas you give are added to ours.</value>
    public IAddBehaviorOptions? ApiBehavior { get; init; }

    /// <inheritdoc cref="DistributionProps.AdditionalBehaviors" path="/summary"/>
    /// <value>Default: none. Yours come before ours (<c>/_astro/*</c>, <c>/api/*</c>), because CloudFront takes the first pattern that matches and yours are usually narrower; a pattern equal to <c>/api/*</c> is refused (use <see cref="ApiBehavior"/>), one equal to <c>/_astro/*</c> replaces ours.</value>
    public IDictionary<string, IBehaviorOptions>? AdditionalBehaviors { get; init; }

    /// <inheritdoc cref="DistributionProps.Certificate" path="/summary"/>
    /// <value>Default: <see cref="AstroAwsProps.Certificate"/>, else none. Prefer that prop (it is checked); setting both is refused.</value>
    public ICertificate? Certificate { get; init; }

    /// <inheritdoc cref="DistributionProps.Comment" path="/summary"/>
    /// <value>Default: the <see cref="Distribution"/> default.</value>
    public string? Comment { get; init; }

    /// <inheritdoc cref="DistributionProps.DefaultRootObject" path="/summary"/>
    /// <value>Default: <c>index.html</c> in static mode; none in server modes (the server renders <c>/</c>).</value>
    public string? DefaultRootObject { get; init; }

    /// <inheritdoc cref="DistributionProps.DomainNames" path="/summary"/>
    /// <value>Default: <see cref="AstroAwsProps.DomainNames"/>, else none. Prefer that prop (it is checked, and writes DNS
    /// records and redirects); setting this together with <see cref="AstroAwsProps.DomainNames"/> or <see cref="AstroAwsProps.Certificate"/> is refused.</value>
    public string[]? DomainNames { get; init; }

    /// <inheritdoc cref="DistributionProps.Enabled" path="/summary"/>
    /// <value>Default: the <see cref="Distribution"/> default.</value>
    public bool? Enabled { get; init; }

    /// <inheritdoc cref="DistributionProps.EnableIpv6" path="/summary"/>
    /// <value>Default: the <see cref="Distribution"/> default.</value>
    public bool? EnableIpv6 { get; init; }

    /// <inheritdoc cref="DistributionProps.EnableLogging" path="/summary"/>
    /// <value>Default: the <see cref="Distribution"/> default.</value>
    public bool? EnableLogging { get; init; }

    /// <inheritdoc cref="DistributionProps.ErrorResponses" path="/summary"/>
    /// <value>Default: none in server modes (the server renders 404s); static mode answers 403 and 404 with <c>/404.html</c> and status 404 when the build has one. Yours are kept, and win for the same status code.</value>
    public IErrorResponse[]? ErrorResponses { get; init; }

    /// <inheritdoc cref="DistributionProps.GeoRestriction" path="/summary"/>
    /// <value>Default: the <see cref="Distribution"/> default.</value>
    public GeoRestriction? GeoRestriction { get; init; }

    /// <inheritdoc cref="DistributionProps.HttpVersion" path="/summary"/>
    /// <value>Default: <see cref="HttpVersion.HTTP2_AND_3"/>.</value>
    public HttpVersion? HttpVersion { get; init; }

    /// <inheritdoc cref="DistributionProps.LogBucket" path="/summary"/>
    /// <value>Default: the <see cref="Distribution"/> default.</value>
    public IBucket? LogBucket { get; init; }

    /// <inheritdoc cref="DistributionProps.LogFilePrefix" path="/summary"/>
    /// <value>Default: the <see cref="Distribution"/> default.</value>
    public string? LogFilePrefix { get; init; }

    /// <inheritdoc cref="DistributionProps.LogIncludesCookies" path="/summary"/>
    /// <value>Default: the <see cref="Distribution"/> default.</value>
    public bool? LogIncludesCookies { get; init; }

    /// <inheritdoc cref="DistributionProps.MinimumProtocolVersion" path="/summary"/>
    /// <value>Default: <see cref="SecurityPolicyProtocol.TLS_V1_2_2021"/> with a certificate; without one, CloudFront's default certificate decides.</value>
    public SecurityPolicyProtocol? MinimumProtocolVersion { get; init; }

    /// <inheritdoc cref="DistributionProps.PriceClass" path="/summary"/>
    /// <value>Default: the <see cref="Distribution"/> default.</value>
    public PriceClass? PriceClass { get; init; }

    /// <inheritdoc cref="DistributionProps.PublishAdditionalMetrics" path="/summary"/>
    /// <value>Default: the <see cref="Distribution"/> default.</value>
    public bool? PublishAdditionalMetrics { get; init; }

    /// <inheritdoc cref="DistributionProps.SslSupportMethod" path="/summary"/>
    /// <value>Default: the <see cref="Distribution"/> default.</value>
    public SSLMethod? SslSupportMethod { get; init; }

    /// <inheritdoc cref="DistributionProps.WebAclId" path="/summary"/>
    /// <value>Default: the <see cref="Distribution"/> default.</value>
    public string? WebAclId { get; init; }
}
