using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;

namespace Astro.Aws;

/// <summary>Properties of <see cref="AstroAws"/>.</summary>
public sealed class AstroAwsProps
{
    /// <summary>
    /// The Astro project folder; its build is read from <c>&lt;WebsiteDir&gt;/dist</c>. Relative paths resolve against
    /// the folder where <c>cdk synth</c> runs.
    /// </summary>
    /// <value>Default: none; set this or <see cref="OutDir"/>.</value>
    public string? WebsiteDir { get; init; }

    /// <summary>The build folder itself (what Astro calls <c>outDir</c>); wins over <see cref="WebsiteDir"/>.</summary>
    /// <value>Default: <c>&lt;WebsiteDir&gt;/dist</c>.</value>
    public string? OutDir { get; init; }

    /// <summary>
    /// Astro's <c>base</c> (e.g. <c>/docs</c>) for a static build: files are uploaded under it, and its paths are the
    /// site's. A static build records no base, so give the one in astro.config.mjs; a server build records it in
    /// <c>metadata.json</c>, which wins, and a different value here is refused.
    /// </summary>
    /// <value>Default: the server build's base, or <c>/</c> for a static build.</value>
    public string? BasePath { get; init; }

    /// <summary>Where the request function keeps the list of the build's files; see <c>docs/request-routing.md</c>.</summary>
    /// <value>Default: <see cref="RoutePlacement.Automatic"/>: in the function's code while it fits CloudFront Functions'
    /// 10 KB limit, else in a KeyValueStore (a site of about 100 pages or more).</value>
    public RoutePlacement RoutePlacement { get; init; } = RoutePlacement.Automatic;

    /// <summary>
    /// A bucket of yours for the client files, instead of the one the site creates: CloudFront reads it through the
    /// site's Origin Access Control and the two deployments upload to it as to the site's own. FilesDeployment
    /// deletes every object in it that the build does not have, so give the site a bucket of its own. A bucket
    /// imported with <c>Bucket.FromBucketName</c> keeps its policy: add the statement <c>cdk synth</c> prints. See
    /// <c>docs/configuring-deployment.md</c>.
    /// </summary>
    /// <value>Default: none: the site creates a bucket that blocks public access, uses S3-managed encryption, enforces
    /// SSL and bucket-owner object ownership (<see cref="AstroAwsCdkProps.S3Bucket"/> changes it).</value>
    public Amazon.CDK.AWS.S3.IBucket? Bucket { get; init; }

    /// <summary>
    /// Cache-Control and content type for some files outside <c>_astro/</c>, by glob (SST's <c>fileOptions</c>): each
    /// entry gets a deployment of its own (<see cref="AstroAws.FileOptionsDeployments"/>), after the hashed assets and
    /// before every other file. A file matches at most one entry. See <c>docs/configuring-deployment.md</c>.
    /// </summary>
    /// <value>Default: none: every file outside <c>_astro/</c> gets the site's revalidated Cache-Control and a content type
    /// guessed from its extension.</value>
    public IReadOnlyList<AstroAwsFileOptions>? FileOptions { get; init; }

    /// <summary>
    /// What the site invalidates after an upload (<see cref="SiteInvalidation.All"/>, <see cref="SiteInvalidation.VersionedOnly"/>,
    /// <see cref="SiteInvalidation.Paths"/>, <see cref="SiteInvalidation.None"/>), and whether the deploy waits for it
    /// (<c>with { Wait = false }</c>). See <c>docs/configuring-deployment.md</c>.
    /// </summary>
    /// <value>Default: <see cref="SiteInvalidation.All"/>, waited for: FilesDeployment invalidates <c>/*</c> under the base path.</value>
    public SiteInvalidation? Invalidation { get; init; }

    /// <summary>
    /// Your code at the viewer (basic auth, header rewrites, geo redirects), run inside the site's request function on
    /// every request to its behaviors, the hashed assets' included: after the redirect to the primary domain, before
    /// <c>x-forwarded-host</c> is set and the request is routed. It declares <c>function viewerRequest(event)</c>
    /// (cloudfront-js-2.0, may be <c>async</c>, may use the <c>cf</c> module). Change <c>event.request</c> and return
    /// nothing (or the request) to go on, or return a response (an object with <c>statusCode</c>) to answer the
    /// request yourself. See <c>docs/viewer-code.md</c>.
    /// </summary>
    /// <value>Default: none. The whole request function must stay within CloudFront Functions' 10 KB, so a long hook
    /// moves the route table into a KeyValueStore sooner.</value>
    public ViewerCode? ViewerRequest { get; init; }

    /// <summary>
    /// Your code on every response of the site's behaviors: a viewer-response CloudFront Function that declares
    /// <c>function viewerResponse(event)</c> and returns the response (changed or not). See <c>docs/viewer-code.md</c>.
    /// </summary>
    /// <value>Default: none: no viewer-response function.</value>
    public ViewerCode? ViewerResponse { get; init; }

