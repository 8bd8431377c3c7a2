using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.EC2;
using LogGroup = Amazon.CDK.AWS.Logs.LogGroup;
using RetentionDays = Amazon.CDK.AWS.Logs.RetentionDays;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using static Astro.Aws.Tests.Overrides.OverrideCase;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Overrides;

internal static partial class OverrideTables
{
    /// <summary>
    /// AstroAwsCdkProps.S3BucketDeployment. A value lands on both deployments (hashed <c>_astro/*</c> and other files), on
    /// their <c>Custom::CDKBucketDeployment</c> properties or on the one handler Lambda they share. Our defaults:
    /// cache-control per deployment, prune only the files deployment, include/exclude <c>_astro/*</c>, MemoryLimit 512,
    /// invalidation <c>/*</c> of the site's distribution on the files deployment.
    /// </summary>
    public static OverrideCase[] Deployment() =>
    [
        Template("AccessControl", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { AccessControl = BucketAccessControl.AUTHENTICATED_READ }),
            t => t.BothDeployments(new J { ["SystemMetadata"] = new J { ["acl"] = "authenticated-read" } })),

        Template("CacheControl", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { CacheControl = [CacheControl.FromString("max-age=60")] }),
            t => t.BothDeployments(new J { ["SystemMetadata"] = new J { ["cache-control"] = "max-age=60" } })),

        Template("ContentDisposition", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { ContentDisposition = "inline" }),
            t => t.BothDeployments(new J { ["SystemMetadata"] = new J { ["content-disposition"] = "inline" } })),

        Template("ContentEncoding", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { ContentEncoding = "gzip" }),
            t => t.BothDeployments(new J { ["SystemMetadata"] = new J { ["content-encoding"] = "gzip" } })),

        Template("ContentLanguage", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { ContentLanguage = "nl" }),
            t => t.BothDeployments(new J { ["SystemMetadata"] = new J { ["content-language"] = "nl" } })),

        Template("ContentType", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { ContentType = "text/plain" }),
            t => t.BothDeployments(new J { ["SystemMetadata"] = new J { ["content-type"] = "text/plain" } })),

        // Another distribution of the user's: both deployments invalidate it instead of the site's.
        Template("Distribution", stack => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { Distribution = UserDistribution(stack) }),
            t => t.BothDeployments(new J { ["DistributionId"] = t.Ref("UserDistribution") })),

        // Only the files deployment invalidates (the site's distribution); the hashed-asset deployment has nothing to invalidate.
        Template("DistributionPaths", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { DistributionPaths = ["/index.html"] }),
            t => t.HasCount("Custom::CDKBucketDeployment", new J { ["DistributionId"] = t.Ref(t.Site.Distribution), ["DistributionPaths"] = new[] { "/index.html" } }, 1)),

        Template("EphemeralStorageSize", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { EphemeralStorageSize = Size.Mebibytes(2048) }),
            t => t.DeploymentHandler(new J { ["EphemeralStorage"] = new J { ["Size"] = 2048 } })),

        // Combined with ours: the assets deployment still takes only _astro/*, the files deployment still skips it.
        Template("Exclude", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { Exclude = ["*.map"] }),
            t =>
            {
                t.Has("Custom::CDKBucketDeployment", new J { ["Exclude"] = new[] { "*", "*.map" }, ["Include"] = new[] { "_astro/*" } });
                t.Has("Custom::CDKBucketDeployment", new J { ["Exclude"] = new[] { "_astro/*", "*.map" } });
            }),

        Template("Expires", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { Expires = Expiration.AtTimestamp(1893456000000) }),
            t => t.BothDeployments(new J { ["SystemMetadata"] = new J { ["expires"] = "Tue, 01 Jan 2030 00:00:00 GMT" } })),

        Template("Extract", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { Extract = false }),
            t => t.BothDeployments(new J { ["Extract"] = false })),

        // Combined with ours, like Exclude.
        Template("Include", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { Include = ["robots.txt"] }),
            t =>
            {
                t.Has("Custom::CDKBucketDeployment", new J { ["Exclude"] = new[] { "*" }, ["Include"] = new[] { "_astro/*", "robots.txt" } });
                t.Has("Custom::CDKBucketDeployment", new J { ["Exclude"] = new[] { "_astro/*" }, ["Include"] = new[] { "robots.txt" } });
            }),

        Template("LogGroup", stack => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { LogGroup = new LogGroup(stack, "UserLogGroup") }),
            t => t.DeploymentHandler(new J { ["LoggingConfig"] = new J { ["LogGroup"] = t.Ref("UserLogGroup") } })),

        Template("LogRetention", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { LogRetention = RetentionDays.TWO_WEEKS }),
            t => t.Has("Custom::LogRetention", new J { ["RetentionInDays"] = 14 })),

        Template("MemoryLimit", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { MemoryLimit = 1536 }),
            t => t.DeploymentHandler(new J { ["MemorySize"] = 1536 })),

        Template("Metadata", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { Metadata = new Dictionary<string, string> { ["team"] = "web" } }),
            t => t.BothDeployments(new J { ["UserMetadata"] = new J { ["team"] = "web" } })),

        // Ours prunes the files deployment; with false neither prunes.
        Template("Prune", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { Prune = false }),
            t => t.BothDeployments(new J { ["Prune"] = false })),

        Template("RetainOnDelete", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { RetainOnDelete = false }),
            t => t.BothDeployments(new J { ["RetainOnDelete"] = false })),

        Template("Role", stack => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { Role = UserRole(stack) }),
            t => t.DeploymentHandler(new J { ["Role"] = t.GetAtt("UserRole", "Arn") })),

        Template("ServerSideEncryption", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { ServerSideEncryption = Amazon.CDK.AWS.S3.Deployment.ServerSideEncryption.AWS_KMS }),
            t => t.BothDeployments(new J { ["SystemMetadata"] = new J { ["sse"] = "aws:kms" } })),

        Template("ServerSideEncryptionAwsKmsKeyId", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { ServerSideEncryptionAwsKmsKeyId = "alias/enum" }),
            t => t.BothDeployments(new J { ["SystemMetadata"] = new J { ["sse-kms-key-id"] = "alias/enum" } })),

        Template("ServerSideEncryptionCustomerAlgorithm", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { ServerSideEncryptionCustomerAlgorithm = "AES256" }),
            t => t.BothDeployments(new J { ["SystemMetadata"] = new J { ["sse-c-copy-source"] = "AES256" } })),

        Template("SignContent", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { SignContent = true }),
            t => t.BothDeployments(new J { ["SignContent"] = true })),

        Template("StorageClass", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { StorageClass = Amazon.CDK.AWS.S3.Deployment.StorageClass.INTELLIGENT_TIERING }),
            t => t.BothDeployments(new J { ["SystemMetadata"] = new J { ["storage-class"] = "INTELLIGENT_TIERING" } })),

        // EFS needs a VPC, and CDK says so: the error shows the value arrived.
        Error("UseEfs", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { UseEfs = true }),
            "Vpc must be specified if useEfs is set"),

        Template("Vpc", stack => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { Vpc = UserVpc(stack) }),
            t => t.DeploymentHandler(new J { ["VpcConfig"] = new J { ["SubnetIds"] = Match.ArrayWith([t.Ref(((Vpc)t.Stack.Node.FindChild("UserVpc")).PrivateSubnets[0])]) } })),

        // Subnets without a VPC: CDK's Lambda refuses them, which shows the value arrived.
        Error("VpcSubnets", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC } }),
            "Cannot configure 'vpcSubnets' without configuring a VPC"),

        Template("WebsiteRedirectLocation", _ => S3BucketDeployment(new AstroAwsBucketDeploymentOptions { WebsiteRedirectLocation = "/moved" }),
            t => t.BothDeployments(new J { ["SystemMetadata"] = new J { ["website-redirect"] = "/moved" } })),
    ];

    private static AstroAwsCdkProps S3BucketDeployment(AstroAwsBucketDeploymentOptions options) => new() { S3BucketDeployment = options };

    private static Distribution UserDistribution(Constructs.Construct scope) =>
        new(scope, "UserDistribution", new DistributionProps { DefaultBehavior = new BehaviorOptions { Origin = new HttpOrigin("origin.example.com") } });

    private static Vpc UserVpc(Constructs.Construct scope) => new(scope, "UserVpc", new VpcProps { MaxAzs = 2, NatGateways = 1 });
}
