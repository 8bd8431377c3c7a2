using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Astro.Aws.Parts;

/// <summary>
/// The <c>lambda:InvokeFunction</c> statement that Lambda has required beside <c>lambda:InvokeFunctionUrl</c> since
/// October 2025 (rule <c>lambda/url-invoke-function</c> in docs/aws-rules.md): without it the URL answers 403 before the
/// function runs. It is limited to calls that arrive through a function URL.
/// </summary>
internal static class FunctionUrlPermissions
{
    /// <summary>For a public URL (auth NONE): anyone, through the URL only. aws-cdk-lib 2.160 writes only the InvokeFunctionUrl half.</summary>
    public static void AllowPublicInvoke(LambdaFunction function) =>
        AddInvokeViaUrl(function, SiteIds.PublicInvokePermission, new AnyPrincipal(), sourceArn: null);

    /// <summary>Adds <c>lambda:InvokeFunction</c> for <paramref name="principal"/> with <c>InvokedViaFunctionUrl: true</c>.</summary>
    public static void AddInvokeViaUrl(LambdaFunction function, string id, IPrincipal principal, string? sourceArn)
    {
        function.AddPermission(id, new Permission
        {
            Principal = principal,
            Action = "lambda:InvokeFunction",
            SourceArn = sourceArn,
        });

        // aws-cdk-lib 2.160's CfnPermission does not model InvokedViaFunctionUrl (the CloudFormation schema has it).
        var permission = (CfnPermission)function.Node.FindChild(id);
        permission.AddPropertyOverride("InvokedViaFunctionUrl", true);
    }
}
