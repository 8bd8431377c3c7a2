using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.Route53;
using Astro.Aws.Tests.Support;
using Xunit;

namespace Astro.Aws.Tests.Apis.Http;

/// <summary>C# twins of the SST "API" guide's HTTP examples: each compiles, synthesizes and does what the guide says.</summary>
public class SstExampleTests
{
    [Fact]
    public void Restful_api()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /notes"] = "src/list.main",
                ["POST /notes"] = "src/create.main",
                ["GET /notes/{id}"] = "src/get.main",
                ["PUT /notes/{id}"] = "src/update.main",
                ["DELETE /notes/{id}"] = "src/delete.main",
            },
        });

        var template = ApiStacks.Template(stack);
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 5);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "DELETE /notes/{id}" }));
    }

    [Fact]
    public void Catch_all_route()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /notes"] = "src/list.main",
                ["POST /notes"] = "src/create.main",
                ["$default"] = "src/default.main",
            },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "$default" }));
    }

    [Fact]
    public void GraphQL_api()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["POST /"] = ApiRoute.GraphQL("src/graphql.main") },
            Cors = new ApiCors { AllowHeaders = ["Authorization"], AllowMethods = ["ANY"], AllowOrigins = ["https://www.example.com"] },
        });

        var template = ApiStacks.Template(stack);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "POST /" }));
        template.ResourceCountIs("AWS::Lambda::Function", 1);
    }

    [Fact]
    public void Jwt_via_cognito_user_pool()
    {
        var (stack, _) = ApiStacks.Http(scope =>
        {
            var pool = new UserPool(scope, "Auth");
            return new AstroHttpApiProps
            {
                Authorizers = new Dictionary<string, ApiAuthorizer> { ["pool"] = ApiAuthorizer.UserPool(pool, pool.AddClient("Web")) },
                Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "pool" }),
                Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main" },
            };
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /", ["AuthorizationType"] = "JWT" }));
    }

    [Fact]
    public void Jwt_via_a_third_party_provider()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Authorizers = new Dictionary<string, ApiAuthorizer> { ["auth0"] = ApiAuthorizer.Jwt("https://myorg.us.auth0.com", "UsGRQJJz5sDfPQDs6bhQ9Oc3hNISuVif") },
            Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "auth0" }),
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main" },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "auth0", ["AuthorizerType"] = "JWT" }));
    }

    [Fact]
    public void Iam_for_a_cognito_identity_pool()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "iam" }),
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main" },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizationType"] = "AWS_IAM" }));
    }

    [Fact]
    public void Custom_domain()
    {
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            CustomDomain = "api.domain.com",
            HostedZone = HostedZone.FromHostedZoneAttributes(scope, "Zone", new HostedZoneAttributes { HostedZoneId = "Z0DOMAIN", ZoneName = "domain.com" }),
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main" },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.ObjectLike(new Dictionary<string, object> { ["DomainName"] = "api.domain.com" }));
    }

    [Fact]
    public void Access_log_in_csv()
    {
        const string Csv = "$context.identity.sourceIp,$context.requestTime,$context.httpMethod,$context.routeKey,$context.protocol,$context.status,$context.responseLength,$context.requestId";
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            AccessLog = Csv,
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main" },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AccessLogSettings"] = Match.ObjectLike(new Dictionary<string, object> { ["Format"] = Csv }),
        }));
    }

    [Fact]
    public void Cors_overridden()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Cors = new ApiCors { AllowHeaders = ["Authorization"], AllowMethods = ["ANY"], AllowOrigins = ["https://www.example.com"] },
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main" },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new Dictionary<string, object>
        {
            ["CorsConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["AllowOrigins"] = new[] { "https://www.example.com" }, ["AllowHeaders"] = new[] { "Authorization" } }),
        }));
    }
}
