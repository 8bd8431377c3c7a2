using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Experimental;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Route53;
using LogGroup = Amazon.CDK.AWS.Logs.LogGroup;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Astro.Aws.Overrides;
using Astro.Aws.Parts;
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
        var cdk = props.Cdk ?? new AstroAwsCdkProps();
        Build = AstroBuild.Read(props.WebsiteDir, props.OutDir);
        Annotations.Of(this).AddInfo($"AstroAws: the build in '{Build.DistDirectory}' is in {ModeName(Build.Mode)} mode ({ModeMeaning(Build.Mode)}).");
        var paths = new SitePaths(Build);
        var domain = SiteDomain.From(this, props);
        var protectUrl = props.FunctionUrlProtection == FunctionUrlProtection.OriginAccessControl;

        RefuseObjectWriter(cdk.S3Bucket?.ObjectOwnership);
        Bucket = new Bucket(this, SiteIds.Bucket, PropsMerge.Overlay(
            new BucketProps
            {
                BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
                Encryption = BucketEncryption.S3_MANAGED,
                EnforceSSL = true,
                ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            },
            cdk.S3Bucket));
        RefuseIgnoredByCdk(cdk.S3Origin?.OriginAccessControlId, "S3Origin", "set OriginAccessControl = S3OriginAccessControl.FromOriginAccessControlId(scope, id, \"<your id>\") instead");
        RefuseIgnoredByCdk(cdk.LambdaFunctionOrigin?.OriginAccessControlId, "LambdaFunctionOrigin", "to protect the function URL, set AstroAwsProps.FunctionUrlProtection = FunctionUrlProtection.OriginAccessControl");
        S3Origin = S3BucketOrigin.WithOriginAccessControl(Bucket, PropsMerge.Overlay(
            new S3BucketOriginWithOACProps
            {
                // Ours only when the caller brings none: CDK's own would be named without the region.
                OriginAccessControl = cdk.S3Origin?.OriginAccessControl is null
                    ? new S3OriginAccessControl(this, SiteIds.S3OriginAccessControl, new S3OriginAccessControlProps { OriginAccessControlName = OriginAccessControlNames.For(this, "S3") })
                    : null,
            },
            cdk.S3Origin));
        RequestFunction = RequestFunctionFactory.Create(this, Build, Bucket, domain?.HostRedirect, carryAuthorization: protectUrl);

        IOrigin? server = null;
        IEdgeLambda[]? edgeLambdas = null;
        if (Build.Mode is AstroAwsMode.Ssr or AstroAwsMode.SsrStream)
        {
            var originProps = PropsMerge.Overlay(new FunctionUrlOriginProps { ReadTimeout = ServerDefaults.OriginReadTimeout }, cdk.LambdaFunctionOrigin);
            (ServerFunction, ServerLogGroup) = ServerFunctionFactory.CreateRegional(this, Build, cdk.LambdaFunction, originProps.ReadTimeout ?? ServerDefaults.OriginReadTimeout);
            var authType = protectUrl ? FunctionUrlAuthType.AWS_IAM : FunctionUrlAuthType.NONE;
            RefuseContradictingAuthType(cdk.LambdaFunctionUrl?.AuthType, authType, props.FunctionUrlProtection);
            FunctionUrl = ServerFunction.AddFunctionUrl(PropsMerge.Overlay(
                new FunctionUrlOptions
                {
                    AuthType = authType,
                    InvokeMode = Build.Mode == AstroAwsMode.SsrStream ? InvokeMode.RESPONSE_STREAM : InvokeMode.BUFFERED,
                },
                cdk.LambdaFunctionUrl));
            if (!protectUrl)
            {
                FunctionUrlPermissions.AllowPublicInvoke(ServerFunction);
            }

            ServerOrigin = new FunctionUrlOrigin(FunctionUrl, originProps);
            server = ServerOrigin;
        }
        else if (Build.Mode == AstroAwsMode.Edge)
        {
            RefuseUnused(cdk.LambdaFunctionUrl, "LambdaFunctionUrl", "edge mode runs the server as Lambda@Edge, which has no function URL");
            RefuseUnused(cdk.LambdaFunctionOrigin, "LambdaFunctionOrigin", "edge mode runs the server as Lambda@Edge on the S3 origin");
            RefuseProtectionWithoutUrl(props.FunctionUrlProtection, "edge mode runs the server as Lambda@Edge on the S3 origin, which the S3 Origin Access Control already protects");
            EdgeFunction = ServerFunctionFactory.CreateEdge(this, Build, cdk.LambdaFunction);
            edgeLambdas =
            [
                new EdgeLambda { EventType = LambdaEdgeEventType.ORIGIN_REQUEST, FunctionVersion = EdgeFunction.CurrentVersion, IncludeBody = true },
                new EdgeLambda { EventType = LambdaEdgeEventType.ORIGIN_RESPONSE, FunctionVersion = EdgeFunction.CurrentVersion },
            ];
            server = S3Origin;
        }
        else
        {
            RefuseUnused(cdk.LambdaFunction, "LambdaFunction", "a static build has no server");
            RefuseUnused(cdk.LambdaFunctionUrl, "LambdaFunctionUrl", "a static build has no server");
            RefuseUnused(cdk.LambdaFunctionOrigin, "LambdaFunctionOrigin", "a static build has no server");
            RefuseProtectionWithoutUrl(props.FunctionUrlProtection, "a static build has no server");
        }

        // Only created when it is used: a caller's DefaultBehavior.CachePolicy replaces it.
        ServerCachePolicy = Build.HasServer && cdk.CloudfrontDistribution?.DefaultBehavior?.CachePolicy is null ? BehaviorDefaults.ServerCachePolicy(this) : null;
        Distribution = DistributionFactory.Create(this, Build, paths, new SiteRouting(S3Origin, server, edgeLambdas, RequestFunction, ServerCachePolicy), domain, cdk.CloudfrontDistribution);
        if (protectUrl)
        {
            ServerOriginAccessControl = FunctionUrlAccessControl.Protect(this, ServerFunction!, FunctionUrl!, Distribution);
            Annotations.Of(this).AddWarningV2(
                "@astroaws/site:oacRequestBodies",
                "AstroAws: FunctionUrlProtection.OriginAccessControl makes Lambda refuse POST and PUT requests with a body unless the viewer sends its SHA-256 in x-amz-content-sha256, "
                + "which browsers never do: HTML form posts and Astro Actions fail. Bearer tokens reach the app in x-forwarded-authorization. See docs/function-url-protection.md.");
        }

        (DomainARecords, DomainAaaaRecords) = domain?.CreateRecords(this, Distribution, ipv6: cdk.CloudfrontDistribution?.EnableIpv6 ?? true) ?? ([], []);
        (AssetsDeployment, FilesDeployment) = DeploymentFactory.Create(this, Build, paths, Bucket, Distribution, cdk.S3BucketDeployment);

        _ = new CfnOutput(this, SiteIds.SiteUrlOutput, new CfnOutputProps { Value = $"https://{Distribution.DistributionDomainName}", Description = "The site's CloudFront URL" });
        if (domain is not null)
        {
            CustomDomainUrl = $"https://{domain.Primary}";
            _ = new CfnOutput(this, SiteIds.CustomDomainUrlOutput, new CfnOutputProps { Value = CustomDomainUrl, Description = "The site's URL at its primary custom domain name" });
        }

        _ = new CfnOutput(this, SiteIds.DistributionIdOutput, new CfnOutputProps { Value = Distribution.DistributionId, Description = "The CloudFront distribution ID" });
        _ = new CfnOutput(this, SiteIds.BucketNameOutput, new CfnOutputProps { Value = Bucket.BucketName, Description = "The bucket that holds the client files" });

        // Last, so it sees every resource the site made: cdk-nag suppressions with reasons, listed in docs/security.md.
        Security.SiteSuppressions.Apply(this);
    }

    /// <summary>The build this site deploys, as read from disk.</summary>
    public AstroBuild Build { get; }

    /// <summary>The serving mode detected from the build.</summary>
    public AstroAwsMode Mode => Build.Mode;

    /// <summary>The bucket that holds the client files.</summary>
    public Bucket Bucket { get; }

    /// <summary>The deployment of hashed <c>_astro/*</c> files (immutable, never pruned).</summary>
    public BucketDeployment AssetsDeployment { get; }

    /// <summary>The deployment of every other file (short cache, pruned, invalidated).</summary>
    public BucketDeployment FilesDeployment { get; }

    /// <summary>The S3 origin, with Origin Access Control.</summary>
    public IOrigin S3Origin { get; }

    /// <summary>The server function in ssr and ssr-stream mode; null otherwise.</summary>
    public LambdaFunction? ServerFunction { get; }

    /// <summary>The server function's log group in ssr and ssr-stream mode, unless <c>LambdaFunction.LogRetention</c> is set; null otherwise.</summary>
    public LogGroup? ServerLogGroup { get; }

    /// <summary>The Lambda@Edge function in edge mode; null otherwise.</summary>
    public EdgeFunction? EdgeFunction { get; }

    /// <summary>The server function URL in ssr and ssr-stream mode; null otherwise.</summary>
    public FunctionUrl? FunctionUrl { get; }

    /// <summary>The CloudFront origin in front of <see cref="FunctionUrl"/>; null when there is none.</summary>
    public IOrigin? ServerOrigin { get; }

    /// <summary>The viewer-request CloudFront Function that routes build files to S3 and sets <c>x-forwarded-host</c>.</summary>
    public CloudFrontFunction RequestFunction { get; }

    /// <summary>
    /// The cache policy of server responses (all query strings in the key, TTL 0 / 0 / 1 year) in server modes; null for a
    /// static build or when <see cref="AstroAwsDistributionProps.DefaultBehavior"/> sets its own cache policy.
    /// </summary>
    public CachePolicy? ServerCachePolicy { get; }

    /// <summary>The distribution.</summary>
    public Distribution Distribution { get; }

    /// <summary>
    /// The Origin Access Control of type <c>lambda</c> that CloudFront signs its requests to <see cref="FunctionUrl"/>
    /// with, when <see cref="AstroAwsProps.FunctionUrlProtection"/> is <see cref="FunctionUrlProtection.OriginAccessControl"/>; null otherwise.
    /// </summary>
    public CfnOriginAccessControl? ServerOriginAccessControl { get; }

    /// <summary><c>https://</c> and the first of <see cref="AstroAwsProps.DomainNames"/>; null without a custom domain.</summary>
    public string? CustomDomainUrl { get; }

    /// <summary>The A alias records, one per name of <see cref="AstroAwsProps.DomainNames"/> in order; empty without <see cref="AstroAwsProps.HostedZone"/>.</summary>
    public IReadOnlyList<ARecord> DomainARecords { get; }

    /// <summary>The AAAA alias records, one per name of <see cref="AstroAwsProps.DomainNames"/> in order; empty without <see cref="AstroAwsProps.HostedZone"/>, or when IPv6 is off.</summary>
    public IReadOnlyList<AaaaRecord> DomainAaaaRecords { get; }

    private static string ModeName(AstroAwsMode mode) => mode switch
    {
        AstroAwsMode.SsrStream => "ssr-stream",
        _ => mode.ToString().ToLowerInvariant(),
    };

    private static string ModeMeaning(AstroAwsMode mode) => mode switch
    {
        AstroAwsMode.Static => "files from S3 only, no server",
        AstroAwsMode.Ssr => "server pages from a Lambda function URL, buffered responses up to 6 MB",
        AstroAwsMode.SsrStream => "server pages from a Lambda function URL, streamed responses up to 200 MB",
        _ => "server pages from Lambda@Edge in us-east-1, request bodies up to 1 MB, generated responses up to 1 MB",
    };

    /// <summary>aws-cdk-lib 2.160's OriginBase accepts OriginProps.OriginAccessControlId but never renders it, so the value would vanish silently.</summary>
    private static void RefuseIgnoredByCdk(string? originAccessControlId, string propName, string instead)
    {
        if (originAccessControlId is not null)
        {
            throw new ArgumentException(
                $"AstroAwsCdkProps.{propName}.OriginAccessControlId: received '{originAccessControlId}', but aws-cdk-lib 2.160 ignores OriginAccessControlId on origins, so it would have no effect. Remove it; {instead}.",
                $"AstroAwsCdkProps.{propName}.OriginAccessControlId");
        }
    }

    /// <summary>CloudFront reads the bucket through an Origin Access Control, which needs object ownership enforced, or preferred where ACLs are needed (rule cloudfront/s3-origin-access).</summary>
    private static void RefuseObjectWriter(ObjectOwnership? ownership)
    {
        if (ownership == ObjectOwnership.OBJECT_WRITER)
        {
            throw new ArgumentException(
                "AstroAwsCdkProps.S3Bucket.ObjectOwnership: received OBJECT_WRITER, but CloudFront reads the site bucket through an Origin Access Control, which needs the bucket owner to own every object. "
                + "Leave ObjectOwnership unset (BUCKET_OWNER_ENFORCED), or use BUCKET_OWNER_PREFERRED if you need ACLs.",
                "AstroAwsCdkProps.S3Bucket.ObjectOwnership");
        }
    }

    private static void RefuseContradictingAuthType(FunctionUrlAuthType? requested, FunctionUrlAuthType required, FunctionUrlProtection protection)
    {
        if (requested is { } authType && authType != required)
        {
            var fix = protection == FunctionUrlProtection.None
                ? "Remove AuthType: to protect the URL set AstroAwsProps.FunctionUrlProtection = FunctionUrlProtection.OriginAccessControl, which also makes CloudFront sign its requests (AWS_IAM alone would refuse them all)"
                : "Remove AuthType (OriginAccessControl sets AWS_IAM), or set AstroAwsProps.FunctionUrlProtection = FunctionUrlProtection.None for a public URL";
            throw new ArgumentException(
                $"AstroAwsCdkProps.LambdaFunctionUrl.AuthType: received {authType}, but AstroAwsProps.FunctionUrlProtection is {protection}, which needs {required}. {fix}.",
                "AstroAwsCdkProps.LambdaFunctionUrl.AuthType");
        }
    }

    private static void RefuseProtectionWithoutUrl(FunctionUrlProtection protection, string why)
    {
        if (protection != FunctionUrlProtection.None)
        {
            throw new ArgumentException(
                $"AstroAwsProps.FunctionUrlProtection: received {protection}, but {why}, so there is no function URL to protect. Leave FunctionUrlProtection at None, or build the site in ssr or ssr-stream mode.",
                "AstroAwsProps.FunctionUrlProtection");
        }
    }

    private static void RefuseUnused(object? value, string propName, string why)
    {
        if (value is not null)
        {
            throw new ArgumentException(
                $"AstroAwsCdkProps.{propName}: received overrides, but {why}, so they would have no effect. Remove them, or build the site in a mode that uses them.",
                $"AstroAwsCdkProps.{propName}");
        }
    }
}
