using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Experimental;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Route53;
using LogGroup = Amazon.CDK.AWS.Logs.LogGroup;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Astro.Aws.Plan;
using Astro.Aws.Render;
using Constructs;
using CloudFrontFunction = Amazon.CDK.AWS.CloudFront.Function;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Astro.Aws;

/// <summary>
/// Deploys an Astro build (<c>@astro-aws/adapter</c>, or a plain static build) to S3, Lambda and CloudFront. Every
/// request reaches exactly one origin: files of the build come from S3 (Origin Access Control), server-rendered paths
/// from the Lambda, with every method, query string, cookie and viewer header but Host.
/// </summary>
public class AstroAws : Construct
{
    /// <summary>Creates the site.</summary>
    /// <param name="scope">The parent construct, usually a stack.</param>
    /// <param name="id">The construct ID; it prefixes every child's logical ID, so keep it stable.</param>
    /// <param name="props">Where the build is and what to override.</param>
    /// <exception cref="ArgumentException">The build is missing or unreadable, or an override is invalid; the message says which prop and what to do.</exception>
    public AstroAws(Construct scope, string id, AstroAwsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Build = AstroBuild.Read(props.WebsiteDir, props.OutDir, props.BasePath);
        Plan = SitePlanner.Plan(this, Build, props);
        var parts = SiteRenderer.Render(this, Plan);

        Bucket = parts.Bucket;
        S3Origin = parts.S3Origin;
        RouteStore = parts.RouteStore;
        RequestFunction = parts.RequestFunction;
        ResponseFunction = parts.ResponseFunction;
        ServerFunction = parts.ServerFunction;
        ImageLayer = parts.ImageLayer;
        ServerLogGroup = parts.ServerLogGroup;
        FunctionUrl = parts.FunctionUrl;
        ServerOrigin = parts.ServerOrigin;
        EdgeFunction = parts.EdgeFunction;
        UrlSigner = parts.UrlSigner;
        Certificate = parts.Certificate;
        ServerCachePolicy = parts.ServerCachePolicy;
        Distribution = parts.Distribution;
        ServerOriginAccessControl = parts.ServerOriginAccessControl;
        DomainARecords = parts.DomainARecords;
        DomainAaaaRecords = parts.DomainAaaaRecords;
        AssetsDeployment = parts.AssetsDeployment;
        FilesDeployment = parts.FilesDeployment;
        FileOptionsDeployments = parts.FileOptionsDeployments;
        Invalidation = parts.Invalidation;
        Warmer = parts.Warm?.Warmer;
        WarmerLogGroup = parts.Warm?.LogGroup;
        WarmerSchedule = parts.Warm?.Schedule;
        WarmUp = parts.Warm?.WarmUp;
        CustomDomainUrl = Plan.Domain is null ? null : $"https://{Plan.Domain.Primary}";

        // Last, so it sees every resource the site made: cdk-nag suppressions with reasons, listed in docs/security.md.
        Security.SiteSuppressions.Apply(this);
    }

    /// <summary>What the site was decided to be, before it was rendered; tests read it beside the template.</summary>
    internal SitePlan Plan { get; }

    /// <summary>The build this site deploys, as read from disk.</summary>
    public AstroBuild Build { get; }

    /// <summary>The serving mode detected from the build.</summary>
    public AstroAwsMode Mode => Build.Mode;

    /// <summary>The bucket that holds the client files: the site's own, or <see cref="AstroAwsProps.Bucket"/>.</summary>
    public IBucket Bucket { get; }

    /// <summary>The deployment of hashed <c>_astro/*</c> files (immutable, never pruned).</summary>
    public BucketDeployment AssetsDeployment { get; }

    /// <summary>The deployment of every other file (short cache, pruned, invalidated).</summary>
    public BucketDeployment FilesDeployment { get; }

    /// <summary>The custom resource that requests the invalidation without waiting (<see cref="SiteInvalidation.Wait"/> false); null otherwise.</summary>
    public Amazon.CDK.CustomResources.AwsCustomResource? Invalidation { get; }

    /// <summary>One deployment per <see cref="AstroAwsProps.FileOptions"/> entry, in order (never pruned); empty without them.</summary>
    public IReadOnlyList<BucketDeployment> FileOptionsDeployments { get; }

    /// <summary>The S3 origin, with Origin Access Control.</summary>
    public IOrigin S3Origin { get; }

    /// <summary>The server function in ssr and ssr-stream mode; null otherwise.</summary>
    public LambdaFunction? ServerFunction { get; }

    /// <summary>
    /// The sharp layer on <see cref="ServerFunction"/> for Astro's image service: the one the site made (a
    /// <see cref="LayerVersion"/>) or <see cref="AstroAwsImages.Layer"/>; null without a regional server, with
    /// <see cref="AstroAwsImages.None"/>, or when the build uses another image service.
    /// </summary>
    public ILayerVersion? ImageLayer { get; }

