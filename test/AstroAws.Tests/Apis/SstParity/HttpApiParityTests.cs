using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.SSM;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using HttpMethod = Amazon.CDK.AWS.Apigatewayv2.HttpMethod;
using J = System.Collections.Generic.Dictionary<string, object>;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Astro.Aws.Tests.Apis.SstParity;

/// <summary>
/// The cases of SST v2's <c>Api.test.ts</c> that have an <see cref="AstroHttpApi"/> counterpart and no other test yet,
/// one test per SST case (the table is in docs/sst-parity.md).
/// </summary>
public sealed class HttpApiParityTests
{
    private static readonly Dictionary<string, ApiRoute> OneRoute = new() { ["GET /"] = "src/list.main" };

    private static IHostedZone Zone(Stack scope) =>
        HostedZone.FromHostedZoneAttributes(scope, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123456", ZoneName = "example.com" });

    private static ICertificate Cert(Stack scope) => Certificate.FromCertificateArn(scope, "Cert", "arn:aws:acm:eu-west-1:123456789012:certificate/abc");

    private static string Parameter(Stack scope) => StringParameter.ValueForStringParameter(scope, "domain");

    /// <summary>The template parameter CDK adds for the SSM parameter <see cref="Parameter"/> reads.</summary>
    private static string ParameterIdOf(System.Text.Json.Nodes.JsonObject json) =>
        json["Parameters"]!.AsObject().Single(p => p.Key.StartsWith("SsmParameterValuedomain", StringComparison.Ordinal)).Key;

    private static string OnlyId(System.Text.Json.Nodes.JsonObject json, string type) => TemplateQueries.OfType(json, type).Single().Key;

    private static void Refused(Func<Stack, AstroHttpApiProps> props, params string[] fragments) => Refusal.Expect(() => ApiStacks.Http(props), fragments);

    [Fact]
    public void An_api_without_props_has_one_api_no_route_and_no_custom_domain()
    {
        // SST: "constructor: httpApi is undefined"
        var stack = SiteStacks.NewStack();
        var api = new AstroHttpApi(stack, "Api");
        var template = ApiStacks.Template(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 1);
        template.HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new J { ["Name"] = Names.UniqueId(api) }));
        Token.IsUnresolved(api.Url).Should().BeTrue("the URL names the API's ID, known at deploy time");
        api.CustomDomainUrl.Should().BeNull();
    }

    [Fact]
    public void Cors_with_no_settings_is_the_default_configuration()
    {
        // SST: "cors: true"
        var (given, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute, Cors = new ApiCors() });

        ApiStacks.Template(given).HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new J
        {
            ["CorsConfiguration"] = new J
            {
                ["AllowCredentials"] = false,
                ["AllowHeaders"] = new[] { "*" },
                ["AllowMethods"] = new[] { "*" },
                ["AllowOrigins"] = new[] { "*" },
            },
        }));
    }

    [Fact]
    public void Cors_that_sets_only_the_methods_keeps_the_other_defaults()
    {
        // SST: "cors: props"
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute, Cors = new ApiCors { AllowMethods = ["GET"] } });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new J
        {
            ["CorsConfiguration"] = new J
            {
                ["AllowCredentials"] = false,
                ["AllowHeaders"] = new[] { "*" },
                ["AllowMethods"] = new[] { "GET" },
                ["AllowOrigins"] = new[] { "*" },
            },
        }));
    }

    [Fact]
    public void The_default_access_log_line_has_ssts_fields_in_ssts_order()
    {
        // SST: "accessLog-undefined"
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute });
        const string Expected =
            """{"requestTime":"$context.requestTime","requestId":"$context.requestId","httpMethod":"$context.httpMethod","path":"$context.path","routeKey":"$context.routeKey","status":$context.status,"responseLatency":$context.responseLatency,"integrationRequestId":"$context.integration.requestId","integrationStatus":"$context.integration.status","integrationLatency":"$context.integration.latency","integrationServiceStatus":"$context.integration.integrationStatus","ip":"$context.identity.sourceIp","userAgent":"$context.identity.userAgent"}""";

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new J
        {
            ["AccessLogSettings"] = new J
            {
                ["DestinationArn"] = new J { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^ApiAccessLogs"), "Arn" } },
                ["Format"] = Expected,
            },
        }));
    }

    [Fact]
    public void Without_throttling_the_stage_has_no_default_route_settings()
    {
        // SST: "throttling: not throttled"
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new J
        {
            ["StageName"] = "$default",
            ["DefaultRouteSettings"] = Match.Absent(),
        }));
    }

    [Fact]
    public void A_domain_string_from_a_parameter_without_a_hosted_zone_is_refused()
    {
        // SST: "customDomain: string (imported ssm)"
        Refused(scope => new AstroHttpApiProps { CustomDomain = Parameter(scope) }, "AstroHttpApiProps.CustomDomain", "no certificate and no hosted zone", "HostedZone");
    }

    [Fact]
    public void A_domain_object_with_a_hosted_zone_and_a_base_path()
    {
        // SST: "customDomain: internal domain: domainName is string"
        var (stack, api) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = OneRoute,
            CustomDomain = new ApiDomain { DomainName = "api.example.com", HostedZone = Zone(scope), Path = "users" },
        });
        var template = ApiStacks.Template(stack);
        var json = SiteStacks.Json(stack);
        var domainId = OnlyId(json, "AWS::ApiGatewayV2::DomainName");
        var certificateId = OnlyId(json, "AWS::CertificateManager::Certificate");

        template.HasResourceProperties("AWS::CertificateManager::Certificate", Match.ObjectLike(new J { ["DomainName"] = "api.example.com", ["ValidationMethod"] = "DNS" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.ObjectLike(new J
        {
            ["DomainName"] = "api.example.com",
            ["DomainNameConfigurations"] = new[] { Match.ObjectLike(new J { ["CertificateArn"] = new J { ["Ref"] = certificateId }, ["EndpointType"] = "REGIONAL" }) },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Match.ObjectLike(new J { ["DomainName"] = new J { ["Ref"] = domainId }, ["Stage"] = Match.AnyValue(), ["ApiMappingKey"] = "users" }));
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(new J { ["Name"] = "api.example.com.", ["Type"] = "A" }));
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(new J { ["Name"] = "api.example.com.", ["Type"] = "AAAA" }));
        api.CustomDomainUrl.Should().Be("https://api.example.com/users/");
    }

    [Fact]
    public void A_domain_object_from_a_parameter_with_a_hosted_zone_names_the_domain_and_records_by_the_parameter()
    {
        // SST: "customDomain: internal domain: domainName is string (imported ssm) AND hostedZone defined"
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps { CustomDomain = new ApiDomain { DomainName = Parameter(scope), HostedZone = Zone(scope) } });
        var json = SiteStacks.Json(stack);
        var parameter = ParameterIdOf(json);
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.ObjectLike(new J { ["DomainName"] = new J { ["Ref"] = parameter } }));
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(new J
        {
            ["Name"] = new J { ["Fn::Join"] = new object[] { "", new object[] { new J { ["Ref"] = parameter }, "." } } },
            ["Type"] = "A",
        }));
    }

    [Fact]
    public void A_domain_object_from_a_parameter_with_a_zone_created_in_the_stack()
    {
        // SST: "customDomain: internal domain: domainName is string (imported ssm) AND cdk.hostedZone defined"
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            CustomDomain = new ApiDomain { DomainName = Parameter(scope), HostedZone = new HostedZone(scope, "CreatedZone", new HostedZoneProps { ZoneName = "example.com" }) },
        });
        var json = SiteStacks.Json(stack);
        var parameter = ParameterIdOf(json);
        var zoneId = OnlyId(json, "AWS::Route53::HostedZone");
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.ObjectLike(new J { ["DomainName"] = new J { ["Ref"] = parameter } }));
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(new J
        {
            ["Name"] = new J { ["Fn::Join"] = new object[] { "", new object[] { new J { ["Ref"] = parameter }, "." } } },
            ["Type"] = "A",
            ["HostedZoneId"] = new J { ["Ref"] = zoneId },
        }));
    }

    [Fact]
    public void A_domain_object_from_a_parameter_without_a_hosted_zone_is_refused()
    {
        // SST: "customDomain: internal domain: domainName is string (imported ssm), hostedZone undefined"
        Refused(scope => new AstroHttpApiProps { CustomDomain = new ApiDomain { DomainName = Parameter(scope) } }, "AstroHttpApiProps.CustomDomain", "no certificate and no hosted zone");
    }

    [Fact]
    public void An_external_domain_from_a_parameter_uses_the_given_certificate_and_writes_no_records()
    {
        // SST: "customDomain: isExternalDomain and imported domainName"
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            CustomDomain = new ApiDomain { DomainName = Parameter(scope), Certificate = new Certificate(scope, "OwnCert", new CertificateProps { DomainName = "example.com" }) },
        });
        var json = SiteStacks.Json(stack);
        var parameter = ParameterIdOf(json);
        var certificateId = OnlyId(json, "AWS::CertificateManager::Certificate");
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.ObjectLike(new J
        {
            ["DomainName"] = new J { ["Ref"] = parameter },
            ["DomainNameConfigurations"] = new[] { Match.ObjectLike(new J { ["CertificateArn"] = new J { ["Ref"] = certificateId }, ["EndpointType"] = "REGIONAL" }) },
        }));
        template.ResourceCountIs("AWS::CertificateManager::Certificate", 1);
        template.ResourceCountIs("AWS::Route53::RecordSet", 0);
    }

    [Fact]
    public void A_domain_string_from_a_parameter_gets_a_certificate_and_records_named_by_the_parameter()
    {
        // SST: "customDomain.domainName is string (imported ssm), hostedZone defined"
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps { CustomDomain = Parameter(scope), HostedZone = Zone(scope) });
        var json = SiteStacks.Json(stack);
        var parameter = ParameterIdOf(json);
        var certificateId = OnlyId(json, "AWS::CertificateManager::Certificate");
        var template = ApiStacks.Template(stack);
        var recordName = new J { ["Fn::Join"] = new object[] { "", new object[] { new J { ["Ref"] = parameter }, "." } } };

        template.HasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.ObjectLike(new J
        {
            ["DomainName"] = new J { ["Ref"] = parameter },
            ["DomainNameConfigurations"] = new[] { Match.ObjectLike(new J { ["CertificateArn"] = new J { ["Ref"] = certificateId }, ["EndpointType"] = "REGIONAL" }) },
        }));
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(new J { ["Name"] = recordName, ["Type"] = "A" }));
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(new J { ["Name"] = recordName, ["Type"] = "AAAA" }));
    }

    [Fact]
    public void A_default_user_pool_authorizer_with_default_scopes()
    {
        // SST: "defaults: authorizer user_pool"
        var (stack, _) = ApiStacks.Http(scope =>
        {
            var pool = new UserPool(scope, "UserPool");
            var client = pool.AddClient("UserPoolClient");
            return new AstroHttpApiProps
            {
                Authorizers = new Dictionary<string, ApiAuthorizer> { ["Authorizer"] = ApiAuthorizer.UserPool(pool, client) },
                Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "Authorizer", AuthorizationScopes = ["user.id", "user.email"] }),
                Routes = OneRoute,
            };
        });
        var json = SiteStacks.Json(stack);
        var authorizerId = OnlyId(json, "AWS::ApiGatewayV2::Authorizer");
        var poolId = OnlyId(json, "AWS::Cognito::UserPool");
        var clientId = OnlyId(json, "AWS::Cognito::UserPoolClient");
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J
        {
            ["AuthorizationType"] = "JWT",
            ["AuthorizerId"] = new J { ["Ref"] = authorizerId },
            ["AuthorizationScopes"] = new[] { "user.id", "user.email" },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new J
        {
            ["Name"] = "Authorizer",
            ["AuthorizerType"] = "JWT",
            ["IdentitySource"] = new[] { "$request.header.Authorization" },
            ["JwtConfiguration"] = new J
            {
                ["Audience"] = new[] { new J { ["Ref"] = clientId } },
                ["Issuer"] = new J { ["Fn::Join"] = new object[] { "", new object[] { "https://cognito-idp.eu-west-1.amazonaws.com/", new J { ["Ref"] = poolId } } } },
            },
        }));
    }

    [Fact]
    public void An_unknown_default_authorizer_is_refused()
    {
        // SST: "defaults: authorizer jwt missing authorizer"
        Refused(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "foo" }), Routes = OneRoute }, "authorizer 'foo' is not defined", "\"none\", \"iam\"");
    }

    [Fact]
    public void A_default_lambda_authorizer_is_a_request_authorizer_with_payload_2_and_no_cache()
    {
        // SST: "defaults. authorizer lambda"
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Authorizers = new Dictionary<string, ApiAuthorizer> { ["LambdaAuthorizer"] = ApiAuthorizer.Lambda(AuthorizerFunction(scope)) },
            Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "LambdaAuthorizer" }),
            Routes = OneRoute,
        });
        var json = SiteStacks.Json(stack);
        var authorizerId = OnlyId(json, "AWS::ApiGatewayV2::Authorizer");
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J { ["AuthorizationType"] = "CUSTOM", ["AuthorizerId"] = new J { ["Ref"] = authorizerId } }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new J
        {
            ["Name"] = "LambdaAuthorizer",
            ["AuthorizerType"] = "REQUEST",
            ["AuthorizerPayloadFormatVersion"] = "2.0",
            ["AuthorizerResultTtlInSeconds"] = 0,
            ["IdentitySource"] = new[] { "$request.header.Authorization" },
        }));
    }

    [Fact]
    public void A_default_authorizer_of_none_leaves_routes_open()
    {
        // SST: "defaults: authorizer none"
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "none" }), Routes = OneRoute });

        var template = ApiStacks.Template(stack);
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 1);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J { ["AuthorizationType"] = "NONE", ["AuthorizerId"] = Match.Absent() }));
    }

    [Fact]
    public void Without_routes_the_api_has_no_route()
    {
        // SST: "routes: undefined"
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps());
        var template = ApiStacks.Template(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 1);
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 0);
    }

    [Fact]
    public void An_empty_routes_map_creates_no_route()
    {
        // SST: "routes: empty"
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Routes = new Dictionary<string, ApiRoute>() });
        var template = ApiStacks.Template(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Api", 1);
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 0);
    }

    [Fact]
    public void A_key_with_more_than_a_method_and_a_path_is_refused()
    {
        // SST: "routes: route key: invalid"
        Refused(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = new Dictionary<string, ApiRoute> { ["GET / 1 2 3"] = "src/list.main" } }, "Routes[\"GET / 1 2 3\"]", "method and a path");
    }

    [Fact]
    public void A_key_with_a_method_and_no_path_is_refused()
    {
        // SST: "routes: route key: path is invalid"
        Refused(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = new Dictionary<string, ApiRoute> { ["GET "] = "src/list.main" } }, "Routes[\"GET \"]", "method and a path", "GET /notes");
    }

    [Fact]
    public void An_existing_function_route_creates_no_function_of_its_own()
    {
        // SST: "routes: Function"
        var (stack, api) = ApiStacks.Http(scope => new AstroHttpApiProps { Routes = new Dictionary<string, ApiRoute> { ["GET /"] = ApiRoute.FromFunction(AuthorizerFunction(scope, "F")) } });
        var template = ApiStacks.Template(stack);

        template.ResourceCountIs("AWS::Lambda::Function", 1);
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new J { ["Handler"] = "index.handler" }));
        api.GetFunction("GET /").Should().BeSameAs(stack.Node.FindChild("F"));
    }

    [Fact]
    public void Function_props_without_a_handler_are_refused()
    {
        // SST: "routes: FunctionProps-empty"
        Refused(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = new Dictionary<string, ApiRoute> { ["GET /"] = ApiRoute.FromFunctionProps(new ApiFunctionProps()) } }, "Routes[\"GET /\"]", "the handler is empty", "src/list.main");
    }

    [Fact]
    public void A_function_props_route_takes_the_default_timeout()
    {
        // SST: "routes: ApiFunctionRouteProps-function-FunctionProps-with-defaults.function"
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(new ApiDefaults { Function = new ApiFunctionProps { Timeout = Duration.Seconds(3) } }),
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = ApiRoute.FromFunctionProps(new ApiFunctionProps { Handler = "src/list.main" }) },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new J { ["Handler"] = "list.main", ["Timeout"] = 3 }));
    }

    [Fact]
    public void A_function_props_routes_timeout_wins_over_the_default()
    {
        // SST: "routes: ApiFunctionRouteProps-function-FunctionProps-with-defaults.function-override"
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(new ApiDefaults { Function = new ApiFunctionProps { Timeout = Duration.Seconds(3) } }),
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = ApiRoute.FromFunctionProps(new ApiFunctionProps { Handler = "src/list.main", Timeout = Duration.Seconds(5) }) },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new J { ["Handler"] = "list.main", ["Timeout"] = 5 }));
    }

    [Fact]
    public void A_route_may_pick_another_jwt_authorizer_with_its_own_scopes()
    {
        // SST: "routes: ApiFunctionRouteProps-authorizationType-override-jwt-by-jwt"
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Authorizers = new Dictionary<string, ApiAuthorizer>
            {
                ["Authorizer"] = ApiAuthorizer.Jwt("https://abc.us.auth0.com", "123"),
                ["Authorizer2"] = ApiAuthorizer.Jwt("https://xyz.us.auth0.com", "234"),
            },
            Defaults = ApiStacks.Defaults(new ApiDefaults { Authorizer = "Authorizer", AuthorizationScopes = ["user.id", "user.email"] }),
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = ApiRoute.FromHandler("src/list.main") with { Authorizer = "Authorizer2", AuthorizationScopes = ["user.profile"] } },
        });
        var json = SiteStacks.Json(stack);
        var second = TemplateQueries.OfType(json, "AWS::ApiGatewayV2::Authorizer").Single(a => (string?)a.Value!["Properties"]!["Name"] == "Authorizer2").Key;
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J
        {
            ["AuthorizationType"] = "JWT",
            ["AuthorizerId"] = new J { ["Ref"] = second },
            ["AuthorizationScopes"] = new[] { "user.profile" },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Match.ObjectLike(new J
        {
            ["Name"] = "Authorizer2",
            ["AuthorizerType"] = "JWT",
            ["IdentitySource"] = new[] { "$request.header.Authorization" },
            ["JwtConfiguration"] = new J { ["Audience"] = new[] { "234" }, ["Issuer"] = "https://xyz.us.auth0.com" },
        }));
    }

    [Fact]
    public void An_imported_function_route_integrates_by_arn_and_creates_no_function()
    {
        // SST: "routes: ApiFunctionRouteProps cdk.function"
        const string Arn = "arn:aws:lambda:eu-west-1:123456789012:function:test-lambda";
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = ApiRoute.FromFunction(LambdaFunction.FromFunctionArn(scope, "Fn", Arn)) },
        });
        var template = ApiStacks.Template(stack);

        template.ResourceCountIs("AWS::Lambda::Function", 0);
        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new J
        {
            ["PayloadFormatVersion"] = "2.0",
            ["IntegrationType"] = "AWS_PROXY",
            ["IntegrationUri"] = Arn,
        }));
    }

    [Fact]
    public void An_alb_route_proxies_any_method_through_a_vpc_link()
    {
        // SST: "routes: ApiAlbRouteProps method is undefined"
        AssertLoadBalancerRoute(scope => ApiRoute.FromAlb(AlbListener(scope)), "ANY");
    }

    [Fact]
    public void An_alb_route_may_send_another_method()
    {
        // SST: "routes: ApiAlbRouteProps method is HttpMethod"
        AssertLoadBalancerRoute(scope => ApiRoute.FromAlb(AlbListener(scope)) with { Integration = new ApiIntegrationOptions { Method = HttpMethod.DELETE } }, "DELETE");
    }

    [Fact]
    public void An_nlb_route_proxies_any_method_through_a_vpc_link()
    {
        // SST: "routes: ApiNlbRouteProps method is undefined"
        AssertLoadBalancerRoute(scope => ApiRoute.FromNlb(NlbListener(scope)), "ANY");
    }

    [Fact]
    public void An_nlb_route_may_send_another_method()
    {
        // SST: "routes: ApiNlbRouteProps method is HttpMethod"
        AssertLoadBalancerRoute(scope => ApiRoute.FromNlb(NlbListener(scope)) with { Integration = new ApiIntegrationOptions { Method = HttpMethod.DELETE } }, "DELETE");
    }

    [Fact]
    public void A_url_route_proxies_any_method_with_payload_1()
    {
        // SST: "routes: ApiHttpRouteProps method is undefined"
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Routes = new Dictionary<string, ApiRoute> { ["GET /"] = ApiRoute.FromUrl("https://domain.com") } });
        var json = SiteStacks.Json(stack);
        var apiId = OnlyId(json, "AWS::ApiGatewayV2::Api");
        var template = ApiStacks.Template(stack);

        template.ResourceCountIs("AWS::Lambda::Function", 0);
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 1);
        template.ResourceCountIs("AWS::ApiGatewayV2::Integration", 1);
        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new J
        {
            ["ApiId"] = new J { ["Ref"] = apiId },
            ["IntegrationType"] = "HTTP_PROXY",
            ["IntegrationMethod"] = "ANY",
            ["IntegrationUri"] = "https://domain.com",
            ["PayloadFormatVersion"] = "1.0",
        }));
    }

    [Fact]
    public void Routes_of_an_api_without_routes_is_empty()
    {
        // SST: "routes: no routes"
        var (stack, api) = ApiStacks.Http(_ => new AstroHttpApiProps());

        api.Routes.Should().BeEmpty();
        api.Functions.Should().BeEmpty();
        ApiStacks.Template(stack).ResourceCountIs("AWS::ApiGatewayV2::Route", 0);
    }

    [Fact]
    public void Routes_lists_every_route_in_the_order_given()
    {
        // SST: "routes: has routes"
        var (stack, api) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main", ["GET /2"] = "src/list.main", ["$default"] = "src/list.main" },
        });
        var json = SiteStacks.Json(stack);

        var keys = api.Routes.Select(r => (string)json["Resources"]![stack.GetLogicalId((CfnElement)r.Node.DefaultChild!)]!["Properties"]!["RouteKey"]!).ToList();
        keys.Should().Equal("GET /", "GET /2", "$default");
    }

    [Fact]
    public void A_key_written_with_extra_spaces_is_found_either_way()
    {
        // SST: "get-function-multi-spaces"
        var (stack, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = new Dictionary<string, ApiRoute> { ["GET  /"] = "src/list.main" } });

        api.GetFunction("GET /").Should().NotBeNull();
        api.GetFunction("GET  /").Should().BeSameAs(api.GetFunction("GET /"));
        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J { ["RouteKey"] = "GET /" }));
    }

    [Fact]
    public void Permissions_reach_route_functions_added_later_in_another_stack()
    {
        // SST: "attachPermissions-after-addRoutes"
        var app = new App(new AppProps { Outdir = Path.Combine(Path.GetTempPath(), "astroaws-parity-" + Guid.NewGuid().ToString("N")) });
        var stackA = new Stack(app, "StackA", new StackProps { Env = SiteStacks.Env });
        var stackB = new Stack(app, "StackB", new StackProps { Env = SiteStacks.Env });
        var api = new AstroHttpApi(stackA, "Api", new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main", ["GET /2"] = "src/list.main" },
        });
        api.AttachPermissions(new PolicyStatement(new PolicyStatementProps { Actions = ["s3:*"], Resources = ["*"] }));
        _ = api.AddRoutes(stackB, new Dictionary<string, ApiRoute> { ["GET /3"] = "src/list.main" });
        var s3 = Match.ObjectLike(new J
        {
            ["PolicyDocument"] = Match.ObjectLike(new J { ["Statement"] = Match.ArrayWith([Match.ObjectLike(new J { ["Action"] = "s3:*", ["Effect"] = "Allow", ["Resource"] = "*" })]) }),
        });

        app.Synth();
        Template.FromStack(stackA).ResourcePropertiesCountIs("AWS::IAM::Policy", s3, 2);
        Template.FromStack(stackB).ResourcePropertiesCountIs("AWS::IAM::Policy", s3, 1);
    }

    private static void AssertLoadBalancerRoute(Func<Stack, ApiRoute> route, string method)
    {
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps { Routes = new Dictionary<string, ApiRoute> { ["GET /"] = route(scope) } });
        var json = SiteStacks.Json(stack);
        var apiId = OnlyId(json, "AWS::ApiGatewayV2::Api");
        var linkId = OnlyId(json, "AWS::ApiGatewayV2::VpcLink");
        var listenerId = OnlyId(json, "AWS::ElasticLoadBalancingV2::Listener");
        var template = ApiStacks.Template(stack);

        template.ResourceCountIs("AWS::Lambda::Function", 0);
        template.ResourceCountIs("AWS::EC2::VPC", 1);
        template.ResourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 1);
        template.ResourceCountIs("AWS::ApiGatewayV2::VpcLink", 1);
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 1);
        template.ResourceCountIs("AWS::ApiGatewayV2::Integration", 1);
        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new J
        {
            ["ApiId"] = new J { ["Ref"] = apiId },
            ["IntegrationType"] = "HTTP_PROXY",
            ["ConnectionId"] = new J { ["Ref"] = linkId },
            ["ConnectionType"] = "VPC_LINK",
            ["IntegrationMethod"] = method,
            ["IntegrationUri"] = new J { ["Ref"] = listenerId },
            ["PayloadFormatVersion"] = "1.0",
        }));
    }

    private static Vpc NewVpc(Stack scope) => new(scope, "VPC", new VpcProps { MaxAzs = 2, NatGateways = 1 });

    private static ApplicationListener AlbListener(Stack scope)
    {
        var lb = new ApplicationLoadBalancer(scope, "LB", new ApplicationLoadBalancerProps { Vpc = NewVpc(scope) });
        var listener = lb.AddListener("Listener", new BaseApplicationListenerProps { Port = 80 });
        listener.AddAction("Fixed", new AddApplicationActionProps { Action = ListenerAction.FixedResponse(200) });
        return listener;
    }

    private static NetworkListener NlbListener(Stack scope)
    {
        var vpc = NewVpc(scope);
        var lb = new NetworkLoadBalancer(scope, "LB", new NetworkLoadBalancerProps { Vpc = vpc });
        var targets = new NetworkTargetGroup(scope, "Targets", new NetworkTargetGroupProps { Vpc = vpc, Port = 8080 });
        return lb.AddListener("Listener", new BaseNetworkListenerProps { Port = 80, DefaultTargetGroups = [targets] });
    }

    private static LambdaFunction AuthorizerFunction(Constructs.Construct scope, string id = "Authorizer") => new(scope, id, new Amazon.CDK.AWS.Lambda.FunctionProps
    {
        Code = Amazon.CDK.AWS.Lambda.Code.FromInline("exports.handler = async () => ({ isAuthorized: true })"),
        Handler = "index.handler",
        Runtime = Amazon.CDK.AWS.Lambda.Runtime.NODEJS_20_X,
    });
}
