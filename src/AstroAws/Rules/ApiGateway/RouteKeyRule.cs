using System.Text.RegularExpressions;

namespace Astro.Aws.Rules.ApiGateway;

/// <summary>HTTP API route keys: a method and a path, or $default; a greedy parameter only at the end; each key once.</summary>
internal sealed partial class RouteKeyRule : AwsRule
{
    public override string Id => "apigateway/http-route-key";

    public override string Summary => "An HTTP API route key is $default or METHOD /path (ANY, GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS), a greedy {name+} parameter is its last segment, and no key appears twice on one API.";

    public override string Source => "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html (\"Routes consist of two parts: an HTTP method and a resource path\"; \"The greedy path variable must be at the end of the resource path\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        var routes = template.OfType("AWS::ApiGatewayV2::Route").Where(r => ApiGatewayApis.Protocol(ApiGatewayApis.ApiOf(template, r)) == "HTTP").ToList();
        foreach (var route in routes)
        {
            if (CfnTemplate.Text(route.Property("RouteKey")) is not { } key || key == "$default")
            {
                continue;
            }

            if (!Shape().IsMatch(key))
            {
                yield return new RuleFinding(route.LogicalId, $"its key '{key}' is not '$default' or 'METHOD /path'.");
            }
            else if (key.IndexOf("+}", StringComparison.Ordinal) is var greedy and >= 0 && greedy != key.Length - 2)
            {
                yield return new RuleFinding(route.LogicalId, $"its key '{key}' has a greedy parameter that is not the last segment.");
            }
        }

        foreach (var twice in routes.GroupBy(r => (Api: CfnTemplate.ReferencedId(r.Property("ApiId")), Key: CfnTemplate.Text(r.Property("RouteKey")))).Where(g => g.Key.Key is not null && g.Count() > 1))
        {
            yield return new RuleFinding(twice.Last().LogicalId, $"the key '{twice.Key.Key}' appears {twice.Count()} times on one API.");
        }
    }

    [GeneratedRegex("^(ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /[^ ]*$")]
    private static partial Regex Shape();
}
