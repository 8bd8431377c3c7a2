using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Apigatewayv2;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using J = System.Collections.Generic.Dictionary<string, object>;

namespace Astro.Aws.Tests.Apis.Http;

/// <summary>What an <see cref="AstroHttpApi"/> offers after construction: its ARNs, SetCors, and the API-wide payload format.</summary>
public sealed class HttpApiMembersTests
{
    private static readonly Dictionary<string, ApiRoute> Routes = new() { ["GET /"] = "src/list.main", ["ANY /admin/{proxy+}"] = ApiRoute.FromHandler("src/list.main") with { Authorizer = "auth0" } };
    private static readonly Dictionary<string, ApiAuthorizer> Auth0 = new() { ["auth0"] = ApiAuthorizer.Jwt("https://myorg.us.auth0.com", "aud") };

    [Fact]
    public void The_api_arn_and_the_execute_api_arn_have_api_gateways_formats()
    {
        // ARN formats: docs/aws-rules.md, apigateway/arns.
        var (stack, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = Routes, Authorizers = Auth0 });
        _ = new CfnOutput(stack, "ApiArnOut", new CfnOutputProps { Value = api.ApiArn });
        _ = new CfnOutput(stack, "ExecuteArnOut", new CfnOutputProps { Value = api.ExecuteApiArn });
        var outputs = SiteStacks.Json(stack)["Outputs"]!;

