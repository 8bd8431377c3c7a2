namespace Astro.Aws.Rules.ApiGateway;

/// <summary>A custom domain's base path (API mapping key): characters, length, no slash at either end.</summary>
internal sealed class ApiMappingRule : AwsRule
{
    public override string Id => "apigateway/mapping-key";

    public override string Summary => "An API mapping key is at most 300 characters of letters, digits and $-_.+!*'(), in segments separated by single slashes, with no slash at either end.";

    public override string Source => "https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-mappings.html (\"API mappings must contain only letters, numbers, and the following characters: $-_.+!*'()\"; \"The maximum length for the path in an API mapping is 300 characters\"); https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-mappings.html (multiple levels)";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template) =>
        from mapping in template.OfType("AWS::ApiGatewayV2::ApiMapping")
        let key = CfnTemplate.Text(mapping.Property("ApiMappingKey"))
        where key is not null && !Apis.Common.MappingKeys.IsValid(key)
        select new RuleFinding(mapping.LogicalId, $"its key '{key}' is not an API mapping key API Gateway accepts.");
}
