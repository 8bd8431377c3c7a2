namespace Astro.Aws.Rules.ApiGateway;

/// <summary>Authorizer result caching and JWT issuers.</summary>
internal sealed class AuthorizerRule : AwsRule
{
    public override string Id => "apigateway/authorizer";

    public override string Summary => "An authorizer caches results for 0-3600 s, and a JWT authorizer's issuer is an https URL.";

    public override string Source => "API Gateway v2 API reference, Authorizer.AuthorizerResultTtlInSeconds (\"The maximum value is 3600, or 1 hour\"); AWS::ApiGatewayV2::Authorizer JWTConfiguration.Issuer (\"https://cognito-idp.{region}.amazonaws.com/{userPoolId}\"); https://github.com/awsdocs/amazon-api-gateway-developer-guide/issues/79";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var authorizer in template.OfType("AWS::ApiGatewayV2::Authorizer"))
        {
            if (CfnTemplate.Number(authorizer.Property("AuthorizerResultTtlInSeconds")) is { } ttl && (ttl < 0 || ttl > 3600))
            {
                yield return new RuleFinding(authorizer.LogicalId, $"it caches results for {ttl} s; API Gateway accepts 0-3600.");
            }

            if (CfnTemplate.Text(authorizer.Property("JwtConfiguration", "Issuer")) is { } issuer && !issuer.StartsWith("https://", StringComparison.Ordinal))
            {
                yield return new RuleFinding(authorizer.LogicalId, $"its JWT issuer '{issuer}' is not an https URL.");
            }
        }
    }
}