        var apiArn = outputs["ApiArnOut"]!["Value"]!.ToJsonString();
        apiArn.Should().MatchRegex("\"arn:\",\\{\"Ref\":\"AWS::Partition\"\\},\":apigateway:eu-west-1::/apis/\",\\{\"Ref\":\"[A-Za-z0-9]+\"\\}");
        var executeArn = outputs["ExecuteArnOut"]!["Value"]!.ToJsonString();
        executeArn.Should().MatchRegex("\"arn:\",\\{\"Ref\":\"AWS::Partition\"\\},\":execute-api:eu-west-1:123456789012:\",\\{\"Ref\":\"[A-Za-z0-9]+\"\\},\"/\\*\"");
    }

    [Fact]
    public void Set_cors_replaces_the_configuration_as_the_props_would_write_it()
    {
        var cors = new ApiCors { AllowOrigins = ["https://www.example.com"], AllowMethods = ["GET", "POST"], AllowHeaders = ["content-type"], AllowCredentials = true, MaxAge = Duration.Hours(1) };
        var (later, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = Routes, Authorizers = Auth0 });
        api.SetCors(cors);
        var (atOnce, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = Routes, Authorizers = Auth0, Cors = cors });

        var configuration = (JsonOf(later)).ToJsonString();
        configuration.Should().Be(JsonOf(atOnce).ToJsonString());
        ApiStacks.Template(later).HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new J
        {
            ["CorsConfiguration"] = new J
            {
                ["AllowOrigins"] = new[] { "https://www.example.com" },
                ["AllowMethods"] = new[] { "GET", "POST" },
                ["AllowHeaders"] = new[] { "content-type" },
                ["AllowCredentials"] = true,
                ["MaxAge"] = 3600,
            },
        }));
    }

    [Fact]
    public void Turning_cors_on_later_adds_the_preflight_route_beside_an_authorized_any_route()
    {
        var (stack, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = Routes, Authorizers = Auth0, Cors = ApiCors.Off });
        api.SetCors(new ApiCors());

        var template = ApiStacks.Template(stack);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J { ["RouteKey"] = "OPTIONS /admin/{proxy+}", ["AuthorizationType"] = "NONE" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new J { ["CorsConfiguration"] = Match.ObjectLike(new J { ["AllowOrigins"] = new[] { "*" } }) }));
    }

    [Fact]
    public void Turning_cors_off_after_preflight_routes_were_added_is_refused()
    {
        var (_, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = Routes, Authorizers = Auth0 });

        Refusal.Expect(() => { api.SetCors(ApiCors.Off); return 0; }, "AstroHttpApi.SetCors(cors)", "preflight routes", "Cors = ApiCors.Off");
    }

    [Fact]
    public void Set_cors_checks_its_settings_and_names_itself()
    {
        var (_, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = Routes, Authorizers = Auth0 });

        Refusal.Expect(() => { api.SetCors(new ApiCors { AllowOrigins = ["https://example.com/app"] }); return 0; }, "AstroHttpApi.SetCors(cors).AllowOrigins", "is not an origin");
    }

    [Fact]
    public void The_api_wide_payload_format_applies_to_lambda_routes_that_set_none()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(new ApiDefaults { PayloadFormatVersion = PayloadFormatVersion.VERSION_1_0 }),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /old"] = "src/list.main",
                ["GET /new"] = ApiRoute.FromHandler("src/list.main") with { PayloadFormatVersion = PayloadFormatVersion.VERSION_2_0 },
                ["GET /proxy"] = ApiRoute.FromUrl("https://example.com/"),
            },
        });
        var template = ApiStacks.Template(stack);

        template.ResourcePropertiesCountIs("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new J { ["IntegrationType"] = "AWS_PROXY", ["PayloadFormatVersion"] = "1.0" }), 1);
        template.ResourcePropertiesCountIs("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new J { ["IntegrationType"] = "AWS_PROXY", ["PayloadFormatVersion"] = "2.0" }), 1);
    }

    [Fact]
    public void An_api_wide_payload_format_api_gateway_lacks_is_refused()
    {
        Refusal.Expect(
            () => ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(new ApiDefaults { PayloadFormatVersion = PayloadFormatVersion.Custom("3.0") }), Routes = Routes, Authorizers = Auth0 }),
            "AstroHttpApiProps.Defaults.PayloadFormatVersion", "'3.0'", "1.0 and 2.0");
    }

    [Fact]
    public void Route_functions_can_live_in_another_stack_while_the_routes_stay_with_the_api()
    {
        var app = new App(new AppProps { Outdir = Path.Combine(Path.GetTempPath(), "astroaws-split-" + Guid.NewGuid().ToString("N")) });
        var apiStack = new Stack(app, "Api", new StackProps { Env = SiteStacks.Env });
        var functionStack = new Stack(app, "ApiFunctions", new StackProps { Env = SiteStacks.Env });
        var api = new AstroHttpApi(apiStack, "Api", new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = new Dictionary<string, ApiRoute> { ["GET /"] = "src/list.main" } });

        var added = api.AddRoutes(functionStack, new Dictionary<string, ApiRoute> { ["GET /notes"] = "src/list.main", ["POST /notes"] = "src/create.main" });

        var assembly = app.Synth();
        added.Should().HaveCount(2);
        Template.FromStack(functionStack).ResourceCountIs("AWS::Lambda::Function", 2);
        Template.FromStack(apiStack).ResourceCountIs("AWS::Lambda::Function", 1);
        Template.FromStack(apiStack).HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new J { ["RouteKey"] = "POST /notes" }));
        Template.FromStack(apiStack).HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new J
        {
            ["IntegrationUri"] = Match.ObjectLike(new J { ["Fn::ImportValue"] = Match.StringLikeRegexp("^ApiFunctions:") }),
        }));
        Stack.Of(api.GetFunction("POST /notes")!).Should().BeSameAs(functionStack);
        RulesCheck.PassesAssembly(assembly.Directory);
    }

    [Fact]
    public void A_url_route_takes_its_integrations_method_parameter_mapping_and_timeout()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["ANY /legacy/{proxy+}"] = ApiRoute.FromUrl("https://legacy.example.com/{proxy}") with
                {
                    Integration = new ApiIntegrationOptions
                    {
                        Method = Amazon.CDK.AWS.Apigatewayv2.HttpMethod.POST,
                        ParameterMapping = new ParameterMapping().AppendHeader("x-from", MappingValue.Custom("api")),
                        Timeout = Duration.Seconds(5),
                    },
                },
            },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new J
        {
            ["IntegrationType"] = "HTTP_PROXY",
            ["IntegrationMethod"] = "POST",
            ["RequestParameters"] = new J { ["append:header.x-from"] = "api" },
            ["TimeoutInMillis"] = 5000,
        }));
    }

    [Fact]
    public void Integration_options_on_a_lambda_route_or_out_of_range_are_refused()
    {
        Refusal.Expect(
            () => ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = new Dictionary<string, ApiRoute> { ["GET /"] = ApiRoute.FromHandler("src/list.main") with { Integration = new ApiIntegrationOptions { Timeout = Duration.Seconds(5) } } } }),
            "AstroHttpApiProps.Routes[\"GET /\"].Integration", "URL, ALB, NLB, queue, bus and state machine routes only");
        Refusal.Expect(
            () => ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = new Dictionary<string, ApiRoute> { ["GET /"] = ApiRoute.FromUrl("https://example.com/") with { Integration = new ApiIntegrationOptions { Timeout = Duration.Seconds(31) } } } }),
            "Integration.Timeout", "31000 ms", "between 50 ms and 30 seconds");
    }

    private static System.Text.Json.Nodes.JsonNode JsonOf(Stack stack) =>
        TemplateQueries.OfType(SiteStacks.Json(stack), "AWS::ApiGatewayV2::Api").Single().Value!["Properties"]!["CorsConfiguration"]!;
}
