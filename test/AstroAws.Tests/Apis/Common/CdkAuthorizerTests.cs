using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AwsApigatewayv2Authorizers;
using Astro.Aws.Tests.Apis.WebSocket;
using Astro.Aws.Tests.Support;
using Xunit;

namespace Astro.Aws.Tests.Apis.Common;

/// <summary>Ready-made CDK authorizers, named in the API's authorizers and used as they are.</summary>
public class CdkAuthorizerTests
{
    [Fact]
    public void A_cdk_jwt_authorizer_with_its_own_identity_source_guards_routes_with_scopes()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Authorizers = new Dictionary<string, ApiAuthorizer>
            {
                ["auth0"] = ApiAuthorizer.FromCdk(new HttpJwtAuthorizer("Auth0", "https://myorg.us.auth0.com", new HttpJwtAuthorizerProps
                {
                    JwtAudience = ["aud-1"],
                    IdentitySource = ["$request.header.X-Token"],
                })),
            },
            Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "auth0", AuthorizationScopes = ["notes:read"] }),
            Routes = new Dictionary<string, ApiRoute> { ["GET /notes"] = "src/list.main" },
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AuthorizerType"] = "JWT",
            ["IdentitySource"] = new[] { "$request.header.X-Token" },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object>
        {
            ["RouteKey"] = "GET /notes",
            ["AuthorizationType"] = "JWT",
            ["AuthorizationScopes"] = new[] { "notes:read" },
        }));
    }

    [Fact]
    public void An_authorizer_that_exists_is_referenced_by_its_id_and_no_authorizer_is_created()
    {
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Authorizers = new Dictionary<string, ApiAuthorizer>
            {
                ["shared"] = ApiAuthorizer.FromCdk(HttpAuthorizer.FromHttpAuthorizerAttributes(scope, "Shared", new HttpAuthorizerAttributes { AuthorizerId = "auth123", AuthorizerType = "CUSTOM" })),
            },
            Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "shared" }),
            Routes = new Dictionary<string, ApiRoute> { ["GET /notes"] = "src/list.main" },
        });
        var template = ApiStacks.Template(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizerId"] = "auth123", ["AuthorizationType"] = "CUSTOM" }));
    }

    [Fact]
    public void Scopes_on_a_cdk_lambda_authorizer_are_refused_because_api_gateway_checks_scopes_against_jwt_claims_only()
    {
        Refusal.Expect(
            () => ApiStacks.Http(_ => new AstroHttpApiProps
            {
                Authorizers = new Dictionary<string, ApiAuthorizer> { ["signed"] = ApiAuthorizer.FromCdk(new HttpIamAuthorizer()) },
                Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "signed", AuthorizationScopes = ["notes:read"] }),
                Routes = new Dictionary<string, ApiRoute> { ["GET /notes"] = "src/list.main" },
            }),
            "authorization scopes (notes:read) need a JWT or user pool authorizer",
            "HttpIamAuthorizer");
    }

    [Fact]
    public void A_websocket_authorizer_on_an_http_api_is_refused_and_the_other_way_round()
    {
        Refusal.Expect(
            () => ApiStacks.Http(scope => new AstroHttpApiProps
            {
                Authorizers = new Dictionary<string, ApiAuthorizer> { ["ws"] = ApiAuthorizer.FromCdk(new WebSocketIamAuthorizer()) },
                Defaults = ApiStacks.Defaults(),
            }),
            "AstroHttpApiProps.Authorizers[\"ws\"]",
            "WebSocketIamAuthorizer",
            "this is an HTTP API");
        Refusal.Expect(
            () => WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), Authorizer = ApiAuthorizer.FromCdk(new HttpIamAuthorizer()) }),
            "AstroWebSocketApiProps.Authorizer",
            "HttpIamAuthorizer",
            "this is a WebSocket API");
    }

    [Fact]
    public void A_cdk_websocket_lambda_authorizer_guards_connect()
    {
        var (stack, _) = WsStacks.Create(scope => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            Authorizer = ApiAuthorizer.FromCdk(new WebSocketLambdaAuthorizer("Tokens", WsStacks.OwnFunction(scope, "AuthFn"), new WebSocketLambdaAuthorizerProps { IdentitySource = ["route.request.querystring.token"] })),
        });
        var template = SiteStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new Dictionary<string, object> { ["AuthorizerType"] = "REQUEST", ["IdentitySource"] = new[] { "route.request.querystring.token" } }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "$connect", ["AuthorizationType"] = "CUSTOM" }));
    }
}
