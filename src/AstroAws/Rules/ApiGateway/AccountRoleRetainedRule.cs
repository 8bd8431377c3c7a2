namespace Astro.Aws.Rules.ApiGateway;

/// <summary>The account's API Gateway logging role outlives the stack that set it: other APIs log with it.</summary>
internal sealed class AccountRoleRetainedRule : AwsRule
{
    public override string Id => "apigateway/account-role-retained";

    public override string Summary => "An AWS::ApiGateway::Account and the role it names are retained on stack deletion and replacement (DeletionPolicy and UpdateReplacePolicy Retain): the setting outlives the stack, and a deleted role stops logging for every REST and WebSocket API of the region.";

    public override string Source => "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-account.html (\"When you delete a stack containing this resource, API Gateway can still assume the provided IAM role\"); https://github.com/aws/aws-cdk/issues/6194; https://github.com/aws/aws-cdk/pull/26836 (cloudWatchRoleRemovalPolicy defaults to RETAIN)";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var account in template.OfType("AWS::ApiGateway::Account"))
        {
            foreach (var resource in new[] { account, template.Target(account.Property("CloudWatchRoleArn")) }.OfType<CfnResourceView>())
            {
                if (resource.DeletionPolicy != "Retain" || resource.UpdateReplacePolicy != "Retain")
                {
                    yield return new RuleFinding(resource.LogicalId, $"the account's API Gateway logging {(resource == account ? "setting" : "role")} is not retained (DeletionPolicy {resource.DeletionPolicy ?? "Delete"}, UpdateReplacePolicy {resource.UpdateReplacePolicy ?? "Delete"}); deleting the stack would break logging for every API in the region.");
                }
            }
        }
    }
}
