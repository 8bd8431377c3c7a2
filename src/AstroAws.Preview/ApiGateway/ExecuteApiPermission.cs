using System.Text.RegularExpressions;
using Astro.Aws.Preview.Assembly;
using Astro.Aws.Preview.Origins;

namespace Astro.Aws.Preview.ApiGateway;

/// <summary>
/// Whether a function's resource policy lets API Gateway invoke it (rule <c>apigateway/lambda-invoke-permission</c>):
/// a statement for <c>apigateway.amazonaws.com</c> with <c>lambda:InvokeFunction</c> whose <c>SourceArn</c> (ArnLike:
/// <c>*</c> any characters, <c>?</c> one) matches <c>arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{method}{path}</c>
/// for an HTTP route, <c>.../{apiId}/{stage}/{routeKey}</c> for a WebSocket route or <c>$default</c>, and
/// <c>.../{apiId}/authorizers/{authorizerId}</c> for a Lambda authorizer. Without one API Gateway answers 500.
/// </summary>
public static class ExecuteApiPermission
{
    public static string ExecuteApiArn(string region, string apiId, string resource) => $"arn:aws:execute-api:{region}:{Intrinsics.Account}:{apiId}/{resource}";

    /// <summary>Null when the policy allows the call, else why not.</summary>
    public static string? Refusal(LambdaFunction function, string sourceArn)
    {
        ArgumentNullException.ThrowIfNull(function);
        var allowed = function.Permissions.Any(s =>
            (s.Action == "lambda:InvokeFunction" || s.Action == "lambda:*")
            && s.Principal == "apigateway.amazonaws.com"
            && (s.SourceArn is null || ArnLike(s.SourceArn, sourceArn)));
        return allowed ? null : $"no resource-policy statement of {function.FunctionId} lets apigateway.amazonaws.com call lambda:InvokeFunction from {sourceArn}";
    }

    public static bool ArnLike(string pattern, string arn) =>
        Regex.IsMatch(arn, "^" + string.Concat(pattern.Select(c => c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) })) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
}
