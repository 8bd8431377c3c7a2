using Astro.Aws.Rules.CloudFront;

namespace Astro.Aws.Rules.Lambda;

/// <summary>A function URL behind CloudFront Origin Access Control: AWS_IAM auth, and CloudFront allowed to invoke it from that distribution.</summary>
internal sealed class OacUrlPermissionsRule : AwsRule
{
    private const string CloudFront = "cloudfront.amazonaws.com";

    public override string Id => "lambda/url-oac-permissions";

    public override string Summary => "A function URL that CloudFront reaches through an Origin Access Control has AuthType AWS_IAM, and lets cloudfront.amazonaws.com, from that distribution (AWS:SourceArn), call lambda:InvokeFunctionUrl and lambda:InvokeFunction with InvokedViaFunctionUrl.";

    public override string Source => "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html (\"To use OAC, you must specify AWS_IAM as the value for the AuthType parameter\"); https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var distribution in Distributions.All(template))
        {
            foreach (var origin in Distributions.Origins(distribution))
            {
                var oac = Distributions.AccessControlOf(template, origin);
                var url = Distributions.FunctionUrlOf(template, origin);
                if (url is null || oac is null || CfnTemplate.Text(oac.Property("OriginAccessControlConfig", "OriginAccessControlOriginType")) != "lambda")
                {
                    continue;
                }

                if (CfnTemplate.Text(url.Property("AuthType")) != "AWS_IAM")
                {
                    yield return new RuleFinding(url.LogicalId, $"CloudFront signs its requests to this URL ({distribution.LogicalId}'s OAC {oac.LogicalId}), but its AuthType is not AWS_IAM. Set AuthType AWS_IAM.");
                }

                var fromDistribution = LambdaPermissions.On(template, LambdaPermissions.FunctionOf(url))
                    .Where(p => CfnTemplate.Text(p.Property("Principal")) == CloudFront && CfnTemplate.ReferencedIds(p.Property("SourceArn")).Contains(distribution.LogicalId))
                    .ToList();
                if (!fromDistribution.Any(p => LambdaPermissions.Allows(p, "lambda:InvokeFunctionUrl", CloudFront) && LambdaPermissions.ForAuthType(p, "AWS_IAM")))
                {
                    yield return new RuleFinding(url.LogicalId, $"no lambda:InvokeFunctionUrl permission for {CloudFront} with FunctionUrlAuthType AWS_IAM and SourceArn {distribution.LogicalId}: every request through CloudFront gets 403.");
                }

                if (!fromDistribution.Any(p => LambdaPermissions.Allows(p, "lambda:InvokeFunction", CloudFront) && LambdaPermissions.ViaUrlOnly(p)))
                {
                    yield return new RuleFinding(url.LogicalId, $"no lambda:InvokeFunction permission for {CloudFront} with InvokedViaFunctionUrl true and SourceArn {distribution.LogicalId}: Lambda requires it beside InvokeFunctionUrl since October 2025.");
                }
            }
        }
    }
}
