using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;

namespace Astro.Aws;

/// <summary>
/// Overrides for the two <see cref="BucketDeployment"/>s that upload the client files: every
/// <see cref="BucketDeploymentProps"/> member except <c>Sources</c>, <c>DestinationBucket</c> and
/// <c>DestinationKeyPrefix</c>, which the construct owns. A property you set replaces our default on both deployments,
/// except <see cref="Include"/> and <see cref="Exclude"/>, which are combined with ours.
/// </summary>
public sealed class AstroAwsBucketDeploymentOptions
{
    /// <inheritdoc cref="BucketDeploymentProps.AccessControl" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public BucketAccessControl? AccessControl { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.CacheControl" path="/summary"/>
    /// <value>Default: <c>public,max-age=31536000,immutable</c> for <c>_astro/*</c>; <c>public,max-age=0,s-maxage=86400,stale-while-revalidate=86400</c> for every other file.</value>
    public CacheControl[]? CacheControl { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.ContentDisposition" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public string? ContentDisposition { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.ContentEncoding" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public string? ContentEncoding { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.ContentLanguage" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public string? ContentLanguage { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.ContentType" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public string? ContentType { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.Distribution" path="/summary"/>
    /// <value>Default: the site's distribution, for the deployment of non-hashed files (hashed <c>_astro/*</c> files are never invalidated).</value>
    public IDistribution? Distribution { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.DistributionPaths" path="/summary"/>
    /// <value>Default: <c>/*</c> on the deployment of non-hashed files. Yours apply to each deployment that invalidates a
    /// distribution: the non-hashed files, and the hashed assets only if you set <see cref="Distribution"/>.</value>
    public string[]? DistributionPaths { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.EphemeralStorageSize" path="/summary"/>
    /// <value>Default: sized from the build: 2.5 times the client files' size plus 256 MiB, at least 512 MiB (Lambda's default,
    /// then left unset), at most 10,240 MiB. The deployment unpacks the asset zip into <c>/tmp</c> and syncs from there.</value>
    public Amazon.CDK.Size? EphemeralStorageSize { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.Exclude" path="/summary"/>
    /// <value>Default: combined with ours: the hashed-asset deployment takes only <c>_astro/*</c>, the other deployment excludes it; your patterns are added to both.</value>
    public string[]? Exclude { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.Expires" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public Amazon.CDK.Expiration? Expires { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.Extract" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public bool? Extract { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.Include" path="/summary"/>
    /// <value>Default: combined with ours, like <see cref="Exclude"/>.</value>
    public string[]? Include { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.LogGroup" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public ILogGroup? LogGroup { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.LogRetention" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public RetentionDays? LogRetention { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.MemoryLimit" path="/summary"/>
    /// <value>Default: sized from the build: 512 MiB up to 10,000 files, then 512 MiB more per 25,000 files, at most
    /// 10,240 MiB (CDK's 128 MiB kills the sync of large sites).</value>
    public double? MemoryLimit { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.Metadata" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public IDictionary<string, string>? Metadata { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.Prune" path="/summary"/>
    /// <value>Default: false for <c>_astro/*</c> (hashed files stay for cached HTML that still references them), true for every other file.</value>
    public bool? Prune { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.RetainOnDelete" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public bool? RetainOnDelete { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.Role" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public IRole? Role { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.ServerSideEncryption" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public Amazon.CDK.AWS.S3.Deployment.ServerSideEncryption? ServerSideEncryption { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.ServerSideEncryptionAwsKmsKeyId" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public string? ServerSideEncryptionAwsKmsKeyId { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.ServerSideEncryptionCustomerAlgorithm" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public string? ServerSideEncryptionCustomerAlgorithm { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.SignContent" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public bool? SignContent { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.StorageClass" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public Amazon.CDK.AWS.S3.Deployment.StorageClass? StorageClass { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.UseEfs" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public bool? UseEfs { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.Vpc" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public IVpc? Vpc { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.VpcSubnets" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public ISubnetSelection? VpcSubnets { get; init; }

    /// <inheritdoc cref="BucketDeploymentProps.WebsiteRedirectLocation" path="/summary"/>
    /// <value>Default: the <see cref="BucketDeployment"/> default.</value>
    public string? WebsiteRedirectLocation { get; init; }
}
