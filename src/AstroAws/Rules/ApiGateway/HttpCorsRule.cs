using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.ApiGateway;

/// <summary>HTTP API CORS: no credentials with every origin, and preflight requests that an authorizer does not stop.</summary>
internal sealed class HttpCorsRule : AwsRule
{
    public override string Id => "apigateway/http-cors";

    public override string Summary => "An HTTP API's CORS configuration does not allow credentials with origin '*', and beside an authorized ANY or $default route there is an unauthorized OPTIONS route, because preflight requests carry no credentials.";

    public override string Source => "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html (API Gateway answers preflight requests itself only when no route catches OPTIONS); aws-cdk HttpApi (\"allowCredentials is not supported when allowOrigin is '*'\"); https://repost.aws/questions/QUa05IJrBaSGKwB16CI_IcBw (\"if this route has authentication enabled, OPTIONS method will fail\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var api in template.OfType("AWS::ApiGatewayV2::Api").Where(a => ApiGatewayApis.Protocol(a) == "HTTP"))
        {
            var cors = api.Property("CorsConfiguration");
            if (cors is null)
            {
                continue;
            }

            if (CfnTemplate.Bool(cors["AllowCredentials"]) == true && CfnTemplate.Texts(cors["AllowOrigins"]).Contains("*"))
            {
                yield return new RuleFinding(api.LogicalId, "its CORS configuration allows credentials with origin '*', which browsers and API Gateway refuse. List the origins.");
            }

            var routes = ApiGatewayApis.RoutesOf(template, api.LogicalId).ToList();
            var open = routes.Where(r => CfnTemplate.Text(r.Property("AuthorizationType")) is null or "NONE").Select(r => CfnTemplate.Text(r.Property("RouteKey"))).ToHashSet(StringComparer.Ordinal);
            foreach (var route in routes.Where(r => CfnTemplate.Text(r.Property("AuthorizationType")) is { } type && type != "NONE"))
            {
                var key = CfnTemplate.Text(route.Property("RouteKey")) ?? string.Empty;
                string[] preflights = key == "$default" ? ["OPTIONS /{proxy+}"] : key.StartsWith("ANY ", StringComparison.Ordinal) ? ["OPTIONS " + key[4..]] : [];
                foreach (var missing in preflights.Where(p => !open.Contains(p)))
                {
                    yield return new RuleFinding(route.LogicalId, $"'{key}' has an authorizer and catches preflight requests, but there is no unauthorized '{missing}' route, so browsers' preflight requests are refused.");
                }
            }
        }
    }
}