    /// <summary>
    /// How many instances of the server function to keep warm (SST's <c>warm</c>), for sites whose cold starts hurt: every
    /// 5 minutes, and once after each deploy, a warmer function invokes the server function this many times at once; the
    /// server's handler becomes a small entry that answers those invocations after 100 ms without rendering, and hands
    /// every request to the adapter's handler. Costs Warm + 1 short invocations every 5 minutes. ssr and ssr-stream only
    /// (refused in edge and static mode); at most 1000. See <c>docs/keep-warm.md</c>.
    /// </summary>
    /// <value>Default: none (or 0): no warmer, and the server's handler is the adapter's <c>entry.handler</c>.</value>
    public int? Warm { get; init; }

    /// <summary>
    /// How the server function gets <c>sharp</c> for Astro's image service (<c>/_image</c>): a Lambda layer that
    /// <c>cdk synth</c> installs with npm for the function's architecture, a layer of yours, or none
    /// (<see cref="AstroAwsImages.None"/>). See <c>docs/images.md</c>.
    /// </summary>
    /// <value>Default: in ssr and ssr-stream mode, when the build uses Astro's sharp image service (Astro's default), a
    /// layer with sharp <see cref="AstroAwsImages.DefaultSharpVersion"/> for the function's architecture, which needs npm
    /// 10.1 or later at synth; none otherwise. Edge mode gets none (Lambda@Edge takes no layers) and a warning.</value>
    public AstroAwsImages? Images { get; init; }

    /// <summary>Overrides for the resources the construct creates.</summary>
    /// <value>Default: none; every resource uses the defaults documented on <see cref="AstroAwsCdkProps"/>.</value>
    public AstroAwsCdkProps? Cdk { get; init; }

    /// <summary>
    /// How the server function URL is protected from direct calls that bypass CloudFront (ssr and ssr-stream only; edge
    /// and static builds have no function URL and refuse every protection but <see cref="FunctionUrlProtection.None"/>).
    /// </summary>
    /// <value>Default: <see cref="FunctionUrlProtection.None"/>: the URL is public (auth <c>NONE</c>), as in the
    /// TypeScript original. <see cref="FunctionUrlProtection.OriginAccessControl"/> breaks POST/PUT bodies sent without
    /// <c>x-amz-content-sha256</c> (browser form posts, Astro Actions);
    /// <see cref="FunctionUrlProtection.OriginAccessControlWithEdgeSigning"/> adds a Lambda@Edge signer that keeps them
    /// working up to 1 MB; see <c>docs/function-url-protection.md</c>.</value>
    public FunctionUrlProtection FunctionUrlProtection { get; init; } = FunctionUrlProtection.None;

    /// <summary>
    /// The site's own host names, e.g. <c>["www.example.com", "example.com"]</c>; the first is the primary name (the
    /// <c>CustomDomainUrl</c> output, and the target of <see cref="RedirectToPrimaryDomain"/>). Requires
    /// <see cref="Certificate"/>. Do not also set <c>Cdk.CloudfrontDistribution.DomainNames</c> or <c>.Certificate</c>.
    /// </summary>
    /// <value>Default: none; the site answers only at its <c>*.cloudfront.net</c> name.</value>
    public string[]? DomainNames { get; init; }

    /// <summary>
    /// The certificate for <see cref="DomainNames"/>. It must be in us-east-1 (CloudFront's rule): a certificate whose
    /// ARN names another region, or one created in a stack whose region is another, is refused. With it, viewers need
    /// TLS 1.2 or later (<c>TLSv1.2_2021</c>) unless <c>Cdk.CloudfrontDistribution.MinimumProtocolVersion</c> says otherwise.
    /// </summary>
    /// <value>Default: none. With <see cref="DomainNames"/> and <see cref="HostedZone"/> in a us-east-1 stack, the site
    /// creates a DNS-validated certificate for every name (<see cref="AstroAws.Certificate"/>); in any other region give
    /// one from a us-east-1 stack (docs/hardening.md).</value>
    public ICertificate? Certificate { get; init; }

    /// <summary>
    /// The Route 53 zone that holds <see cref="DomainNames"/>: an A and an AAAA alias record pointing at the
    /// distribution are written for each name (no AAAA records when <c>Cdk.CloudfrontDistribution.EnableIpv6</c> is false).
    /// </summary>
    /// <value>Default: none; no DNS records are written, and you point the names at the distribution yourself.</value>
    public IHostedZone? HostedZone { get; init; }

    /// <summary>
    /// Whether a request to any name of <see cref="DomainNames"/> but the first is answered with a 301 to the same path
    /// and query on the first (e.g. <c>example.com/x</c> to <c>https://www.example.com/x</c>). The redirect is part of the
    /// site's viewer-request function, so it applies to every behavior that runs it (all but <c>/_astro/*</c> and your
    /// own <c>AdditionalBehaviors</c>).
    /// </summary>
    /// <value>Default: false; every name serves the site.</value>
    public bool RedirectToPrimaryDomain { get; init; }

    /// <summary>
    /// What a request to the distribution's own <c>*.cloudfront.net</c> name gets once the site has
    /// <see cref="DomainNames"/>; the site's request function answers it, before any code of yours runs.
    /// </summary>
    /// <value>Default: <see cref="DefaultDomainAccess.Redirect"/> to the primary name when <see cref="DomainNames"/> is set
    /// and its first name is not a wildcard; otherwise <see cref="DefaultDomainAccess.Serve"/>. Without DomainNames only
    /// Serve is allowed.</value>
    public DefaultDomainAccess? DefaultDomain { get; init; }
}
