using Amazon.CDK;
using CfnDistribution = Amazon.CDK.AWS.CloudFront.CfnDistribution;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Constructs;

namespace Astro.Aws.Security;

/// <summary>
/// The cdk-nag findings an <see cref="AstroAws"/> site causes and cannot fix itself, suppressed with the reasons listed
/// in docs/security.md. Findings the user can fix through props (access logs, geo restriction, WAF, TLS) are suppressed
/// only while the user has not opted in: the check runs when the template is rendered.
/// </summary>
internal static class SiteSuppressions
{
    public static readonly string BasicExecutionRole = NagSuppressions.AnyPartition("Policy", "iam::aws:policy\\/service-role\\/AWSLambdaBasicExecutionRole");

    public const string BasicExecutionReason =
        "AWSLambdaBasicExecutionRole is the AWS-managed policy Lambda documents for a function's own logs: it allows only logs:CreateLogGroup, "
        + "logs:CreateLogStream and logs:PutLogEvents, and AWS keeps it current. Give the function a Role of your own to replace it.";

    private const string DistributionProps = "AstroAwsCdkProps.CloudfrontDistribution";

    private const string AwsCustomResourceHandlerId = Parts.AwsCustomResourceHandler.Id;

    /// <summary>Adds every suppression of the site; called once, at the end of its constructor.</summary>
    public static void Apply(AstroAws site)
    {
        // Only the site's own bucket: a caller's is theirs to configure and to justify.
        if (site.Bucket is Bucket own && own.Node.Scope == site)
        {
            SuppressAccessLogs((CfnBucket)own.Node.DefaultChild!);
        }

        var distribution = (CfnDistribution)site.Distribution.Node.DefaultChild!;
        NagSuppressions.AddUnless(
            distribution,
            () => Config(distribution, "restrictions", "geoRestriction", "restrictionType") is string type && type != "none",
            "AwsSolutions-CFR1",
            "No geo restriction was requested: the site is meant for viewers in every country. "
            + $"Set {DistributionProps}.GeoRestriction (or the site's geo restriction option) to restrict it.");
        NagSuppressions.AddUnless(
            distribution,
            () => Config(distribution, "webAclId") is string id && id.Length > 0,
            "AwsSolutions-CFR2",
            "No AWS WAF web ACL was given: WAF rules depend on the application and are billed per rule and request, so they are the user's choice. "
            + $"Give a web ACL id ({DistributionProps}.WebAclId, or the site's WAF option) to attach one.");
        NagSuppressions.AddUnless(
            distribution,
            () => Config(distribution, "logging") is not null,
            "AwsSolutions-CFR3",
            "CloudFront standard logging is off because no log bucket was given (it needs a bucket with ACLs enabled, which the site bucket refuses). "
            + $"Turn it on with {DistributionProps}.EnableLogging and LogBucket (or the site's access-logging option).");
        NagSuppressions.AddUnless(
            distribution,
            () => Config(distribution, "viewerCertificate", "acmCertificateArn") is not null || Config(distribution, "viewerCertificate", "iamCertificateId") is not null,
            "AwsSolutions-CFR4",
            "The distribution has no custom domain, so it serves CloudFront's default *.cloudfront.net certificate, with which CloudFront accepts TLSv1 "
            + "and the minimum protocol version cannot be raised (browsers still negotiate TLS 1.2 or 1.3). Give domain names and a certificate: "
            + "the minimum is then TLSv1.2_2021, and this suppression is not written.");

        if (site.ServerFunction is { } server)
        {
            SuppressBasicExecutionRole(server, server.Role);
        }

        if (site.Warmer is { } warmer)
        {
            SuppressBasicExecutionRole(warmer, warmer.Role);
        }

        SuppressEdgeFunction(site.EdgeFunction, "Edge mode runs nodejs22.x on purpose: Lambda@Edge supports fewer Node.js runtimes than Lambda and lags it. "
            + "Set AstroAwsCdkProps.LambdaFunction.Runtime once Lambda@Edge supports a newer one.");
        SuppressEdgeFunction(site.UrlSigner, "The body signer runs nodejs22.x on purpose: Lambda@Edge supports fewer Node.js runtimes than Lambda and lags it.");

        if (site.Invalidation is not null || site.WarmUp is not null)
        {
            SuppressCustomResourceHandler(site);
        }

        SuppressDeploymentHandler(site.AssetsDeployment, site.Bucket);
        SuppressDeploymentHandler(site.FilesDeployment, site.Bucket);
    }

    private static void SuppressAccessLogs(CfnBucket bucket) => NagSuppressions.AddUnless(
        bucket,
        () => Resolved(bucket, bucket.LoggingConfiguration) is not null,
        "AwsSolutions-S1",
        "Server access logs of the site bucket are off because no log bucket was given. Viewers never reach the bucket: it blocks public access, "
        + "enforces SSL and serves CloudFront only through Origin Access Control, and the distribution's access logs record viewer requests. "
        + "Set AstroAwsCdkProps.S3Bucket.ServerAccessLogsBucket (or the site's bucket access-logging option) to turn them on.");