    /// <summary>The server function's log group in ssr and ssr-stream mode, unless <c>LambdaFunction.LogRetention</c> is set; null otherwise.</summary>
    public LogGroup? ServerLogGroup { get; }

    /// <summary>
    /// The function that keeps <see cref="AstroAwsProps.Warm"/> instances of <see cref="ServerFunction"/> warm, invoking it
    /// that many times at once; null without Warm.
    /// </summary>
    public LambdaFunction? Warmer { get; }

    /// <summary>The warmer's log group (kept for one month); null without <see cref="AstroAwsProps.Warm"/>.</summary>
    public LogGroup? WarmerLogGroup { get; }

    /// <summary>The EventBridge rule that runs <see cref="Warmer"/> every 5 minutes; null without <see cref="AstroAwsProps.Warm"/>.</summary>
    public Amazon.CDK.AWS.Events.Rule? WarmerSchedule { get; }

    /// <summary>The custom resource that runs <see cref="Warmer"/> once after each deploy of a new server build, without waiting for it; null without <see cref="AstroAwsProps.Warm"/>.</summary>
    public Amazon.CDK.CustomResources.AwsCustomResource? WarmUp { get; }

    /// <summary>The Lambda@Edge function in edge mode; null otherwise.</summary>
    public EdgeFunction? EdgeFunction { get; }

    /// <summary>
    /// The Lambda@Edge function that hashes request bodies into <c>x-amz-content-sha256</c> on the server's behaviors,
    /// with <see cref="FunctionUrlProtection.OriginAccessControlWithEdgeSigning"/>; null otherwise.
    /// </summary>
    public EdgeFunction? UrlSigner { get; }

    /// <summary>
    /// The certificate of <see cref="AstroAwsProps.DomainNames"/>: <see cref="AstroAwsProps.Certificate"/>, or the
    /// DNS-validated one the site created (with a hosted zone, in a us-east-1 stack); null without custom domains.
    /// </summary>
    public Amazon.CDK.AWS.CertificateManager.ICertificate? Certificate { get; }

    /// <summary>The server function URL in ssr and ssr-stream mode; null otherwise.</summary>
    public FunctionUrl? FunctionUrl { get; }

    /// <summary>The CloudFront origin in front of <see cref="FunctionUrl"/>; null when there is none.</summary>
    public IOrigin? ServerOrigin { get; }

    /// <summary>
    /// The KeyValueStore that holds the route table when the build is too large for the request function's own code
    /// (see <see cref="AstroAwsProps.RoutePlacement"/>); null otherwise. Its name follows its contents, so a build with a
    /// different file list replaces it.
    /// </summary>
    public KeyValueStore? RouteStore { get; }

    /// <summary>The viewer-request CloudFront Function that routes build files to S3 and sets <c>x-forwarded-host</c>.</summary>
    public CloudFrontFunction RequestFunction { get; }

    /// <summary>The viewer-response CloudFront Function that runs <see cref="AstroAwsProps.ViewerResponse"/>; null without it.</summary>
    public CloudFrontFunction? ResponseFunction { get; }

    /// <summary>
    /// The cache policy of server responses (all query strings in the key, TTL 0 / 0 / 1 year) in server modes; null for a
    /// static build or when <see cref="AstroAwsDistributionProps.DefaultBehavior"/> sets its own cache policy.
    /// </summary>
    public CachePolicy? ServerCachePolicy { get; }

    /// <summary>The distribution.</summary>
    public Distribution Distribution { get; }

    /// <summary>
    /// The Origin Access Control of type <c>lambda</c> that CloudFront signs its requests to <see cref="FunctionUrl"/>
    /// with, when <see cref="AstroAwsProps.FunctionUrlProtection"/> is <see cref="FunctionUrlProtection.OriginAccessControl"/> or <see cref="FunctionUrlProtection.OriginAccessControlWithEdgeSigning"/>; null otherwise.
    /// </summary>
    public CfnOriginAccessControl? ServerOriginAccessControl { get; }

    /// <summary><c>https://</c> and the first of <see cref="AstroAwsProps.DomainNames"/>; null without a custom domain.</summary>
    public string? CustomDomainUrl { get; }

    /// <summary>The A alias records, one per name of <see cref="AstroAwsProps.DomainNames"/> in order; empty without <see cref="AstroAwsProps.HostedZone"/>.</summary>
    public IReadOnlyList<ARecord> DomainARecords { get; }

    /// <summary>The AAAA alias records, one per name of <see cref="AstroAwsProps.DomainNames"/> in order; empty without <see cref="AstroAwsProps.HostedZone"/>, or when IPv6 is off.</summary>
    public IReadOnlyList<AaaaRecord> DomainAaaaRecords { get; }
}
