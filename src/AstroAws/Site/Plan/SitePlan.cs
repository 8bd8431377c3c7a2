using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Experimental;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Lambda;
using FunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Astro.Aws.Parts;
using Astro.Aws.Routing;

namespace Astro.Aws.Plan;

/// <summary>
/// The whole site, decided before any construct exists: what each resource gets (our defaults with the caller's
/// overrides already on them), which origin answers which path, where the route table lives, what is uploaded how,
/// and what is reported. <see cref="SitePlanner"/> makes and checks it; <see cref="Render.SiteRenderer"/> only turns
/// it into constructs, filling in the references between them (origins, functions, policies) that a plan cannot hold.
/// </summary>
internal sealed record SitePlan
{
    public required AstroBuild Build { get; init; }

    public required SitePaths Paths { get; init; }

    /// <summary>The props of the bucket the site creates; null when the caller brings one (<see cref="CallerBucket"/>).</summary>
    public BucketProps? Bucket { get; init; }

    /// <summary>The caller's bucket (<see cref="AstroAwsProps.Bucket"/>), or null.</summary>
    public IBucket? CallerBucket { get; init; }

    /// <summary>The S3 origin's props; their OriginAccessControl is ours (created at render) when <see cref="OurS3OriginAccessControl"/>.</summary>
    public required S3BucketOriginWithOACProps S3Origin { get; init; }

    public required bool OurS3OriginAccessControl { get; init; }

    /// <summary>The regional server (ssr, ssr-stream), or null.</summary>
    public RegionalServerPlan? RegionalServer { get; init; }

    /// <summary>The warmer of <see cref="AstroAwsProps.Warm"/> (ssr and ssr-stream only), or null when the site is not kept warm.</summary>
    public WarmPlan? Warm { get; init; }

    /// <summary>The regional server's sharp layer for Astro's image service, or null.</summary>
    public ImageLayerPlan? ImageLayer { get; init; }

    /// <summary>The Lambda@Edge server (edge), or null.</summary>
    public EdgeFunctionProps? EdgeServer { get; init; }

    /// <summary>The body signer on the server's behaviors (<see cref="FunctionUrlProtection.OriginAccessControlWithEdgeSigning"/>), or null.</summary>
    public EdgeFunctionProps? UrlSigner { get; init; }

    /// <summary>Our cache policy for server responses, or null when there is no server or the caller brings their own.</summary>
    public CachePolicyProps? ServerCachePolicy { get; init; }

    public required RoutingPlan Routing { get; init; }

    /// <summary>The viewer-response function's code (the caller's <see cref="AstroAwsProps.ViewerResponse"/>), or null.</summary>
    public string? ResponseFunctionCode { get; init; }

    /// <summary>Every distribution setting but the behaviors, which are <see cref="DefaultBehavior"/> and <see cref="AdditionalBehaviors"/>.</summary>
    public required DistributionProps Distribution { get; init; }

    public required BehaviorPlan DefaultBehavior { get; init; }

    /// <summary>In CloudFront's order: the caller's first, then ours.</summary>
    public required IReadOnlyList<BehaviorPlan> AdditionalBehaviors { get; init; }

    public SiteDomain? Domain { get; init; }

    /// <summary>Whether AAAA records are written beside the A records.</summary>
    public required bool Ipv6 { get; init; }

    /// <summary>The invalidation a custom resource requests after the uploads, without waiting; null when FilesDeployment invalidates (and waits) or nothing is invalidated.</summary>
    public InvalidationPlan? RequestedInvalidation { get; init; }

    /// <summary>In deploy order: each waits for the one before it.</summary>
    public required IReadOnlyList<DeploymentPlan> Deployments { get; init; }

    public required IReadOnlyList<OutputPlan> Outputs { get; init; }

    /// <summary>What synthesis reports about the site (cdk's annotations), in order.</summary>
    public required IReadOnlyList<SiteNote> Notes { get; init; }

    /// <summary>The server function URL is signed by CloudFront (an Origin Access Control, with or without the body signer).</summary>
    public bool ProtectedUrl => RegionalServer?.Protected == true;

    /// <summary>Every behavior, the default first.</summary>
    public IEnumerable<BehaviorPlan> Behaviors => [DefaultBehavior, .. AdditionalBehaviors];
}

