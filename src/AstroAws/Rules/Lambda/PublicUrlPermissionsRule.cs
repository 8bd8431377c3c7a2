namespace Astro.Aws.Rules.Lambda;

/// <summary>Since October 2025 a function URL with auth NONE answers 403 unless anyone may both invoke the URL and invoke the function through it.</summary>
internal sealed class PublicUrlPermissionsRule : AwsRule
{
    public override string Id => "lambda/url-invoke-function";

    public override string Summary => "A function URL with AuthType NONE needs two resource-policy statements for principal *: lambda:InvokeFunctionUrl (FunctionUrlAuthType NONE) and lambda:InvokeFunction with InvokedViaFunctionUrl true.";

    public override string Source => "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html (\"Starting in October 2025, new function URLs will require both lambda:InvokeFunctionUrl and lambda:InvokeFunction permissions\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var url in template.OfType("AWS::Lambda::Url").Where(u => CfnTemplate.Text(u.Property("AuthType")) == "NONE"))
        {
            var permissions = LambdaPermissions.On(template, LambdaPermissions.FunctionOf(url)).ToList();
            if (!permissions.Any(p => LambdaPermissions.Allows(p, "lambda:InvokeFunctionUrl", "*") && LambdaPermissions.ForAuthType(p, "NONE")))
            {
                yield return new RuleFinding(url.LogicalId, "the function has no lambda:InvokeFunctionUrl permission for principal * with FunctionUrlAuthType NONE, so the public URL answers 403. Add it (CDK's AddFunctionUrl does).");
            }

            if (!permissions.Any(p => LambdaPermissions.Allows(p, "lambda:InvokeFunction", "*") && LambdaPermissions.ViaUrlOnly(p)))
            {
                yield return new RuleFinding(url.LogicalId, "the function has no lambda:InvokeFunction permission for principal * with InvokedViaFunctionUrl true, so Lambda answers 403 before the function runs. Add it; aws-cdk-lib 2.160 writes only the InvokeFunctionUrl half.");
            }
        }
    }
}
