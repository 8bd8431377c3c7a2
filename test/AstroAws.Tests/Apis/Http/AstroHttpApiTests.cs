using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.IAM;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.Http;

/// <summary>The routes map, defaults, functions and the API's own resources, asserted on the synthesized template.</summary>
public class AstroHttpApiTests
{
    private static Dictionary<string, ApiRoute> NotesRoutes() => new()
    {
        ["GET /notes"] = "src/list.main",
        ["POST /notes"] = "src/create.main",
        ["GET /notes/{id}"] = "src/get.main",
        ["$default"] = "src/default.main",
    };

    [Fact]
    public void Seed_routes_map_creates_a_route_integration_and_function_per_key()
    {
        var (stack, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Routes = NotesRoutes(), Defaults = ApiStacks.Defaults() });
        var template = ApiStacks.Template(stack);

        foreach (var key in new[] { "GET /notes", "POST /notes", "GET /notes/{id}", "$default" })
        {
            template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = key, ["AuthorizationType"] = "NONE" }));
        }

        template.ResourceCountIs("AWS::ApiGatewayV2::Integration", 4);
        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new Dictionary<string, object>
        {
            ["IntegrationType"] = "AWS_PROXY",
            ["PayloadFormatVersion"] = "2.0",
        }));
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Handler"] = "list.main",
            ["Runtime"] = "nodejs24.x",
            ["Architectures"] = new[] { "arm64" },
            ["MemorySize"] = 1024,
            ["Timeout"] = 10,
        }));
        api.Functions.Keys.Should().BeEquivalentTo("GET /notes", "POST /notes", "GET /notes/{id}", "$default");
        api.GetFunction("get   /notes/{id}").Should().BeSameAs(api.Functions["GET /notes/{id}"]);
        api.GetFunction("DELETE /notes").Should().BeNull();
    }

    [Fact]
    public void Default_stage_is_auto_deployed_and_outputs_name_the_api()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Routes = NotesRoutes(), Defaults = ApiStacks.Defaults() });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object> { ["StageName"] = "$default", ["AutoDeploy"] = true }));
        var outputs = SiteStacks.Json(stack)["Outputs"]!.AsObject().Select(o => o.Key).ToList();
        outputs.Should().Contain(k => k.StartsWith("ApiApiId", StringComparison.Ordinal)).And.Contain(k => k.StartsWith("ApiApiEndpoint", StringComparison.Ordinal));
    }

    [Fact]
    public void Route_settings_authorizer_scopes_payload_and_function_props_apply_per_route()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Authorizers = new Dictionary<string, ApiAuthorizer> { ["auth0"] = ApiAuthorizer.Jwt("https://myorg.us.auth0.com", "client-id") },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /notes"] = ApiRoute.FromHandler("src/list.main") with { Authorizer = "auth0", AuthorizationScopes = ["notes:read"], PayloadFormatVersion = Amazon.CDK.AWS.Apigatewayv2.PayloadFormatVersion.VERSION_1_0 },
                ["POST /notes"] = ApiRoute.FromFunctionProps(new ApiFunctionProps { Handler = "src/create.main", CodeRoot = ApiStacks.CodeRoot, MemorySize = 2048 }),
            },
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object>
        {
            ["RouteKey"] = "GET /notes",
            ["AuthorizationType"] = "JWT",
            ["AuthorizationScopes"] = new[] { "notes:read" },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new Dictionary<string, object> { ["PayloadFormatVersion"] = "1.0" }));
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["Handler"] = "create.main", ["MemorySize"] = 2048 }));
    }

    [Fact]
    public void Defaults_reach_every_route_and_route_environment_adds_to_it()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = new ApiDefaults
            {
                Function = new ApiFunctionProps { CodeRoot = ApiStacks.CodeRoot, MemorySize = 512, Environment = new Dictionary<string, string> { ["TABLE"] = "notes", ["STAGE"] = "dev" } },
                Authorizer = "iam",
                Throttle = new ApiThrottle(100, 200),
            },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /notes"] = "src/list.main",
                ["POST /notes"] = ApiRoute.FromHandler("src/create.main") with { FunctionProps = new ApiFunctionProps { Environment = new Dictionary<string, string> { ["STAGE"] = "prod" } } },
            },
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Handler"] = "list.main",
            ["MemorySize"] = 512,
            ["Environment"] = new Dictionary<string, object> { ["Variables"] = new Dictionary<string, object> { ["TABLE"] = "notes", ["STAGE"] = "dev" } },
        }));
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Handler"] = "create.main",
            ["MemorySize"] = 512,
            ["Environment"] = new Dictionary<string, object> { ["Variables"] = new Dictionary<string, object> { ["TABLE"] = "notes", ["STAGE"] = "prod" } },
        }));
        template.AllResourcesProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizationType"] = "AWS_IAM" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DefaultRouteSettings"] = Match.ObjectLike(new Dictionary<string, object> { ["ThrottlingRateLimit"] = 100, ["ThrottlingBurstLimit"] = 200 }),
        }));
    }

    [Fact]
    public void Function_url_alb_and_graphql_routes_get_their_integrations()
    {
        var (stack, _) = ApiStacks.Http(scope =>
        {
            var vpc = new Amazon.CDK.AWS.EC2.Vpc(scope, "Vpc", new Amazon.CDK.AWS.EC2.VpcProps { MaxAzs = 2, NatGateways = 1 });
            var alb = new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancer(scope, "Alb", new Amazon.CDK.AWS.ElasticLoadBalancingV2.ApplicationLoadBalancerProps { Vpc = vpc });
            var listener = alb.AddListener("Listener", new Amazon.CDK.AWS.ElasticLoadBalancingV2.BaseApplicationListenerProps { Port = 80 });
            listener.AddAction("Fixed", new Amazon.CDK.AWS.ElasticLoadBalancingV2.AddApplicationActionProps { Action = Amazon.CDK.AWS.ElasticLoadBalancingV2.ListenerAction.FixedResponse(200) });
            var existing = new Amazon.CDK.AWS.Lambda.Function(scope, "Existing", new Amazon.CDK.AWS.Lambda.FunctionProps
            {
                Code = Amazon.CDK.AWS.Lambda.Code.FromInline("exports.handler = async () => ({ statusCode: 200 })"),
                Handler = "index.handler",
                Runtime = Amazon.CDK.AWS.Lambda.Runtime.NODEJS_20_X,
            });
            return new AstroHttpApiProps
            {
                Defaults = ApiStacks.Defaults(),
                Routes = new Dictionary<string, ApiRoute>
                {
                    ["GET /existing"] = ApiRoute.FromFunction(existing),
                    ["ANY /proxy/{proxy+}"] = ApiRoute.FromUrl("https://example.com/{proxy}"),
                    ["ANY /alb/{proxy+}"] = ApiRoute.FromAlb(listener),
                    ["POST /graphql"] = ApiRoute.GraphQL("src/graphql.main"),
                },
            };
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new Dictionary<string, object>
        {
            ["IntegrationType"] = "HTTP_PROXY",
            ["IntegrationUri"] = "https://example.com/{proxy}",
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new Dictionary<string, object>
        {
            ["IntegrationType"] = "HTTP_PROXY",
            ["ConnectionType"] = "VPC_LINK",
        }));
        template.ResourceCountIs("AWS::ApiGatewayV2::VpcLink", 1);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /graphql" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "POST /graphql" }));
        template.ResourcePropertiesCountIs("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["Handler"] = "graphql.main" }), 1);
    }

    [Fact]
    public void Routes_added_later_follow_the_same_rules()
    {
        var (stack, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults() });

        var added = api.AddRoutes(new Dictionary<string, ApiRoute> { ["DELETE /notes/{id}"] = "src/delete.main" });
        var duplicate = () => api.AddRoutes(new Dictionary<string, ApiRoute> { ["DELETE /notes/{noteId}"] = "src/delete.main" });

        added.Should().ContainSingle();
        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "DELETE /notes/{id}" }));
        duplicate.Should().Throw<ArgumentException>().WithMessage("*'DELETE /notes/{noteId}' is the same route as 'DELETE /notes/{id}'*");
    }

    [Fact]
    public void Permissions_reach_every_function_or_one_route()
    {
        var (stack, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Routes = NotesRoutes(), Defaults = ApiStacks.Defaults() });

        api.AttachPermissions(new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = ["*"] }));
        api.AttachPermissionsToRoute("POST /notes", new PolicyStatement(new PolicyStatementProps { Actions = ["dynamodb:PutItem"], Resources = ["*"] }));
        var policies = SiteStacks.Json(stack)["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::IAM::Policy").Select(r => r.Value!.ToJsonString()).ToList();

        policies.Should().HaveCount(4).And.OnlyContain(p => p.Contains("s3:GetObject"));
        policies.Count(p => p.Contains("dynamodb:PutItem")).Should().Be(1);
        var missing = () => api.AttachPermissionsToRoute("GET /nothing");
        missing.Should().Throw<ArgumentException>().WithMessage("*no route 'GET /nothing'*GET /notes*");
    }

    [Fact]
    public void Permissions_for_every_function_also_reach_routes_added_afterwards()
    {
        var (stack, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Routes = NotesRoutes(), Defaults = ApiStacks.Defaults() });
        api.AttachPermissions(new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = ["*"] }));
        _ = api.AddRoutes(new Dictionary<string, ApiRoute> { ["GET /later"] = "src/list.main" });
        var policies = SiteStacks.Json(stack)["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::IAM::Policy").ToList();

        policies.Should().HaveCount(5).And.OnlyContain(p => p.Value!.ToJsonString().Contains("s3:GetObject"));
        policies.Should().Contain(p => p.Key.StartsWith("ApiRouteGETlaterFunction", StringComparison.Ordinal));
    }

    [Fact]
    public void A_route_added_again_later_is_refused_before_anything_is_created()
    {
        var (_, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Routes = NotesRoutes(), Defaults = ApiStacks.Defaults() });
        var again = () => api.AddRoutes(new Dictionary<string, ApiRoute> { ["get /notes"] = "src/list.main" });

        Refusal.Expect(again, "AstroHttpApi.AddRoutes(routes)[\"get /notes\"]", "'get /notes' is the route 'GET /notes', which already exists", "Keep one of them");
    }

    [Fact]
    public void Metrics_are_forwarded_from_the_http_api()
    {
        var (_, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Routes = NotesRoutes(), Defaults = ApiStacks.Defaults() });

        var metric = api.MetricServerError();

        metric.Namespace.Should().Be("AWS/ApiGateway");
        metric.MetricName.Should().Be("5xx");
        metric.Dimensions.Should().ContainKey("ApiId");
    }

    [Fact]
    public void Template_matches_snapshot()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Routes = NotesRoutes(), Defaults = ApiStacks.Defaults() });
        Snapshot.Match("http-api", SiteStacks.Json(stack));
    }
}
