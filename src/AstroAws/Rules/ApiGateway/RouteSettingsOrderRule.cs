using System.Text.Json.Nodes;

namespace Astro.Aws.Rules.ApiGateway;

/// <summary>A stage's RouteSettings name routes that must exist when the stage is created, so the stage depends on them.</summary>
internal sealed class RouteSettingsOrderRule : AwsRule
{
    public override string Id => "apigateway/route-settings-after-route";

    public override string Summary => "Every key of a stage's RouteSettings is the RouteKey of a route of the same API that the stage DependsOn (a route key is a string, so CloudFormation would otherwise create the stage first and fail with \"Unable to find Route by key\").";

    public override string Source => "https://github.com/terraform-aws-modules/terraform-aws-apigateway-v2/pull/80 (\"NotFoundException: Unable to find Route by key GET /some-route within the provided RouteSettings\"); https://github.com/aws/serverless-application-model/issues/2479";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var stage in template.OfType("AWS::ApiGatewayV2::Stage"))
        {
            var apiId = CfnTemplate.ReferencedId(stage.Property("ApiId"));
            var routes = apiId is null ? [] : ApiGatewayApis.RoutesOf(template, apiId).ToList();
            foreach (var key in (stage.Property("RouteSettings") as JsonObject ?? []).Select(s => s.Key))
            {
                var route = routes.FirstOrDefault(r => CfnTemplate.Text(r.Property("RouteKey")) == key);
                if (route is null)
                {
                    yield return new RuleFinding(stage.LogicalId, $"its RouteSettings name '{key}', but the API has no route with that key.");
                }
                else if (!stage.DependsOn.Contains(route.LogicalId))
                {
                    yield return new RuleFinding(stage.LogicalId, $"its RouteSettings name '{key}', but the stage does not DependsOn route {route.LogicalId}, so the first deploy fails with \"Unable to find Route by key\".");
                }
            }
        }
    }
}
