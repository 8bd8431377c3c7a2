using Amazon.CDK;
using Constructs;

namespace Astro.Aws.Apis.Common;

/// <summary>API Gateway's ARN formats for HTTP and WebSocket APIs (docs/aws-rules.md, apigateway/arns).</summary>
internal static class ApiArns
{
    /// <summary><c>arn:{partition}:apigateway:{region}::/apis/{id}</c>: the API itself, with no account.</summary>
    public static string Api(Construct scope, string apiId) => Stack.Of(scope).FormatArn(new ArnComponents
    {
        Service = "apigateway",
        Account = string.Empty,
        Resource = "/apis",
        ResourceName = apiId,
        ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
    });

    /// <summary><c>arn:{partition}:execute-api:{region}:{account}:{id}/*</c>: invoking any route of any stage.</summary>
    public static string ExecuteApi(Construct scope, string apiId) => Stack.Of(scope).FormatArn(new ArnComponents
    {
        Service = "execute-api",
        Resource = apiId,
        ResourceName = "*",
        ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
    });

    /// <summary><c>arn:{partition}:execute-api:{region}:{account}:{id}/*/*/@connections/*</c>: posting to and closing a WebSocket API's connections, the resource CDK's <c>GrantManageConnections</c> names.</summary>
    public static string ManageConnections(Construct scope, string apiId) => Stack.Of(scope).FormatArn(new ArnComponents
    {
        Service = "execute-api",
        Resource = apiId,
        ResourceName = "*/*/@connections/*",
        ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
    });
}
