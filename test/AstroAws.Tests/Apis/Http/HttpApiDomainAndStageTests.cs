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
        api.CustomDomainUrl.Should().Be("https://api.example.org/v1");
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
