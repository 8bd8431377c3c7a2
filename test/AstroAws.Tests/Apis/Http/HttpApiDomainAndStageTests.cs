using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.Http;

public class HttpApiDomainAndStageTests
{
    private static readonly Dictionary<string, ApiRoute> OneRoute = new() { ["GET /"] = "src/list.main" };

    [Fact]
    public void A_domain_string_gets_a_dns_validated_certificate_and_alias_records()
    {
        var (stack, api) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = OneRoute,
            CustomDomain = "api.example.com",
            HostedZone = HostedZone.FromHostedZoneAttributes(scope, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123456", ZoneName = "example.com" }),
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::CertificateManager::Certificate", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DomainName"] = "api.example.com",
            ["ValidationMethod"] = "DNS",
            ["DomainValidationOptions"] = new[] { Match.ObjectLike(new Dictionary<string, object> { ["HostedZoneId"] = "Z123456" }) },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DomainName"] = "api.example.com",
            ["DomainNameConfigurations"] = new[] { Match.ObjectLike(new Dictionary<string, object> { ["EndpointType"] = "REGIONAL", ["SecurityPolicy"] = "TLS_1_2" }) },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Match.ObjectLike(new Dictionary<string, object> { ["Stage"] = Match.AnyValue() }));
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "api.example.com.", ["Type"] = "A", ["HostedZoneId"] = "Z123456" }));
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "api.example.com.", ["Type"] = "AAAA" }));
        api.CustomDomainUrl.Should().Be("https://api.example.com/");
        SiteStacks.Json(stack)["Outputs"]!.AsObject().Select(o => o.Key).Should().Contain(k => k.StartsWith("ApiCustomDomainUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void A_domain_object_with_its_own_certificate_and_a_base_path()
    {
        var (stack, api) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = OneRoute,
            CustomDomain = new ApiDomain
            {
                DomainName = "api.example.org",
                Certificate = Certificate.FromCertificateArn(scope, "Cert", "arn:aws:acm:eu-west-1:123456789012:certificate/abc"),
                Path = "v1",
            },
        });
        var template = ApiStacks.Template(stack);

        template.ResourceCountIs("AWS::CertificateManager::Certificate", 0);
        template.ResourceCountIs("AWS::Route53::RecordSet", 0);
        template.HasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Match.ObjectLike(new Dictionary<string, object> { ["ApiMappingKey"] = "v1" }));
        // Without the trailing slash the mapped API receives an empty path, which its GET / route is not documented to match.
        api.CustomDomainUrl.Should().Be("https://api.example.org/v1/");
    }

    [Fact]
    public void Upper_case_letters_in_the_domain_are_lowered_everywhere_the_name_goes()
    {
        // AWS::ApiGatewayV2::DomainName refuses upper-case letters; DNS names are case-insensitive.
        var (stack, api) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = OneRoute,
            CustomDomain = "API.Example.com",
            HostedZone = HostedZone.FromHostedZoneAttributes(scope, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123456", ZoneName = "example.com" }),
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::DomainName", Match.ObjectLike(new Dictionary<string, object> { ["DomainName"] = "api.example.com" }));
        template.HasResourceProperties("AWS::CertificateManager::Certificate", Match.ObjectLike(new Dictionary<string, object> { ["DomainName"] = "api.example.com" }));
        template.AllResourcesProperties("AWS::Route53::RecordSet", Match.ObjectLike(new Dictionary<string, object> { ["Name"] = "api.example.com." }));
        api.CustomDomainUrl.Should().Be("https://api.example.com/");
    }

    [Fact]
    public void A_domain_given_as_a_token_is_not_suffixed_with_the_zone()
    {
        // aws-cdk-lib appends the zone name to a record name that does not end with a dot, a token included.
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = OneRoute,
            CustomDomain = new CfnParameter(scope, "ApiDomain").ValueAsString,
            HostedZone = HostedZone.FromHostedZoneAttributes(scope, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123456", ZoneName = "example.com" }),
        });
        var records = TemplateQueries.OfType(SiteStacks.Json(stack), "AWS::Route53::RecordSet").Select(r => r.Value!["Properties"]!["Name"]!.ToJsonString()).ToList();

        records.Should().HaveCount(2).And.AllBe("""{"Fn::Join":["",[{"Ref":"ApiDomain"},"."]]}""");
    }

    [Theory]
    [InlineData("orders/v1")]
    [InlineData("v1.2")]
    public void Multi_level_and_dotted_base_paths_are_accepted(string path)
    {
        var (stack, api) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = OneRoute,
            CustomDomain = new ApiDomain { DomainName = "api.example.org", Path = path, Certificate = Certificate.FromCertificateArn(scope, "Cert", "arn:aws:acm:eu-west-1:123456789012:certificate/abc") },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Match.ObjectLike(new Dictionary<string, object> { ["ApiMappingKey"] = path }));
        api.CustomDomainUrl.Should().Be($"https://api.example.org/{path}/");
    }

    [Fact]
    public void Named_stages_stage_variables_and_per_route_throttling()
    {
        var (stack, api) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["GET /notes"] = ApiRoute.FromHandler("src/list.main") with { Throttle = new ApiThrottle(5, 10) } },
            StageVariables = new Dictionary<string, string> { ["table"] = "notes" },
            Stages = new Dictionary<string, ApiStageOptions>
            {
                ["beta"] = new ApiStageOptions { Throttle = new ApiThrottle(50, 100), StageVariables = new Dictionary<string, string> { ["table"] = "notes-beta" } },
            },
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object>
        {
            ["StageName"] = "$default",
            ["StageVariables"] = new Dictionary<string, object> { ["table"] = "notes" },
            ["RouteSettings"] = new Dictionary<string, object> { ["GET /notes"] = new Dictionary<string, object> { ["ThrottlingRateLimit"] = 5, ["ThrottlingBurstLimit"] = 10 } },
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object>
        {
            ["StageName"] = "beta",
            ["AutoDeploy"] = true,
            ["StageVariables"] = new Dictionary<string, object> { ["table"] = "notes-beta" },
            ["DefaultRouteSettings"] = Match.ObjectLike(new Dictionary<string, object> { ["ThrottlingRateLimit"] = 50, ["ThrottlingBurstLimit"] = 100 }),
        }));
        api.Stages.Should().ContainKey("beta");
    }

    [Fact]
    public void Throttling_a_graphql_route_covers_get_and_post_and_the_default_route_can_be_throttled()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["ANY /graphql"] = ApiRoute.GraphQL("src/graphql.main") with { Throttle = new ApiThrottle(5, 10) },
                ["$default"] = ApiRoute.FromHandler("src/default.main") with { Throttle = new ApiThrottle(1, 2) },
            },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object>
        {
            ["RouteSettings"] = new Dictionary<string, object>
            {
                ["GET /graphql"] = new Dictionary<string, object> { ["ThrottlingRateLimit"] = 5, ["ThrottlingBurstLimit"] = 10 },
                ["POST /graphql"] = new Dictionary<string, object> { ["ThrottlingRateLimit"] = 5, ["ThrottlingBurstLimit"] = 10 },
                ["$default"] = new Dictionary<string, object> { ["ThrottlingRateLimit"] = 1, ["ThrottlingBurstLimit"] = 2 },
            },
        }));
    }

    [Fact]
    public void The_stage_depends_on_every_route_its_route_settings_name()
    {
        // API Gateway refuses RouteSettings for a route that does not exist yet ("Unable to find Route by key"), and a
        // route key is a string, so only DependsOn makes CloudFormation create the routes first.
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["ANY /graphql"] = ApiRoute.GraphQL("src/graphql.main") with { Throttle = new ApiThrottle(5, 10) },
                ["$default"] = ApiRoute.FromHandler("src/default.main") with { Throttle = new ApiThrottle(1, 2) },
                ["GET /notes"] = "src/list.main",
            },
        });
        var json = SiteStacks.Json(stack);
        var stage = TemplateQueries.OfType(json, "AWS::ApiGatewayV2::Stage").Single().Value!.AsObject();
        var dependsOn = stage["DependsOn"]!.AsArray().Select(d => (string)d!).ToList();

        dependsOn.Should().Contain([TemplateQueries.RouteId(json, "GET /graphql"), TemplateQueries.RouteId(json, "POST /graphql"), TemplateQueries.RouteId(json, "$default")]);
        dependsOn.Should().NotContain(TemplateQueries.RouteId(json, "GET /notes"), "only routes named in RouteSettings need to come first");
    }

    [Fact]
    public void Api_name_is_unique_per_construct_path()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute });
        _ = new AstroHttpApi(stack, "Other");

        var names = SiteStacks.Json(stack)["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::ApiGatewayV2::Api").Select(r => (string)r.Value!["Properties"]!["Name"]!).ToList();

        names.Should().HaveCount(2).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Disabled_execute_api_endpoint_tags_and_outputs()
    {
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = OneRoute,
            CustomDomain = new ApiDomain { DomainName = "api.example.org", Certificate = Certificate.FromCertificateArn(scope, "Cert", "arn:aws:acm:eu-west-1:123456789012:certificate/abc") },
            DisableExecuteApiEndpoint = true,
            Tags = new Dictionary<string, string> { ["team"] = "web" },
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DisableExecuteApiEndpoint"] = true,
            ["Tags"] = new Dictionary<string, object> { ["team"] = "web" },
        }));
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Tags"] = Match.ArrayWith([new Dictionary<string, object> { ["Key"] = "team", ["Value"] = "web" }]),
        }));
        var endpoint = SiteStacks.Json(stack)["Outputs"]!.AsObject().Single(o => o.Key.StartsWith("ApiApiEndpoint", StringComparison.Ordinal)).Value!["Value"]!.ToJsonString();
        endpoint.Should().Be("\"https://api.example.org/\"", "with the execute-api endpoint off, the domain is the API's address");
    }

    [Theory]
    [InlineData(ApiDeletionPolicy.Retain)]
    [InlineData(ApiDeletionPolicy.Orphan)]
    public void Retain_and_orphan_keep_every_resource_of_the_api(ApiDeletionPolicy policy)
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute, DeletionPolicy = policy });
        var resources = SiteStacks.Json(stack)["Resources"]!.AsObject();

        resources.Should().HaveCountGreaterThan(5);
        resources.Should().AllSatisfy(r =>
        {
            ((string?)r.Value!["DeletionPolicy"]).Should().Be("Retain", $"{r.Key} ({r.Value["Type"]}) must be kept");
            ((string?)r.Value["UpdateReplacePolicy"]).Should().Be("Retain");
        });
    }

    [Fact]
    public void Delete_is_the_default_and_covers_the_access_log_group()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute });
        var template = ApiStacks.Template(stack);

        template.HasResource("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["DeletionPolicy"] = Match.Absent() }));
        template.HasResource("AWS::Logs::LogGroup", Match.ObjectLike(new Dictionary<string, object> { ["DeletionPolicy"] = "Delete" }));
    }
}
