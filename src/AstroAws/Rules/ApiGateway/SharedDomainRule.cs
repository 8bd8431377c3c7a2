namespace Astro.Aws.Rules.ApiGateway;

/// <summary>APIs sharing a custom domain: one mapping per base path, and WebSocket APIs only beside WebSocket APIs.</summary>
internal sealed class SharedDomainRule : AwsRule
{
    public override string Id => "apigateway/shared-domain";

    public override string Summary => "A custom domain has at most one API mapping per key (base path; none is the root), and maps WebSocket APIs only beside other WebSocket APIs, never beside HTTP or REST APIs.";

    public override string Source => "https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-mappings.html (\"You can't map WebSocket APIs to the same custom domain name as an HTTP API or REST API\"); https://github.com/aws/aws-cdk/issues/22660 (\"ApiMapping key already exists for this domain name (Service: AmazonApiGatewayV2; Status Code: 409; Error Code: ConflictException\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        var byDomain = template.OfType("AWS::ApiGatewayV2::ApiMapping")
            .GroupBy(mapping => mapping.Property("DomainName")?.ToJsonString() ?? string.Empty, StringComparer.Ordinal);
        foreach (var domain in byDomain)
        {
            foreach (var sameKey in domain.GroupBy(mapping => CfnTemplate.Text(mapping.Property("ApiMappingKey")) ?? string.Empty, StringComparer.Ordinal).Where(group => group.Count() > 1))
            {
                var shown = sameKey.Key.Length == 0 ? "the root (no key)" : $"'{sameKey.Key}'";
                foreach (var mapping in sameKey.Skip(1))
                {
                    yield return new RuleFinding(mapping.LogicalId, $"it maps {shown} of a domain that {sameKey.First().LogicalId} already maps there; give each API its own base path.");
                }
            }

            var protocols = domain.Select(mapping => (mapping, WebSocket: ApiGatewayApis.IsWebSocket(template, mapping), Known: ApiGatewayApis.ApiOf(template, mapping) is not null)).Where(m => m.Known).ToList();
            if (protocols.Any(m => m.WebSocket) && protocols.Any(m => !m.WebSocket))
            {
                foreach (var (mapping, _, _) in protocols.Where(m => m.WebSocket))
                {
                    yield return new RuleFinding(mapping.LogicalId, "it maps a WebSocket API onto a domain that also maps an HTTP API; give the WebSocket API a domain of its own.");
                }
            }
        }
    }
}
