using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Cognito;
using Astro.Aws.Tests.Support;
using Xunit;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Astro.Aws.Tests.Apis.Http;

public class HttpApiAuthorizerTests
{
    [Fact]
    public void Jwt_authorizer_from_a_third_party_issuer()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Authorizers = new Dictionary<string, ApiAuthorizer> { ["auth0"] = ApiAuthorizer.Jwt("https://myorg.us.auth0.com", "UsGRQJJz5sDfPQDs6bhQ9Oc3hNISuVif") },
            Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "auth0" }),
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main" },
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AuthorizerType"] = "JWT",
            ["Name"] = "auth0",
            ["IdentitySource"] = new[] { "$request.header.Authorization" },
            ["JwtConfiguration"] = new Dictionary<string, object> { ["Audience"] = new[] { "UsGRQJJz5sDfPQDs6bhQ9Oc3hNISuVif" }, ["Issuer"] = "https://myorg.us.auth0.com" },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /", ["AuthorizationType"] = "JWT", ["AuthorizerId"] = Match.AnyValue() }));
    }

    [Fact]
    public void Cognito_user_pool_authorizer()
    {
        var (stack, _) = ApiStacks.Http(scope =>
        {
            var pool = new UserPool(scope, "Pool");
            var client = pool.AddClient("Web");
            return new AstroHttpApiProps
            {
                Authorizers = new Dictionary<string, ApiAuthorizer> { ["pool"] = ApiAuthorizer.UserPool(pool, client) },
                Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "pool" }),
                Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main" },
            };
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AuthorizerType"] = "JWT",
            ["JwtConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["Audience"] = new[] { Match.ObjectLike(new Dictionary<string, object> { ["Ref"] = Match.StringLikeRegexp("^PoolWeb") }) } }),
        }));
    }

    [Fact]
    public void Lambda_authorizer_with_simple_responses_identity_source_and_no_cache_by_default()
    {
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Authorizers = new Dictionary<string, ApiAuthorizer>
            {
                ["custom"] = new ApiLambdaAuthorizer(AuthorizerFunction(scope)) { IdentitySource = ["$request.header.X-Api-Key"] },
                ["cached"] = new ApiLambdaAuthorizer(AuthorizerFunction(scope, "Cached")) { ResponseType = ApiLambdaAuthorizerResponse.Iam, ResultsCacheTtl = Duration.Minutes(5) },
            },
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /a"] = ApiRoute.FromHandler("src/list.main") with { Authorizer = "custom" },
                ["GET /b"] = ApiRoute.FromHandler("src/get.main") with { Authorizer = "cached" },
            },
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AuthorizerType"] = "REQUEST",
            ["EnableSimpleResponses"] = true,
            ["AuthorizerResultTtlInSeconds"] = 0,
            ["IdentitySource"] = new[] { "$request.header.X-Api-Key" },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AuthorizerType"] = "REQUEST",
            ["AuthorizerResultTtlInSeconds"] = 300,
            ["AuthorizerPayloadFormatVersion"] = "1.0",
            ["EnableSimpleResponses"] = Match.Absent(),
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /a", ["AuthorizationType"] = "CUSTOM" }));
    }

    [Fact]
    public void Iam_is_a_reserved_authorizer_and_none_overrides_a_default()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "iam" }),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /private"] = "src/list.main",
                ["GET /public"] = ApiRoute.FromHandler("src/get.main") with { Authorizer = "none" },
            },
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /private", ["AuthorizationType"] = "AWS_IAM" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /public", ["AuthorizationType"] = "NONE" }));
    }

    [Fact]
    public void An_authorizer_on_an_any_route_leaves_preflight_unauthenticated_when_cors_is_on()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "iam" }),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["ANY /notes/{proxy+}"] = "src/list.main",
                ["$default"] = "src/default.main",
            },
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "ANY /notes/{proxy+}", ["AuthorizationType"] = "AWS_IAM" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "OPTIONS /notes/{proxy+}", ["AuthorizationType"] = "NONE" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "OPTIONS /{proxy+}", ["AuthorizationType"] = "NONE" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "OPTIONS /", ["AuthorizationType"] = "NONE" }));
    }

    [Fact]
    public void Default_scopes_follow_the_default_authorizer_only()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Authorizers = new Dictionary<string, ApiAuthorizer> { ["auth0"] = ApiAuthorizer.Jwt("https://myorg.us.auth0.com", "aud") },
            Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "auth0", AuthorizationScopes = ["notes:read"] }),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /private"] = "src/list.main",
                ["GET /public"] = ApiRoute.FromHandler("src/get.main") with { Authorizer = "none" },
            },
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /private", ["AuthorizationScopes"] = new[] { "notes:read" } }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /public", ["AuthorizationType"] = "NONE", ["AuthorizationScopes"] = Match.Absent() }));
    }

    [Fact]
    public void Without_cors_no_preflight_route_is_added()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Cors = ApiCors.Off,
            Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "iam" }),
            Routes = new Dictionary<string, ApiRoute> { ["ANY /notes"] = "src/list.main" },
        });

        ApiStacks.Template(stack).ResourceCountIs("AWS::ApiGatewayV2::Route", 1);
    }

    private static LambdaFunction AuthorizerFunction(Constructs.Construct scope, string id = "Authorizer") => new(scope, id, new Amazon.CDK.AWS.Lambda.FunctionProps
    {
        Code = Amazon.CDK.AWS.Lambda.Code.FromInline("exports.handler = async () => ({ isAuthorized: true })"),
        Handler = "index.handler",
        Runtime = Amazon.CDK.AWS.Lambda.Runtime.NODEJS_20_X,
    });
}
