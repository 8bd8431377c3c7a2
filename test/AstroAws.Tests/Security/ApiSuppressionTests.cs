using Amazon.CDK;
using Amazon.CDK.Assertions;
using Astro.Aws.Tests.Apis.WebSocket;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Security;

/// <summary>The cdk-nag suppressions <see cref="AstroHttpApi"/> and <see cref="AstroWebSocketApi"/> write (docs/security.md).</summary>
public class ApiSuppressionTests
{
    [Fact]
    public void Http_routes_without_an_authorizer_are_suppressed_and_authorized_ones_are_not()
    {
        var (stack, api) = ApiStacks.Http(_ => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Authorizers = new Dictionary<string, ApiAuthorizer> { ["pool"] = ApiAuthorizer.Jwt("https://issuer.example.com", "aud") },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /public"] = "src/list.main",
                ["ANY /private/{proxy+}"] = ApiRoute.FromHandler("src/get.main") with { Authorizer = "pool" },
            },
        });
        var json = SiteStacks.Json(stack);
        var routes = Suppressions.Of(json, "AWS::ApiGatewayV2::Route");
        IReadOnlyList<Suppression> Route(string key) => routes[json["Resources"]!.AsObject().Single(r => r.Value!["Properties"]?["RouteKey"]?.GetValue<string>() == key).Key];

        Suppressions.Single(Route("GET /public"), "AwsSolutions-APIG4").Reason.Should().Contain("no authorizer");
        Route("ANY /private/{proxy+}").Should().BeEmpty();
        Suppressions.Single(Route("OPTIONS /private/{proxy+}"), "AwsSolutions-APIG4").Reason.Should().Contain("preflight");
        var functionRole = stack.ResolveLogicalId(((Amazon.CDK.AWS.Lambda.Function)api.GetFunction("GET /public")!).Role!);
        Suppressions.Single(Suppressions.Read(json["Resources"]![functionRole]!.AsObject()), "AwsSolutions-IAM4");
        Suppressions.HasSuppression(ApiStacks.Template(stack), "AWS::ApiGatewayV2::Route", "AwsSolutions-APIG4");
    }

    [Fact]
    public void WebSocket_message_routes_and_an_open_connect_are_suppressed_with_their_reasons()
    {
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes() });
        var json = SiteStacks.Json(stack);
        var routes = Suppressions.Of(json, "AWS::ApiGatewayV2::Route");
        IReadOnlyList<Suppression> Route(string key) => routes[json["Resources"]!.AsObject().Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::ApiGatewayV2::Route" && r.Value!["Properties"]!["RouteKey"]!.GetValue<string>() == key).Key];

        Suppressions.Single(Route("$connect"), "AwsSolutions-APIG4").Reason.Should().Contain("AstroWebSocketApiProps.Authorizer");
        foreach (var key in new[] { "$default", "$disconnect", "sendMessage" })
        {
            Suppressions.Single(Route(key), "AwsSolutions-APIG4").Reason.Should().Contain("only on its $connect route");
        }
    }

    [Fact]
    public void WebSocket_connect_with_an_authorizer_is_not_suppressed()
    {
        var (stack, _) = WsStacks.Create(scope => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            Authorizer = ApiAuthorizer.Lambda(WsStacks.OwnFunction((Stack)scope, "Authorizer")),
        });
        var json = SiteStacks.Json(stack);
        var connect = json["Resources"]!.AsObject().Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::ApiGatewayV2::Route" && r.Value!["Properties"]!["RouteKey"]!.GetValue<string>() == "$connect");

        Suppressions.Read(connect.Value!.AsObject()).Should().BeEmpty();
    }

    [Fact]
    public void WebSocket_manage_connections_grant_suppresses_exactly_its_connections_wildcard()
    {
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes() });
        var json = SiteStacks.Json(stack);
        var apiId = stack.ResolveLogicalId(api.WebSocketApi);

        var policies = Suppressions.Of(json, "AWS::IAM::Policy");
        policies.Should().HaveCount(4);
        foreach (var policy in policies.Values)
        {
            Suppressions.Single(policy, "AwsSolutions-IAM5").AppliesTo.Should().Equal(
                $"Resource::arn:<AWS::Partition>:execute-api:eu-west-1:123456789012:<{apiId}>/*/*/@connections/*");
        }
    }

    [Fact]
    public void WebSocket_account_log_role_suppresses_only_its_managed_policy()
    {
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), CloudWatchRole = true });
        var json = SiteStacks.Json(stack);

        var iam4 = Suppressions.Single(Suppressions.Read(json["Resources"]![stack.ResolveLogicalId(api.AccountLogRole!)]!.AsObject()), "AwsSolutions-IAM4");
        iam4.AppliesTo.Should().ContainSingle();
        new[] { "<AWS::Partition>", "aws", "aws-us-gov" }.Should().OnlyContain(partition =>
            Suppressions.Covers(iam4, $"Policy::arn:{partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"));
    }
}

/// <summary>Logical IDs of constructs, as the template names them.</summary>
internal static class LogicalIds
{
    public static string ResolveLogicalId(this Stack stack, Constructs.IConstruct construct) =>
        (string)stack.Resolve(stack.GetLogicalId((CfnElement)(construct as CfnElement ?? construct.Node.DefaultChild)!));
}
