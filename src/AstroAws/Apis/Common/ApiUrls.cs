using Amazon.CDK;
using Constructs;

namespace Astro.Aws.Apis.Common;

/// <summary>
/// A stage's execute-api URL, built as CDK builds it for the stages it creates (<c>HttpStage.Url</c>,
/// <c>WebSocketStage.Url</c>): an imported stage has no URL in aws-cdk-lib 2.160, so an adopted one needs ours.
/// </summary>
internal static class ApiUrls
{
    /// <summary><c>{scheme}://{id}.execute-api.{region}.{suffix}/{stage}</c>; the <c>$default</c> stage has no path.</summary>
    public static string Stage(Construct scope, string apiId, string scheme, string stageName)
    {
        var stack = Stack.Of(scope);
        var path = stageName == "$default" ? string.Empty : stageName;
        return $"{scheme}://{apiId}.execute-api.{stack.Region}.{stack.UrlSuffix}/{path}";
    }
}
