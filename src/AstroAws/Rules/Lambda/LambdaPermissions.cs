using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.Lambda;

/// <summary>The resource-policy statements (<c>AWS::Lambda::Permission</c>) of a template's functions.</summary>
internal static class LambdaPermissions
{
    /// <summary>The function a function URL belongs to (<c>TargetFunctionArn</c>), by logical ID.</summary>
    public static string? FunctionOf(CfnResourceView url) => CfnTemplate.ReferencedId(url.Property("TargetFunctionArn"));

    /// <summary>The permissions on the function with logical ID <paramref name="functionId"/>.</summary>
    public static IEnumerable<CfnResourceView> On(CfnTemplate template, string? functionId) =>
        template.OfType("AWS::Lambda::Permission").Where(p => functionId is not null && CfnTemplate.ReferencedIds(p.Property("FunctionName")).Contains(functionId));

    public static bool Allows(CfnResourceView permission, string action, string principal) =>
        CfnTemplate.Text(permission.Property("Action")) == action && CfnTemplate.Text(permission.Property("Principal")) == principal;

    public static bool ViaUrlOnly(CfnResourceView permission) => CfnTemplate.Bool(permission.Property("InvokedViaFunctionUrl")) == true;

    public static bool ForAuthType(CfnResourceView permission, string authType) => CfnTemplate.Text(permission.Property("FunctionUrlAuthType")) == authType;

    public static bool From(CfnResourceView permission, JsonNode? sourceArn) => permission.Property("SourceArn") is { } arn && JsonNode.DeepEquals(arn, sourceArn);
}
