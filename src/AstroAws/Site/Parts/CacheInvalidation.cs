using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3.Deployment;
using Amazon.CDK.CustomResources;
using Astro.Aws.Plan;
using Constructs;

namespace Astro.Aws.Parts;

/// <summary>
/// An invalidation the deploy does not wait for: BucketDeployment in aws-cdk-lib 2.160 always waits for the
/// invalidations it makes, so a custom resource asks CloudFront for it after the last upload and returns at once.
/// </summary>
internal static class CacheInvalidation
{
    public static AwsCustomResource Request(Construct scope, InvalidationPlan plan, Distribution distribution, BucketDeployment lastUpload)
    {
        var call = new AwsSdkCall
        {
            Service = "CloudFront",
            Action = "createInvalidation",
            Parameters = new Dictionary<string, object>
            {
                ["DistributionId"] = distribution.DistributionId,
                ["InvalidationBatch"] = new Dictionary<string, object>
                {
                    // CloudFront refuses a second request with the same CallerReference; the uploaded zip's key is new
                    // with every build (and so is this property, so CloudFormation runs the update).
                    ["CallerReference"] = Fn.Join("-", lastUpload.ObjectKeys),
                    ["Paths"] = new Dictionary<string, object> { ["Quantity"] = plan.Paths.Count, ["Items"] = plan.Paths.ToArray() },
                },
            },
            PhysicalResourceId = PhysicalResourceId.FromResponse("Invalidation.Id"),
        };
        var invalidation = new AwsCustomResource(scope, SiteIds.Invalidation, new AwsCustomResourceProps
        {
            OnCreate = call,
            OnUpdate = call,
            Policy = AwsCustomResourcePolicy.FromStatements(
            [
                new PolicyStatement(new PolicyStatementProps { Actions = ["cloudfront:CreateInvalidation"], Resources = [DistributionArn(scope, distribution)] }),
            ]),
            InstallLatestAwsSdk = false,
        });
        invalidation.Node.AddDependency(lastUpload);

        AwsCustomResourceHandler.UseNewestRuntime(scope);
        return invalidation;
    }

    private static string DistributionArn(Construct scope, Distribution distribution) => Stack.Of(scope).FormatArn(new ArnComponents
    {
        Service = "cloudfront",
        Region = string.Empty,
        Resource = "distribution",
        ResourceName = distribution.DistributionId,
        ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
    });
}
