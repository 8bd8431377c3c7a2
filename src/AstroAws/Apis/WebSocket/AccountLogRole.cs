using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using CfnAccount = Amazon.CDK.AWS.APIGateway.CfnAccount;

namespace Astro.Aws.Apis.WebSocket;

/// <summary>
/// The account's API Gateway CloudWatch Logs role (one setting per account and region), which WebSocket stages need in
/// order to log (rule <c>apigateway/websocket-logs-need-account-role</c>). One per stack, however many APIs it holds,
/// since two <c>AWS::ApiGateway::Account</c> resources in one template would race for the same setting.
/// </summary>
/// <remarks>
/// Both resources are retained when the stack is deleted, whatever the API's deletion policy: deleting the role would
/// leave the account setting pointing at nothing, and every REST and WebSocket API in the region would stop logging
/// (rule <c>apigateway/account-role-retained</c>). Deleting an <c>AWS::ApiGateway::Account</c> does not reset the setting anyway.
/// </remarks>
internal static class AccountLogRole
{
    /// <summary>The construct ID of the holder in the stack; part of the contract (changing it replaces the role).</summary>
    public const string HolderId = "AstroAwsApiGatewayAccount";

    /// <summary>The metadata key a stage carries when its caller says the account already has the role.</summary>
    public const string ProvidedMetadataKey = "astroaws:account-log-role";

    /// <summary>The role and the account setting of <paramref name="scope"/>'s stack, created on first use.</summary>
    public static (Role Role, CfnAccount Account) Of(Construct scope)
    {
        var stack = Stack.Of(scope);
        if (stack.Node.TryFindChild(HolderId) is Construct existing)
        {
            return ((Role)existing.Node.FindChild("Role"), (CfnAccount)existing.Node.FindChild("Account"));
        }

        var holder = new Construct(stack, HolderId);
        var role = new Role(holder, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("apigateway.amazonaws.com"),
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AmazonAPIGatewayPushToCloudWatchLogs")],
            Description = "AstroAws: the account's API Gateway CloudWatch Logs role (kept when the stack is deleted; other APIs log with it)",
        });
        role.ApplyRemovalPolicy(RemovalPolicy.RETAIN);
        var account = new CfnAccount(holder, "Account", new Amazon.CDK.AWS.APIGateway.CfnAccountProps { CloudWatchRoleArn = role.RoleArn });
        account.ApplyRemovalPolicy(RemovalPolicy.RETAIN);
        Security.ApiSuppressions.AccountLogRole(role);
        return (role, account);
    }
}
