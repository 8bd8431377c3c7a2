using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Constructs;

namespace Astro.Aws.Apis.Common;

/// <summary>
/// API Gateway checks a stage's <c>RouteSettings</c> keys against the routes that exist when the stage is created, and
/// fails with "Unable to find Route by key" otherwise (rule <c>apigateway/route-settings-after-route</c>). A route key is
/// a string, not a reference, so CloudFormation would create the stage first: the stage has to depend on the route.
/// </summary>
internal static class RouteSettingsOrder
{
    public static void StageAfterRoute(CfnStage stage, IConstruct route) => stage.AddDependency((CfnResource)route.Node.DefaultChild!);
}
