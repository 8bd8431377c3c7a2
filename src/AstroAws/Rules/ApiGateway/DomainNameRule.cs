namespace Astro.Aws.Rules.ApiGateway;

/// <summary>API Gateway v2 custom domain names: lower case without underscores, regional, TLS 1.2, a certificate from the API's region.</summary>
internal sealed class DomainNameRule : AwsRule
{
    public override string Id => "apigateway/domain-name";

    public override string Summary => "An AWS::ApiGatewayV2::DomainName has no upper-case letters or underscores, a REGIONAL endpoint with SecurityPolicy TLS_1_2, and an ACM certificate in the stack's region.";

    public override string Source => "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigatewayv2-domainname.html (\"Uppercase letters and the underscore (_) character are not supported\"); https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-regional-api-custom-domain-create.html (\"This certificate must be in the same Region as your API\"); https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html (\"TLS 1.2 is the only supported TLS version\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var domain in template.OfType("AWS::ApiGatewayV2::DomainName"))
        {
            if (CfnTemplate.Text(domain.Property("DomainName")) is { } name && (name.Any(char.IsUpper) || name.Contains('_', StringComparison.Ordinal)))
            {
                yield return new RuleFinding(domain.LogicalId, $"its name '{name}' has upper-case letters or underscores, which API Gateway refuses.");
            }

            foreach (var configuration in (domain.Property("DomainNameConfigurations") as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>())
            {
                if (CfnTemplate.Text(configuration["EndpointType"]) is { } endpoint && endpoint != "REGIONAL")
                {
                    yield return new RuleFinding(domain.LogicalId, $"its endpoint type is {endpoint}; API Gateway v2 domains are REGIONAL.");
                }

                if (CfnTemplate.Text(configuration["SecurityPolicy"]) is { } policy && policy != "TLS_1_2")
                {
                    yield return new RuleFinding(domain.LogicalId, $"its security policy is {policy}; HTTP APIs support TLS_1_2 only.");
                }

                if (template.Region is { } region && CfnTemplate.Text(configuration["CertificateArn"]) is { } arn && arn.Split(':') is { Length: > 3 } parts && parts[3] != region)
                {
                    yield return new RuleFinding(domain.LogicalId, $"its certificate {arn} is in {parts[3]}, but a regional domain needs one from the API's region ({region}).");
                }
            }
        }
    }
}
