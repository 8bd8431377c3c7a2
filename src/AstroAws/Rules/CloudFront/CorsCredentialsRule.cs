using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.CloudFront;

/// <summary>A CORS response headers policy that allows credentials cannot allow every origin or header.</summary>
internal sealed class CorsCredentialsRule : AwsRule
{
    public override string Id => "cloudfront/cors-credentials";

    public override string Summary => "A response headers policy with AccessControlAllowCredentials true has no '*' in AccessControlAllowHeaders or AccessControlAllowOrigins.";

    public override string Source => "https://github.com/aws/aws-cdk/pull/35308 (\"Invalid request provided: AWS::CloudFront::ResponseHeadersPolicy: The parameter Access-Control-Allow-Headers cannot contain * when allowCredentials is true\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template) =>
        from policy in template.OfType("AWS::CloudFront::ResponseHeadersPolicy")
        from list in WildcardsWithCredentials(policy.Property("ResponseHeadersPolicyConfig", "CorsConfig"))
        select new RuleFinding(policy.LogicalId, $"it allows credentials and '*' in {list}, which CloudFront refuses (and browsers ignore). List the origins and headers.");

    /// <summary>The CORS lists holding '*' while credentials are allowed (template or resolved L1 props).</summary>
    public static IEnumerable<string> WildcardsWithCredentials(JsonNode? cors) =>
        CfnTemplate.Bool(cors.At("AccessControlAllowCredentials")) != true
            ? []
            : new[] { "AccessControlAllowHeaders", "AccessControlAllowOrigins" }.Where(list => CfnTemplate.Texts(cors.At(list, "Items")).Contains("*"));
}
