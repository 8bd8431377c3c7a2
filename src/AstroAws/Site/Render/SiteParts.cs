using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Experimental;
using Amazon.CDK.AWS.Lambda;
using LogGroup = Amazon.CDK.AWS.Logs.LogGroup;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using CloudFrontFunction = Amazon.CDK.AWS.CloudFront.Function;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Astro.Aws.Render;

/// <summary>The constructs a <see cref="Plan.SitePlan"/> was rendered into; <see cref="AstroAws"/> exposes each.</summary>
internal sealed record SiteParts
{
    public required IBucket Bucket { get; init; }

    public required IOrigin S3Origin { get; init; }

    public KeyValueStore? RouteStore { get; init; }

    public required CloudFrontFunction RequestFunction { get; init; }

    public LambdaFunction? ServerFunction { get; init; }

    public ILayerVersion? ImageLayer { get; init; }

    public LogGroup? ServerLogGroup { get; init; }

    public FunctionUrl? FunctionUrl { get; init; }

    public IOrigin? ServerOrigin { get; init; }

    public EdgeFunction? EdgeFunction { get; init; }

    public EdgeFunction? UrlSigner { get; init; }

    public Amazon.CDK.CustomResources.AwsCustomResource? Invalidation { get; init; }

    public Amazon.CDK.AWS.CertificateManager.ICertificate? Certificate { get; init; }

    public required IReadOnlyList<BucketDeployment> FileOptionsDeployments { get; init; }

    public CloudFrontFunction? ResponseFunction { get; init; }

    public CachePolicy? ServerCachePolicy { get; init; }

    public required Distribution Distribution { get; init; }

    public CfnOriginAccessControl? ServerOriginAccessControl { get; init; }

    public required IReadOnlyList<ARecord> DomainARecords { get; init; }

    public required IReadOnlyList<AaaaRecord> DomainAaaaRecords { get; init; }

    public required BucketDeployment AssetsDeployment { get; init; }

    public required BucketDeployment FilesDeployment { get; init; }

    public KeepWarm.WarmParts? Warm { get; init; }
}
