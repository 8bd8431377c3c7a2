using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;

namespace Astro.Aws;

/// <summary>
/// Overrides for the resources <see cref="AstroAws"/> creates. Each is merged onto our defaults in one place with one
/// rule: a property you set wins, every other property keeps our default.
/// </summary>
public sealed class AstroAwsCdkProps
{
    /// <summary>Overrides for the bucket that holds the client files.</summary>
    /// <value>Default: block all public access, S3-managed encryption, SSL enforced, bucket owner enforced, removal policy
    /// RETAIN (the CDK default).</value>
    public IBucketProps? S3Bucket { get; init; }

    /// <summary>Overrides for the deployments that upload the client files.</summary>
    /// <value>Default: see <see cref="AstroAwsBucketDeploymentOptions"/>.</value>
    public AstroAwsBucketDeploymentOptions? S3BucketDeployment { get; init; }

    /// <summary>Overrides for the S3 origin (Origin Access Control).</summary>
    /// <value>Default: <see cref="S3BucketOrigin.WithOriginAccessControl(IBucket, IS3BucketOriginWithOACProps)"/> defaults:
    /// read access, a generated OAC. <c>OriginAccessControlId</c> is refused (aws-cdk-lib 2.160 ignores it on origins); set
    /// <c>OriginAccessControl</c> instead.</value>
    public IS3BucketOriginWithOACProps? S3Origin { get; init; }

    /// <summary>Overrides for the server function (server modes only).</summary>
    /// <value>Default: see <see cref="AstroAwsFunctionOptions"/>.</value>
    public AstroAwsFunctionOptions? LambdaFunction { get; init; }

    /// <summary>Overrides for the server function URL (ssr and ssr-stream).</summary>
    /// <value>Default: auth from <see cref="AstroAwsProps.FunctionUrlProtection"/> (<see cref="FunctionUrlAuthType.NONE"/>, or
    /// <see cref="FunctionUrlAuthType.AWS_IAM"/> with Origin Access Control; an <c>AuthType</c> that contradicts it is refused);
    /// invoke mode BUFFERED, or RESPONSE_STREAM in ssr-stream mode.</value>
    public IFunctionUrlOptions? LambdaFunctionUrl { get; init; }

    /// <summary>Overrides for the CloudFront origin in front of the function URL (ssr and ssr-stream).</summary>
    /// <value>Default: read timeout 30 seconds, the CloudFront default otherwise. <c>OriginAccessControlId</c> is refused
    /// (aws-cdk-lib 2.160 ignores it on origins); use <see cref="AstroAwsProps.FunctionUrlProtection"/>.</value>
    public IFunctionUrlOriginProps? LambdaFunctionOrigin { get; init; }

    /// <summary>Overrides for the distribution and its behaviors.</summary>
    /// <value>Default: see <see cref="AstroAwsDistributionProps"/>.</value>
    public AstroAwsDistributionProps? CloudfrontDistribution { get; init; }
}
