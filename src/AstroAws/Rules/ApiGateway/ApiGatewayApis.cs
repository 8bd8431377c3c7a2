namespace Astro.Aws.Rules.ApiGateway;

/// <summary>Reads API Gateway v2 resources: which API a stage, route or integration belongs to, and its protocol.</summary>
internal static class ApiGatewayApis
{
    public static CfnResourceView? ApiOf(CfnTemplate template, CfnResourceView child) => template.Target(child.Property("ApiId"));

    public static string? Protocol(CfnResourceView? api) => CfnTemplate.Text(api?.Property("ProtocolType"));

    public static bool IsWebSocket(CfnTemplate template, CfnResourceView child) => Protocol(ApiOf(template, child)) == "WEBSOCKET";

    public static IEnumerable<CfnResourceView> RoutesOf(CfnTemplate template, string apiId) =>
        template.OfType("AWS::ApiGatewayV2::Route").Where(r => CfnTemplate.ReferencedId(r.Property("ApiId")) == apiId);
}