/// <summary>The server function of ssr and ssr-stream mode, its URL and the origin in front of it.</summary>
/// <param name="Function">Its props; <c>LogGroup</c> is ours (created at render) when <paramref name="OurLogGroup"/>.</param>
/// <param name="OurLogGroup">Whether the site creates the log group (the caller set neither LogGroup nor LogRetention).</param>
/// <param name="Url">The function URL's options.</param>
/// <param name="Origin">The CloudFront origin's props.</param>
/// <param name="Protected">CloudFront signs its requests (Origin Access Control); else the URL is public.</param>
internal sealed record RegionalServerPlan(FunctionProps Function, bool OurLogGroup, FunctionUrlOptions Url, FunctionUrlOriginProps Origin, bool Protected);

/// <summary>Keeping <paramref name="Instances"/> server instances warm.</summary>
/// <param name="Instances">How many invocations the warmer sends at once.</param>
/// <param name="Warmer">The warmer's props but its environment, which names the server function.</param>
/// <param name="Interval">How often the schedule runs the warmer.</param>
internal sealed record WarmPlan(int Instances, FunctionProps Warmer, Amazon.CDK.Duration Interval);

/// <summary>Which of the site's origins a behavior targets.</summary>
internal enum OriginRole
{
    /// <summary>The S3 bucket of the build's files.</summary>
    Files,

    /// <summary>The server: the function URL, or in edge mode the S3 origin that carries the edge handler.</summary>
    Server,

    /// <summary>An origin of the caller's own (an <c>AdditionalBehaviors</c> entry).</summary>
    Caller,
}

/// <summary>
/// One cache behavior: its settings with the caller's overrides merged in, and the slots the renderer fills with
/// constructs. Function associations and edge lambdas in <see cref="Options"/> are the caller's; ours come first.
/// </summary>
/// <param name="PathPattern">The path pattern, or null for the default behavior.</param>
/// <param name="Origin">Whose origin answers.</param>
/// <param name="Options">The merged settings (no origin for ours; the caller's behavior as given for theirs).</param>
/// <param name="RequestFunction">The site's request function runs on viewer requests.</param>
/// <param name="EdgeHandler">The Astro edge handler runs on origin requests and responses.</param>
/// <param name="UsesServerCachePolicy">The cache policy is <see cref="SitePlan.ServerCachePolicy"/>.</param>
/// <param name="SignsBodies">The body signer (<see cref="SitePlan.UrlSigner"/>) runs on origin requests, with the body.</param>
/// <param name="ResponseFunction">The viewer-response function (<see cref="SitePlan.ResponseFunctionCode"/>) runs on viewer responses.</param>
internal sealed record BehaviorPlan(string? PathPattern, OriginRole Origin, IBehaviorOptions Options, bool RequestFunction, bool EdgeHandler, bool UsesServerCachePolicy, bool SignsBodies = false, bool ResponseFunction = false);

/// <summary>The request function and the table it routes with.</summary>
/// <param name="Code">The code, with <see cref="RequestFunctionCode.BucketDomainPlaceholder"/> and <see cref="RequestFunctionCode.StoreIdPlaceholder"/> left in.</param>
/// <param name="Comment">The function's comment.</param>
/// <param name="Table">The files it routes.</param>
/// <param name="Placement">Where the table lives (never <see cref="RoutePlacement.Automatic"/>).</param>
/// <param name="StoreName">The KeyValueStore's name, from the table's content hash; null when the table is inline.</param>
/// <param name="CodeBytes">The code's size once deployed (placeholders at their longest).</param>
internal sealed record RoutingPlan(string Code, string Comment, RouteTable Table, RoutePlacement Placement, string? StoreName, int CodeBytes);

/// <summary>One upload of the client files.</summary>
/// <param name="Id">The construct ID.</param>
/// <param name="Props">Every prop but the sources, bucket and key prefix (the renderer's) and the distribution when <paramref name="InvalidatesSite"/>.</param>
/// <param name="InvalidatesSite">The deployment invalidates the site's own distribution.</param>
internal sealed record DeploymentPlan(string Id, BucketDeploymentProps Props, bool InvalidatesSite);

/// <summary>What a stack output shows.</summary>
internal enum OutputValue
{
    SiteUrl,
    CustomDomainUrl,
    DistributionId,
    BucketName,
}

/// <summary>One stack output.</summary>
internal sealed record OutputPlan(string Id, OutputValue Value, string Description);

/// <summary>How loud a <see cref="SiteNote"/> is.</summary>
internal enum NoteLevel
{
    Info,
    Warning,
}

/// <summary>One annotation; warnings carry an ID a caller can acknowledge.</summary>
internal sealed record SiteNote(NoteLevel Level, string Message, string? WarningId = null);
