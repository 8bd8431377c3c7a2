using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace Astro.Aws.Security;

/// <summary>
/// The cdk-nag findings <see cref="AstroHttpApi"/> and <see cref="AstroWebSocketApi"/> cause, suppressed with the
/// reasons listed in docs/security.md. A route the user gave an authorizer is not suppressed; access logs are on by
/// default, and turning them off (<see cref="ApiAccessLog.Off"/>) is left for the user's own review to see.
/// </summary>
internal static class ApiSuppressions
{
    private const string Apig4 = "AwsSolutions-APIG4";

    /// <summary>A route function the API created: its role carries the Lambda basic execution policy.</summary>
    public static void RouteFunction(Function function) => SiteSuppressions.SuppressBasicExecutionRole(function, function.Role);

    /// <summary>An HTTP route without an authorizer.</summary>
    public static void PublicHttpRoute(HttpRoute route) => NagSuppressions.Add(
        route,
        Apig4,
        "This route was given no authorizer (neither the route's Authorizer nor AstroHttpApiProps.Defaults.Authorizer), so it is public by the API's design "
        + "and its function decides what an anonymous caller may do. Give it an authorizer (AstroHttpApiProps.Authorizers) to remove this suppression.");

    /// <summary>The OPTIONS route AstroHttpApi adds next to an authorized ANY or $default route when CORS is on.</summary>
    public static void PreflightRoute(HttpRoute route) => NagSuppressions.Add(
        route,
        Apig4,
        "CORS preflight route added by AstroHttpApi because a neighbouring ANY or $default route has an authorizer: browsers send preflight "
        + "OPTIONS requests without credentials, so an authorizer here would fail every preflight. API Gateway answers them from the API's CORS settings.");

    /// <summary>A WebSocket route: only $connect can carry an authorizer.</summary>
    public static void WebSocketRoute(WebSocketRoute route, string routeKey, bool authorized)
    {
        if (routeKey == "$connect")
        {
            if (!authorized)
            {
                NagSuppressions.Add(
                    route,
                    Apig4,
                    "The $connect route was given no authorizer (AstroWebSocketApiProps.Authorizer), so anyone may open a connection; the $connect function "
                    + "can still refuse it (check the Origin header or a token and return 403). Set AstroWebSocketApiProps.Authorizer to remove this suppression.");
            }

            return;
        }

        NagSuppressions.Add(
            route,
            Apig4,
            "API Gateway authorizes a WebSocket API only on its $connect route: messages on an open connection and $disconnect cannot carry an "
            + "authorizer and run with the authorization the connection got at $connect (see that route).");
    }

    /// <summary>The execute-api:ManageConnections grant AstroWebSocketApi gives each route function.</summary>
    public static void ManageConnections(WebSocketApi api, IFunction function)
    {
        if (function.Role?.Node.TryFindChild("DefaultPolicy") is not Policy policy)
        {
            return;
        }

        var stack = Stack.Of(api);
        var apiId = stack.GetLogicalId((CfnElement)api.Node.DefaultChild!);
        NagSuppressions.Add(
            policy,
            "AwsSolutions-IAM5",
            "execute-api:ManageConnections lets the route function post to and close this API's connections (the callback URL). Connection IDs exist "
            + "only at run time, so the grant ends in @connections/*; it is limited to this one API and to that action.",
            $"Resource::arn:{Rendered(stack.Partition, "AWS::Partition")}:execute-api:{Rendered(stack.Region, "AWS::Region")}:{Rendered(stack.Account, "AWS::AccountId")}:<{apiId}>/*/*/@connections/*");
    }

    /// <summary>The account-level API Gateway logging role, which a stack with WebSocket access logs sets.</summary>
    public static void AccountLogRole(Role role) => NagSuppressions.Add(
        role,
        "AwsSolutions-IAM4",
        "AmazonAPIGatewayPushToCloudWatchLogs is the AWS-managed policy API Gateway documents for the account's logging role, which WebSocket access logs need; "
        + "AWS keeps it current. Set CloudWatchRole = false on the WebSocket APIs when the account already has a role of its own.",
        NagSuppressions.AnyPartition("Policy", "iam::aws:policy\\/service-role\\/AmazonAPIGatewayPushToCloudWatchLogs"));

    /// <summary>How cdk-nag prints a value in a finding: a pseudo parameter as &lt;AWS::Region&gt;, a literal as is.</summary>
    private static string Rendered(string value, string pseudoParameter) => Token.IsUnresolved(value) ? $"<{pseudoParameter}>" : value;
}
