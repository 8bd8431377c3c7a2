using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Logs;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.Http;

public class HttpApiCorsAndLogTests
{
    private static readonly Dictionary<string, ApiRoute> OneRoute = new() { ["GET /"] = "src/list.main" };

    [Fact]
    public void Cors_is_on_by_default_for_every_origin_method_and_header()
    {
        var (stack, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ProtocolType"] = "HTTP",
            ["CorsConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["AllowOrigins"] = new[] { "*" },
                ["AllowMethods"] = new[] { "*" },
                ["AllowHeaders"] = new[] { "*" },
                ["AllowCredentials"] = false,
            }),
        }));
    }

    [Fact]
    public void Cors_can_be_narrowed_or_turned_off()
    {
        var (narrow, _) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = OneRoute,
            Cors = new ApiCors { AllowHeaders = ["Authorization"], AllowMethods = ["ANY"], AllowOrigins = ["https://www.example.com"], AllowCredentials = true, MaxAge = Duration.Hours(1) },
        });
        var (off, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute, Cors = ApiCors.Off });

        ApiStacks.Template(narrow).HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new Dictionary<string, object>
        {
            ["CorsConfiguration"] = new Dictionary<string, object>
            {
                ["AllowOrigins"] = new[] { "https://www.example.com" },
                ["AllowMethods"] = new[] { "*" },
                ["AllowHeaders"] = new[] { "Authorization" },
                ["AllowCredentials"] = true,
                ["MaxAge"] = 3600,
            },
        }));
        ApiStacks.Template(off).HasResourceProperties("AWS::ApiGatewayV2::Api", Match.ObjectLike(new Dictionary<string, object> { ["CorsConfiguration"] = Match.Absent() }));
    }

    [Fact]
    public void Access_logs_are_on_by_default_as_json_in_a_vended_log_group()
    {
        var (stack, api) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute });
        var template = ApiStacks.Template(stack);

        api.AccessLogGroup.Should().NotBeNull();
        template.HasResourceProperties("AWS::Logs::LogGroup", Match.ObjectLike(new Dictionary<string, object>
        {
            // Ends with the stack's own UUID: a log group the API's DeletionPolicy retains would otherwise block the next deploy of the stack.
            ["LogGroupName"] = VendedLogGroupName(),
            ["RetentionInDays"] = 30,
        }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AccessLogSettings"] = new Dictionary<string, object>
            {
                ["DestinationArn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^ApiAccessLogs"), "Arn" } },
                ["Format"] = Match.StringLikeRegexp("\"routeKey\":\"\\$context.routeKey\".*\"status\":\\$context.status.*\"ip\":\"\\$context.identity.sourceIp\""),
            },
        }));
    }

    [Fact]
    public void Access_log_format_destination_retention_and_off()
    {
        var csv = "$context.identity.sourceIp,$context.requestTime,$context.httpMethod,$context.routeKey,$context.protocol,$context.status,$context.responseLength,$context.requestId";
        var (custom, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute, AccessLog = csv });
        var (kept, _) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute, AccessLog = new ApiAccessLog { Retention = RetentionDays.ONE_YEAR } });
        var (destination, destinationApi) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = OneRoute,
            AccessLog = new ApiAccessLog { Destination = new LogGroup(scope, "Mine") },
        });
        var (off, offApi) = ApiStacks.Http(_ => new AstroHttpApiProps { Defaults = ApiStacks.Defaults(), Routes = OneRoute, AccessLog = ApiAccessLog.Off });

        ApiStacks.Template(custom).HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AccessLogSettings"] = Match.ObjectLike(new Dictionary<string, object> { ["Format"] = csv }),
        }));
        ApiStacks.Template(kept).HasResourceProperties("AWS::Logs::LogGroup", Match.ObjectLike(new Dictionary<string, object> { ["RetentionInDays"] = 365 }));
        destinationApi.AccessLogGroup.Should().BeNull();
        ApiStacks.Template(destination).HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AccessLogSettings"] = Match.ObjectLike(new Dictionary<string, object> { ["DestinationArn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^Mine"), "Arn" } } }),
        }));
        offApi.AccessLogGroup.Should().BeNull();
        ApiStacks.Template(off).HasResourceProperties("AWS::ApiGatewayV2::Stage", Match.ObjectLike(new Dictionary<string, object> { ["AccessLogSettings"] = Match.Absent() }));
        ApiStacks.Template(off).ResourceCountIs("AWS::Logs::LogGroup", 0);
    }

    /// <summary>/aws/vendedlogs/apis/{unique id}-AccessLogs-{the stack's UUID}.</summary>
    internal static Dictionary<string, object> VendedLogGroupName() => new()
    {
        ["Fn::Join"] = new object[]
        {
            "",
            new object[]
            {
                Match.StringLikeRegexp("^/aws/vendedlogs/apis/[A-Za-z0-9]+-AccessLogs-$"),
                new Dictionary<string, object> { ["Fn::Select"] = new object[] { 2, new Dictionary<string, object> { ["Fn::Split"] = new object[] { "/", new Dictionary<string, object> { ["Ref"] = "AWS::StackId" } } } } },
            },
        },
    };
}
