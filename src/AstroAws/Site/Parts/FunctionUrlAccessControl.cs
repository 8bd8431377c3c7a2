using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.JSII.Runtime.Deputy;
using Constructs;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Astro.Aws.Parts;

/// <summary>
/// <see cref="FunctionUrlProtection.OriginAccessControl"/>: an Origin Access Control of type <c>lambda</c> on every
/// origin of the distribution that points at the server function URL, and the two permissions AWS requires for
/// CloudFront to call a function URL whose auth type is <c>AWS_IAM</c>.
/// </summary>
internal static class FunctionUrlAccessControl
{
    private const string CloudFrontPrincipal = "cloudfront.amazonaws.com";

    public static CfnOriginAccessControl Protect(Construct scope, LambdaFunction function, FunctionUrl url, Distribution distribution)
    {
        var accessControl = new CfnOriginAccessControl(scope, SiteIds.ServerOriginAccessControl, new CfnOriginAccessControlProps
        {
            OriginAccessControlConfig = new CfnOriginAccessControl.OriginAccessControlConfigProperty
            {
                Name = CloudFrontNames.For(scope, "ServerUrl"),
                Description = "AstroAws: CloudFront signs its requests to the server function URL",
                OriginAccessControlOriginType = "lambda",
                SigningBehavior = "always",
                SigningProtocol = "sigv4",
            },
        });

        // aws-cdk-lib 2.160 has no Distribution.DistributionArn.
        var distributionArn = Stack.Of(scope).FormatArn(new ArnComponents
        {
            Service = "cloudfront",
            Region = string.Empty,
            Resource = "distribution",
            ResourceName = distribution.DistributionId,
        });
        function.AddPermission(SiteIds.CloudFrontInvokeUrlPermission, new Permission
        {
            Principal = new ServicePrincipal(CloudFrontPrincipal),
            Action = "lambda:InvokeFunctionUrl",
            FunctionUrlAuthType = FunctionUrlAuthType.AWS_IAM,
            SourceArn = distributionArn,
        });
        FunctionUrlPermissions.AddInvokeViaUrl(function, SiteIds.CloudFrontInvokePermission, new ServicePrincipal(CloudFrontPrincipal), distributionArn);

        // Escape hatch: aws-cdk-lib 2.160 lacks FunctionUrlOrigin.WithOriginAccessControl, and silently drops
        // FunctionUrlOriginProps.OriginAccessControlId, so the OAC id is written onto the rendered origin. The origins are
        // rendered lazily (and cached once rendered), so the index is found when the app synthesizes, after every behavior
        // (ours, and any the caller adds to the distribution later) has bound its origin.
        Aspects.Of(distribution).Add(new OriginAccessControlPatch(url, accessControl));
        return accessControl;
    }

    /// <summary>Writes the OAC id onto each distribution origin whose domain is the function URL's.</summary>
    private sealed class OriginAccessControlPatch(FunctionUrl url, CfnOriginAccessControl accessControl) : DeputyBase, IAspect
    {
        private bool patched;

        public void Visit(IConstruct node)
        {
            if (patched || node is not CfnDistribution distribution)
            {
                return;
            }

            var stack = Stack.Of(distribution);
            var urlLogicalId = (string)stack.Resolve(((CfnElement)url.Node.DefaultChild!).LogicalId);
            var config = JsonNode.Parse(JsonSerializer.Serialize(stack.Resolve(distribution.DistributionConfig)))!;
            // Resolved L1 properties keep their camelCase names (the CloudFormation casing is applied when rendering).
            var origins = config["origins"]?.AsArray() ?? [];
            var indices = Enumerable.Range(0, origins.Count).Where(i => PointsAt(origins[i]!, urlLogicalId)).ToList();
            if (indices.Count == 0)
            {
                throw new InvalidOperationException(
                    $"AstroAws: no origin of {distribution.Node.Path} points at the function URL {urlLogicalId}, so its Origin Access Control cannot be attached. This is a bug in AstroAws; please report it.");
            }

            foreach (var index in indices)
            {
                distribution.AddPropertyOverride($"DistributionConfig.Origins.{index}.OriginAccessControlId", accessControl.AttrId);
            }

            patched = true;
        }

        // A function URL origin's domain is {"Fn::Select":[2,{"Fn::Split":["/",{"Fn::GetAtt":[<url>,"FunctionUrl"]}]}]}.
        private static bool PointsAt(JsonNode origin, string urlLogicalId) =>
            origin["customOriginConfig"] is not null
            && origin["domainName"]?.ToJsonString().Contains($"\"Fn::GetAtt\":[\"{urlLogicalId}\",\"FunctionUrl\"]", StringComparison.Ordinal) == true;
    }
}