    /// <summary>A Lambda@Edge function of the site: its own role's managed policy, and the runtime Lambda@Edge allows.</summary>
    private static void SuppressEdgeFunction(Amazon.CDK.AWS.CloudFront.Experimental.EdgeFunction? edge, string runtimeReason)
    {
        if (edge?.Lambda is not Function function)
        {
            return;
        }

        SuppressBasicExecutionRole(function, function.Role);
        var cfn = (CfnFunction)function.Node.DefaultChild!;
        NagSuppressions.AddUnless(cfn, () => cfn.Runtime != "nodejs22.x", "AwsSolutions-L1", runtimeReason);
    }

    /// <summary>
    /// AwsCustomResource's handler (the non-waiting invalidation, the warm-up after deploy) is a singleton Lambda aws-cdk-lib creates in the stack,
    /// with a role it writes; its managed policy cannot be set through AwsCustomResource's props.
    /// </summary>
    private static void SuppressCustomResourceHandler(AstroAws site)
    {
        if (Stack.Of(site).Node.TryFindChild(AwsCustomResourceHandlerId) is not Function handler)
        {
            return;
        }

        if (handler.Role is Role role)
        {
            NagSuppressions.Add(
                role,
                "AwsSolutions-IAM4",
                "The role of aws-cdk-lib's AwsCustomResource handler, which requests the site's CloudFront invalidation or runs the site's warmer at deploy time, carries AWSLambdaBasicExecutionRole "
                + "(logs:CreateLogGroup, CreateLogStream, PutLogEvents only); aws-cdk-lib creates it and AwsCustomResource has no prop to change it.",
                BasicExecutionRole);
        }

        // No AwsSolutions-L1: the site moves the handler to the newest runtime (Parts.CacheInvalidation).
    }

    /// <summary>The managed policy is only ours when the function created its role (not when the user gave one).</summary>
    public static void SuppressBasicExecutionRole(IConstruct function, IRole? role)
    {
        if (role is Role created && created.Node.Scope == function)
        {
            NagSuppressions.Add(created, "AwsSolutions-IAM4", BasicExecutionReason, BasicExecutionRole);
        }
    }

    /// <summary>
    /// BucketDeployment's handler is a singleton Lambda that aws-cdk-lib creates, with a role and a policy it writes;
    /// none of it can be changed through BucketDeployment's props. A role the user gave (S3BucketDeployment.Role) is left alone.
    /// </summary>
    private static void SuppressDeploymentHandler(BucketDeployment deployment, IBucket bucket)
    {
        if (deployment.HandlerRole is not Role role || role.Node.Scope is not Function handler || !handler.Node.Id.StartsWith("Custom::CDKBucketDeployment", StringComparison.Ordinal))
        {
            return;
        }

        NagSuppressions.Add(
            role,
            "AwsSolutions-IAM4",
            "The role of aws-cdk-lib's BucketDeployment handler, which copies the site's files into the bucket at deploy time, carries AWSLambdaBasicExecutionRole "
            + "(logs:CreateLogGroup, CreateLogStream, PutLogEvents only); aws-cdk-lib creates it and BucketDeployment has no prop to change it.",
            BasicExecutionRole);
        NagSuppressions.Add(
            handler,
            "AwsSolutions-L1",
            "The runtime of aws-cdk-lib's BucketDeployment handler (Python, runs only at deploy time) is fixed by aws-cdk-lib and cannot be set through its props; "
            + "it moves forward when aws-cdk-lib is upgraded.");
        if (role.Node.TryFindChild("DefaultPolicy") is Policy policy)
        {
            // A bucket of the template appears by its logical ID; an imported one (AstroAwsProps.Bucket) by its name.
            var bucketArn = bucket.Node.DefaultChild is CfnElement element
                ? $"Resource::<{Stack.Of(bucket).GetLogicalId(element)}.Arn>/*"
                : NagSuppressions.AnyPartition("Resource", $"s3:::{System.Text.RegularExpressions.Regex.Escape(bucket.BucketName)}\\/\\*");
            NagSuppressions.Add(
                policy,
                "AwsSolutions-IAM5",
                "The policy aws-cdk-lib's BucketDeployment writes for its handler: read (s3:GetObject*, s3:GetBucket*, s3:List*) of the CDK asset bucket "
                + "that holds the uploaded zip, read, write and delete (those plus s3:DeleteObject*, s3:PutObject*, s3:Abort*) of this site bucket and its "
                + "objects (bucket/*) to sync the files, and cloudfront:CreateInvalidation/GetInvalidation on * to invalidate the distribution. "
                + "The action prefixes and object wildcards are scoped to those two buckets; BucketDeployment has no prop to narrow them.",
                "Action::s3:GetObject*",
                "Action::s3:GetBucket*",
                "Action::s3:List*",
                "Action::s3:DeleteObject*",
                "Action::s3:Abort*",
                bucketArn,
                NagSuppressions.AnyPartition("Resource", "s3:::cdk-[a-z0-9]+-assets-[^/]+\\/\\*"),
                "Resource::*");
        }
    }

    /// <summary>A value inside the distribution's resolved DistributionConfig (keys as in the L1 props, case ignored), or null.</summary>
    private static object? Config(CfnDistribution distribution, params string[] path)
    {
        object? current = Resolved(distribution, distribution.DistributionConfig);
        foreach (var key in path)
        {
            if (current is not IDictionary<string, object> map)
            {
                return null;
            }

            current = map.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        }

        return current;
    }

    private static object? Resolved(IConstruct scope, object? value) => value is null ? null : Stack.Of(scope).Resolve(value);
}
