using Amazon.CDK;
using Amazon.CDK.Assertions;
using Annotations = Amazon.CDK.Assertions.Annotations;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Route53;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.WebSocket;

/// <summary>What <see cref="AstroWebSocketApi"/> puts in the template, one behaviour per test.</summary>
public class AstroWebSocketApiTests
{
    private const string ApiId = "WsWebSocketApiC049FBD0";
    private const string AccountLogRoleHolder = "AstroAwsApiGatewayAccount";

    private static Dictionary<string, object> Ref(string logicalId) => new() { ["Ref"] = logicalId };

    private static Dictionary<string, object> Obj(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    /// <summary>A token-bearing string as CloudFormation will see it (its intrinsic functions as JSON).</summary>
    private static string Resolved(Stack stack, string value) => System.Text.Json.JsonSerializer.Serialize(stack.Resolve(value));

    private static Template Seed(Action<AstroWebSocketApi>? after = null, ApiThrottle? throttle = null)
    {
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(throttle), Routes = WsStacks.SeedRoutes() });
        after?.Invoke(api);
        return SiteStacks.Template(stack);
    }

    [Fact]
    public void Each_route_targets_a_lambda_proxy_integration_of_its_function()
    {
        var template = Seed();

        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Obj(
            ("ApiId", Ref(ApiId)),
            ("RouteKey", "sendMessage"),
            ("AuthorizationType", "NONE"),
            ("Target", Obj(("Fn::Join", new object[] { "", new object[] { "integrations/", Ref("WsRoutesendMessage25FCA4BD") } })))));
        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Obj(
            ("ApiId", Ref(ApiId)),
            ("IntegrationType", "AWS_PROXY"),
            ("IntegrationUri", Obj(("Fn::Join", new object[]
            {
                "",
                Match.ArrayWith([Obj(("Fn::GetAtt", new object[] { "WsRoutesendMessageFunction7193B1AB", "Arn" })), "/invocations"]),
            })))));
        template.HasResourceProperties("AWS::Lambda::Function", Obj(("Handler", "sendMessage.main"), ("Runtime", "nodejs24.x"), ("Architectures", new[] { "arm64" }), ("MemorySize", 1024), ("Timeout", 10)));
        template.HasResourceProperties("AWS::Lambda::Permission", Obj(
            ("Action", "lambda:InvokeFunction"),
            ("Principal", "apigateway.amazonaws.com"),
            ("FunctionName", Obj(("Fn::GetAtt", new object[] { "WsRoutesendMessageFunction7193B1AB", "Arn" })))));
    }

    [Fact]
    public void Route_selection_expression_defaults_to_the_action_field_and_can_be_changed()
    {
        Seed().HasResourceProperties("AWS::ApiGatewayV2::Api", Obj(("ProtocolType", "WEBSOCKET"), ("RouteSelectionExpression", "$request.body.action"), ("Name", "TestStack-Ws")));

        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["send"] = "src/sendMessage.main" },
            RouteSelectionExpression = "$request.body.type",
            ApiName = "chat",
        });
        SiteStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Api", Obj(("RouteSelectionExpression", "$request.body.type"), ("Name", "chat")));
    }

    [Fact]
    public void Return_response_adds_a_route_response()
    {
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["$default"] = ApiRoute.FromHandler("src/default.main") with { ReturnResponse = true },
                ["sendMessage"] = "src/sendMessage.main",
            },
        });
        var template = SiteStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Obj(("RouteKey", "$default"), ("RouteResponseSelectionExpression", "$default")));
        template.HasResourceProperties("AWS::ApiGatewayV2::RouteResponse", Obj(("ApiId", Ref(ApiId)), ("RouteResponseKey", "$default")));
        template.ResourceCountIs("AWS::ApiGatewayV2::RouteResponse", 1);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Obj(("RouteKey", "sendMessage"), ("RouteResponseSelectionExpression", Match.Absent())));
    }

    [Fact]
    public void Function_and_function_props_routes_merge_over_the_defaults()
    {
        var (stack, api) = WsStacks.Create(stack => new AstroWebSocketApiProps
        {
            Defaults = new WebSocketApiDefaults
            {
                Function = new ApiFunctionProps { CodeRoot = WsStacks.CodeRoot, MemorySize = 256, Environment = new Dictionary<string, string> { ["TABLE"] = "connections" } },
            },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["$connect"] = ApiRoute.FromFunction(WsStacks.OwnFunction(stack, "Mine")),
                ["sendMessage"] = ApiRoute.FromFunctionProps(new ApiFunctionProps { Handler = "src/sendMessage.main", Timeout = Duration.Seconds(29), Environment = new Dictionary<string, string> { ["MODE"] = "chat" } }),
            },
        });
        var template = SiteStacks.Template(stack);

        template.HasResourceProperties("AWS::Lambda::Function", Obj(
            ("Handler", "sendMessage.main"),
            ("MemorySize", 256),
            ("Timeout", 29),
            ("Environment", Obj(("Variables", Obj(("TABLE", "connections"), ("MODE", "chat"), ("WEBSOCKET_CALLBACK_URL", Match.AnyValue())))))));
        // Your own function is wired as is, and still gets the management URL and permission.
        template.HasResourceProperties("AWS::Lambda::Function", Obj(("Handler", "index.main"), ("Environment", Obj(("Variables", Obj(("WEBSOCKET_CALLBACK_URL", Match.AnyValue())))))));
        template.ResourceCountIs("AWS::Lambda::Function", 2);
        api.GetFunction("$connect").Should().BeSameAs(api.Functions["$connect"]);
    }

    [Fact]
    public void Lambda_authorizer_guards_connect_only_with_its_identity_source()
    {
        var (stack, _) = WsStacks.Create(stack => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            Authorizer = new ApiLambdaAuthorizer(WsStacks.OwnFunction(stack, "Auth")) { IdentitySource = ["route.request.querystring.token"] },
        });
        var template = SiteStacks.Template(stack);
        var authFunctionId = stack.GetLogicalId((CfnElement)stack.Node.FindChild("Auth").Node.DefaultChild!);
        var json = SiteStacks.Json(stack);
        var authorizerId = WsStacks.LogicalId(json, "AWS::ApiGatewayV2::Authorizer");

        template.HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Obj(
            ("ApiId", Ref(ApiId)),
            ("AuthorizerType", "REQUEST"),
            ("IdentitySource", new[] { "route.request.querystring.token" }),
            ("AuthorizerUri", Obj(("Fn::Join", new object[] { "", Match.ArrayWith([Obj(("Fn::GetAtt", new object[] { authFunctionId, "Arn" }))]) })))));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Obj(("RouteKey", "$connect"), ("AuthorizationType", "CUSTOM"), ("AuthorizerId", Ref(authorizerId))));
        foreach (var key in new[] { "$default", "$disconnect", "sendMessage" })
        {
            template.HasResourceProperties("AWS::ApiGatewayV2::Route", Obj(("RouteKey", key), ("AuthorizationType", "NONE"), ("AuthorizerId", Match.Absent())));
        }

        template.HasResourceProperties("AWS::Lambda::Permission", Obj(("FunctionName", Obj(("Fn::GetAtt", new object[] { authFunctionId, "Arn" }))), ("Principal", "apigateway.amazonaws.com")));
    }

    [Fact]
    public void Lambda_authorizer_identity_source_defaults_to_the_authorization_header()
    {
        var (stack, _) = WsStacks.Create(stack => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            Authorizer = ApiAuthorizer.Lambda(WsStacks.OwnFunction(stack, "Auth")),
        });
        SiteStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Authorizer", Obj(("IdentitySource", new[] { "route.request.header.Authorization" })));
    }

    [Fact]
    public void Iam_authorizer_guards_connect()
    {
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), Authorizer = ApiAuthorizer.Iam() });
        var template = SiteStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Obj(("RouteKey", "$connect"), ("AuthorizationType", "AWS_IAM")));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Obj(("RouteKey", "sendMessage"), ("AuthorizationType", "NONE")));
        template.ResourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
    }

    [Fact]
    public void Connect_route_may_opt_into_iam_or_out_of_the_authorizer()
    {
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute> { ["$connect"] = ApiRoute.FromHandler("src/connect.main") with { Authorizer = "iam" } },
        });
        SiteStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Route", Obj(("RouteKey", "$connect"), ("AuthorizationType", "AWS_IAM")));

        var (stack2, _) = WsStacks.Create(new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Authorizer = ApiAuthorizer.Iam(),
            Routes = new Dictionary<string, ApiRoute> { ["$connect"] = ApiRoute.FromHandler("src/connect.main") with { Authorizer = "none" } },
        });
        SiteStacks.Template(stack2).HasResourceProperties("AWS::ApiGatewayV2::Route", Obj(("RouteKey", "$connect"), ("AuthorizationType", "NONE")));
    }

    [Fact]
    public void Every_route_function_may_manage_connections_of_this_api()
    {
        var template = Seed();
        var statement = Obj(
            ("Action", "execute-api:ManageConnections"),
            ("Effect", "Allow"),
            ("Resource", Obj(("Fn::Join", new object[]
            {
                "",
                new object[] { "arn:", Ref("AWS::Partition"), ":execute-api:eu-west-1:123456789012:", Ref(ApiId), "/*/*/@connections/*" },
            }))));

        foreach (var role in new[] { "WsRouteconnectFunctionServiceRole2D253250", "WsRoutedefaultFunctionServiceRoleB43AAB18", "WsRoutedisconnectFunctionServiceRoleA147795F", "WsRoutesendMessageFunctionServiceRole993BB5B8" })
        {
            template.HasResourceProperties("AWS::IAM::Policy", Obj(
                ("PolicyDocument", Obj(("Statement", Match.ArrayWith([statement])))),
                ("Roles", new object[] { Ref(role) })));
        }
    }

    [Fact]
    public void Every_route_function_gets_the_callback_url_of_the_stage()
    {
        var template = Seed();
        var callbackUrl = Obj(("Fn::Join", new object[] { "", new object[] { "https://", Ref(ApiId), ".execute-api.eu-west-1.", Ref("AWS::URLSuffix"), "/prod" } }));

        var functions = template.FindResources("AWS::Lambda::Function");
        functions.Should().HaveCount(4);
        template.AllResourcesProperties("AWS::Lambda::Function", Obj(("Environment", Obj(("Variables", Obj(("WEBSOCKET_CALLBACK_URL", callbackUrl)))))));
    }

    [Fact]
    public void Callback_url_follows_the_stage_name_and_never_the_custom_domain()
    {
        var (stack, api) = WsStacks.Create(stack => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            StageName = "live",
            CustomDomain = "ws.example.com",
            HostedZone = HostedZone.FromHostedZoneAttributes(stack, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123", ZoneName = "example.com" }),
        });
        var template = SiteStacks.Template(stack);

        template.AllResourcesProperties("AWS::Lambda::Function", Obj(("Environment", Obj(("Variables", Obj(("WEBSOCKET_CALLBACK_URL", Obj(("Fn::Join", new object[]
        {
            "",
            new object[] { "https://", Ref(ApiId), ".execute-api.eu-west-1.", Ref("AWS::URLSuffix"), "/live" },
        })))))))));
        Resolved(stack, api.CallbackUrl).Should().NotContain("example.com").And.Contain("execute-api");
    }

    [Fact]
    public void Stage_is_auto_deployed_with_the_default_name_and_throttling()
    {
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(new ApiThrottle(100, 200)),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["$connect"] = "src/connect.main",
                ["sendMessage"] = ApiRoute.FromHandler("src/sendMessage.main") with { Throttle = new ApiThrottle(5, 10) },
            },
        });
        var template = SiteStacks.Template(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Stage", 1);
        template.ResourceCountIs("AWS::ApiGatewayV2::Deployment", 0);
        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", Obj(
            ("ApiId", Ref(ApiId)),
            ("StageName", "prod"),
            ("AutoDeploy", true),
            ("DefaultRouteSettings", Obj(("ThrottlingRateLimit", 100), ("ThrottlingBurstLimit", 200))),
            ("RouteSettings", Obj(("sendMessage", Obj(("ThrottlingRateLimit", 5), ("ThrottlingBurstLimit", 10)))))));
    }

    [Fact]
    public void The_stage_depends_on_the_routes_its_route_settings_name()
    {
        // "Unable to find Route by key" otherwise: CloudFormation would create the stage before the route.
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["$connect"] = "src/connect.main",
                ["sendMessage"] = ApiRoute.FromHandler("src/sendMessage.main") with { Throttle = new ApiThrottle(5, 10) },
            },
        });
        var json = SiteStacks.Json(stack);
        var stage = TemplateQueries.OfType(json, "AWS::ApiGatewayV2::Stage").Single().Value!.AsObject();
        var dependsOn = stage["DependsOn"]!.AsArray().Select(d => (string)d!).ToList();

        dependsOn.Should().Contain(TemplateQueries.RouteId(json, "sendMessage"));
        dependsOn.Should().NotContain(TemplateQueries.RouteId(json, "$connect"));
    }

    [Fact]
    public void Stage_name_can_be_set()
    {
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), StageName = "dev" });
        SiteStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Stage", Obj(("StageName", "dev"), ("AutoDeploy", true)));
    }

    [Fact]
    public void Access_logs_are_on_by_default_with_the_websocket_fields()
    {
        var template = Seed();

        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", Obj(("AccessLogSettings", Obj(
            ("DestinationArn", Obj(("Fn::GetAtt", new object[] { "WsAccessLogs7772751A", "Arn" }))),
            ("Format", Aws.Apis.Common.AccessLogSettings.WebSocketFormat)))));
        // Not strict JSON ("status":$context.status is a number), so the fields are checked as text.
        Aws.Apis.Common.AccessLogSettings.WebSocketFormat.Should().Contain("\"eventType\":\"$context.eventType\"")
            .And.Contain("\"connectionId\":\"$context.connectionId\"").And.Contain("\"connectedAt\":\"$context.connectedAt\"")
            .And.NotContain("httpMethod");
        template.HasResourceProperties("AWS::Logs::LogGroup", Obj(("LogGroupName", Http.HttpApiCorsAndLogTests.VendedLogGroupName()), ("RetentionInDays", 30)));
    }

    [Fact]
    public void Access_logs_can_be_off_or_customised()
    {
        var (off, offApi) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), AccessLog = ApiAccessLog.Off });
        var offTemplate = SiteStacks.Template(off);
        offTemplate.HasResourceProperties("AWS::ApiGatewayV2::Stage", Obj(("AccessLogSettings", Match.Absent())));
        offTemplate.ResourceCountIs("AWS::Logs::LogGroup", 0);
        offApi.AccessLogGroup.Should().BeNull();

        var (custom, customApi) = WsStacks.Create(new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            AccessLog = new ApiAccessLog { Format = "$context.requestId $context.connectionId $context.eventType", Retention = RetentionDays.ONE_WEEK },
        });
        var customTemplate = SiteStacks.Template(custom);
        customTemplate.HasResourceProperties("AWS::ApiGatewayV2::Stage", Obj(("AccessLogSettings", Obj(("Format", "$context.requestId $context.connectionId $context.eventType")))));
        customTemplate.HasResourceProperties("AWS::Logs::LogGroup", Obj(("RetentionInDays", 7)));
        customApi.AccessLogGroup.Should().NotBeNull();
    }

    [Fact]
    public void With_logs_on_the_stack_sets_the_account_logging_role_before_the_stage_by_default()
    {
        // WebSocket stages log only once the account names an API Gateway CloudWatch Logs role ("CloudWatch Logs role
        // ARN must be set in account settings to enable logging"): the default API deploys in a fresh account.
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes() });
        var template = SiteStacks.Template(stack);
        var json = SiteStacks.Json(stack);
        var accountId = WsStacks.LogicalId(json, "AWS::ApiGateway::Account");

        template.HasResourceProperties("AWS::ApiGateway::Account", Obj(("CloudWatchRoleArn", Obj(("Fn::GetAtt", new object[] { stack.GetLogicalId((CfnElement)api.AccountLogRole!.Node.DefaultChild!), "Arn" })))));
        template.HasResourceProperties("AWS::IAM::Role", Obj(
            ("AssumeRolePolicyDocument", Obj(("Statement", new object[] { Obj(("Action", "sts:AssumeRole"), ("Principal", Obj(("Service", "apigateway.amazonaws.com")))) }))),
            ("ManagedPolicyArns", new object[] { Obj(("Fn::Join", new object[] { "", Match.ArrayWith([":iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"]) })) })));
        template.HasResource("AWS::ApiGatewayV2::Stage", Obj(("DependsOn", Match.ArrayWith([accountId]))));
        Annotations.FromStack(stack).HasInfo("/TestStack/Ws", Match.StringLikeRegexp("sets the account's API Gateway CloudWatch Logs role"));
    }

    [Fact]
    public void The_account_logging_role_is_never_deleted_with_the_stack()
    {
        // Other REST and WebSocket APIs of the region log with it; a deleted role would stop them all.
        foreach (var policy in new[] { ApiDeletionPolicy.Delete, ApiDeletionPolicy.Retain })
        {
            var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), DeletionPolicy = policy });
            var json = SiteStacks.Json(stack);
            var account = json["Resources"]![WsStacks.LogicalId(json, "AWS::ApiGateway::Account")]!;
            var role = json["Resources"]![stack.GetLogicalId((CfnElement)api.AccountLogRole!.Node.DefaultChild!)]!;

            foreach (var resource in new[] { account, role })
            {
                ((string?)resource["DeletionPolicy"]).Should().Be("Retain", policy.ToString());
                ((string?)resource["UpdateReplacePolicy"]).Should().Be("Retain", policy.ToString());
            }
        }
    }

    [Fact]
    public void Two_websocket_apis_in_one_stack_share_one_account_setting()
    {
        var (stack, first) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes() });
        var second = new AstroWebSocketApi(stack, "Other", new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes() });
        var template = SiteStacks.Template(stack);
        var accountId = WsStacks.LogicalId(SiteStacks.Json(stack), "AWS::ApiGateway::Account");

        template.ResourceCountIs("AWS::ApiGateway::Account", 1);
        second.AccountLogRole.Should().BeSameAs(first.AccountLogRole);
        template.AllResources("AWS::ApiGatewayV2::Stage", Obj(("DependsOn", Match.ArrayWith([accountId]))));
    }

    [Fact]
    public void Cloud_watch_role_false_relies_on_the_account_and_says_so()
    {
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), CloudWatchRole = false });
        var template = SiteStacks.Template(stack);

        api.AccountLogRole.Should().BeNull();
        template.ResourceCountIs("AWS::ApiGateway::Account", 0);
        template.HasResource("AWS::ApiGatewayV2::Stage", Obj(("Metadata", Obj(("astroaws:account-log-role", Match.AnyValue())))));
        Annotations.FromStack(stack).HasWarning("/TestStack/Ws", Match.StringLikeRegexp("CloudWatch Logs role ARN must be set in account settings"));
    }

    [Fact]
    public void Without_access_logs_no_account_setting_is_made()
    {
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), AccessLog = ApiAccessLog.Off });
        var template = SiteStacks.Template(stack);

        api.AccountLogRole.Should().BeNull();
        template.ResourceCountIs("AWS::ApiGateway::Account", 0);
        Annotations.FromStack(stack).HasNoWarning("*", Match.AnyValue());
    }

    [Fact]
    public void Custom_domain_string_gets_a_certificate_a_mapping_to_the_stage_and_alias_records()
    {
        var (stack, api) = WsStacks.Create(stack => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            CustomDomain = "ws.example.com",
            HostedZone = HostedZone.FromHostedZoneAttributes(stack, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123", ZoneName = "example.com" }),
        });
        var template = SiteStacks.Template(stack);
        var json = SiteStacks.Json(stack);
        var domainId = WsStacks.LogicalId(json, "AWS::ApiGatewayV2::DomainName");
        var stageId = WsStacks.LogicalId(json, "AWS::ApiGatewayV2::Stage");
        template.HasResource("AWS::ApiGatewayV2::ApiMapping", Obj(("DependsOn", Match.ArrayWith([stageId]))));

        template.HasResourceProperties("AWS::CertificateManager::Certificate", Obj(("DomainName", "ws.example.com"), ("ValidationMethod", "DNS")));
        template.HasResourceProperties("AWS::ApiGatewayV2::DomainName", Obj(
            ("DomainName", "ws.example.com"),
            ("DomainNameConfigurations", new object[] { Obj(("EndpointType", "REGIONAL"), ("SecurityPolicy", "TLS_1_2")) })));
        template.HasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Obj(("ApiId", Ref(ApiId)), ("DomainName", Ref(domainId)), ("Stage", "prod")));
        template.HasResourceProperties("AWS::Route53::RecordSet", Obj(("Name", "ws.example.com."), ("Type", "A"), ("HostedZoneId", "Z123")));
        template.HasResourceProperties("AWS::Route53::RecordSet", Obj(("Name", "ws.example.com."), ("Type", "AAAA"), ("HostedZoneId", "Z123")));
        api.CustomDomainUrl.Should().Be("wss://ws.example.com/");
        api.DomainName.Should().NotBeNull();
        api.Certificate.Should().NotBeNull();
        template.HasOutput("*", Obj(("Value", "wss://ws.example.com/")));
    }

    [Fact]
    public void Custom_domain_object_with_a_certificate_and_a_path()
    {
        var (stack, api) = WsStacks.Create(stack => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            CustomDomain = new ApiDomain
            {
                DomainName = "ws.example.com",
                Path = "v1",
                Certificate = Certificate.FromCertificateArn(stack, "Cert", "arn:aws:acm:eu-west-1:123456789012:certificate/abc"),
            },
        });
        var template = SiteStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::ApiMapping", Obj(("ApiMappingKey", "v1")));
        template.HasResourceProperties("AWS::ApiGatewayV2::DomainName", Obj(("DomainNameConfigurations", new object[] { Obj(("CertificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/abc")) })));
        template.ResourceCountIs("AWS::CertificateManager::Certificate", 0);
        template.ResourceCountIs("AWS::Route53::RecordSet", 0);
        api.CustomDomainUrl.Should().Be("wss://ws.example.com/v1");
    }

    [Theory]
    [InlineData(null, "https://ws.example.com")]
    [InlineData("chat", "https://ws.example.com/chat")]
    public void With_execute_api_disabled_the_callback_url_is_the_custom_domain_without_the_stage(string? path, string expected)
    {
        // execute-api answers Forbidden to @connections once it is disabled; the management API is on the custom domain
        // under its base path, with no stage segment.
        var (stack, api) = WsStacks.Create(stack => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            CustomDomain = new ApiDomain { DomainName = "ws.example.com", Path = path },
            HostedZone = HostedZone.FromHostedZoneAttributes(stack, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123", ZoneName = "example.com" }),
            DisableExecuteApiEndpoint = true,
        });
        var template = SiteStacks.Template(stack);

        api.CallbackUrl.Should().Be(expected);
        template.AllResourcesProperties("AWS::Lambda::Function", Obj(("Environment", Obj(("Variables", Obj(("WEBSOCKET_CALLBACK_URL", expected)))))));
        template.HasOutput("WsCallbackUrlD4A0F3EB", Obj(("Value", expected)));
    }

    [Fact]
    public void Disable_execute_api_endpoint_is_set_on_the_api()
    {
        var (stack, _) = WsStacks.Create(stack => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            CustomDomain = "ws.example.com",
            HostedZone = HostedZone.FromHostedZoneAttributes(stack, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123", ZoneName = "example.com" }),
            DisableExecuteApiEndpoint = true,
        });
        SiteStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Api", Obj(("ProtocolType", "WEBSOCKET"), ("DisableExecuteApiEndpoint", true)));

        Seed().HasResourceProperties("AWS::ApiGatewayV2::Api", Obj(("DisableExecuteApiEndpoint", Match.Absent())));
    }

    [Fact]
    public void Tags_reach_the_api_the_stage_and_the_functions()
    {
        var (stack, _) = WsStacks.Create(new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            Tags = new Dictionary<string, string> { ["Environment"] = "production", ["Team"] = "platform" },
        });
        var template = SiteStacks.Template(stack);
        var tags = Obj(("Environment", "production"), ("Team", "platform"));

        template.HasResourceProperties("AWS::ApiGatewayV2::Api", Obj(("Tags", tags)));
        template.HasResourceProperties("AWS::ApiGatewayV2::Stage", Obj(("Tags", tags)));
        template.AllResourcesProperties("AWS::Lambda::Function", Obj(("Tags", Match.ArrayWith([Match.ObjectLike(Obj(("Key", "Environment"), ("Value", "production")))]))));
    }

    [Theory]
    [InlineData(ApiDeletionPolicy.Retain)]
    [InlineData(ApiDeletionPolicy.Orphan)]
    public void Deletion_policy_retains_every_resource(ApiDeletionPolicy policy)
    {
        var (stack, api) = WsStacks.Create(stack => new AstroWebSocketApiProps
        {
            Defaults = WsStacks.Defaults(),
            Routes = WsStacks.SeedRoutes(),
            Authorizer = ApiAuthorizer.Lambda(WsStacks.OwnFunction(stack, "Auth")),
            CustomDomain = "ws.example.com",
            HostedZone = HostedZone.FromHostedZoneAttributes(stack, "Zone", new HostedZoneAttributes { HostedZoneId = "Z123", ZoneName = "example.com" }),
            DeletionPolicy = policy,
        });
        api.AddRoutes(new Dictionary<string, ApiRoute> { ["later"] = "src/sendMessage.main" });
        var json = SiteStacks.Json(stack);

        var ours = json["Resources"]!.AsObject().Where(r => r.Key.StartsWith("Ws", StringComparison.Ordinal)).ToList();
        ours.Select(r => (string)r.Value!["Type"]!).Should().Contain([
            "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage", "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration",
            "AWS::ApiGatewayV2::Authorizer", "AWS::ApiGatewayV2::DomainName", "AWS::ApiGatewayV2::ApiMapping", "AWS::Lambda::Function",
            "AWS::Lambda::Permission", "AWS::IAM::Role", "AWS::Logs::LogGroup", "AWS::CertificateManager::Certificate", "AWS::Route53::RecordSet",
        ]);
        ours.Should().AllSatisfy(r =>
        {
            ((string?)r.Value!["DeletionPolicy"]).Should().Be("Retain", r.Key);
            ((string?)r.Value!["UpdateReplacePolicy"]).Should().Be("Retain", r.Key);
        });
    }

    [Fact]
    public void Deletion_policy_delete_is_the_cloudformation_default()
    {
        var json = SiteStacks.Json(WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes(), DeletionPolicy = ApiDeletionPolicy.Delete }).Stack);
        // The log group and the account's logging role (see The_account_logging_role_is_never_deleted_with_the_stack) are the exceptions.
        json["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] is not ("AWS::Logs::LogGroup" or "AWS::ApiGateway::Account") && !r.Key.StartsWith(AccountLogRoleHolder, StringComparison.Ordinal))
            .Should().AllSatisfy(r => r.Value!["DeletionPolicy"].Should().BeNull(r.Key));
    }

    [Fact]
    public void Outputs_name_the_api_id_the_endpoint_and_the_callback_url()
    {
        var template = Seed();
        var host = new object[] { Ref(ApiId), ".execute-api.eu-west-1.", Ref("AWS::URLSuffix"), "/prod" };

        template.HasOutput("WsApiId75DA000A", Obj(("Value", Ref(ApiId))));
        template.HasOutput("WsApiEndpoint61993698", Obj(("Value", Obj(("Fn::Join", new object[] { "", (object[])["wss://", .. host] })))));
        template.HasOutput("WsCallbackUrlD4A0F3EB", Obj(("Value", Obj(("Fn::Join", new object[] { "", (object[])["https://", .. host] })))));
    }

    [Fact]
    public void Getters_expose_the_created_resources_and_urls()
    {
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes() });

        Resolved(stack, api.Url).Should().Contain("wss://").And.Contain("/prod");
        Resolved(stack, api.CallbackUrl).Should().Contain("https://").And.Contain("/prod");
        api.Stage.StageName.Should().Be("prod");
        api.Routes.Keys.Should().BeEquivalentTo("$connect", "$default", "$disconnect", "sendMessage");
        api.Routes["sendMessage"].RouteKey.Should().Be("sendMessage");
        api.Functions.Should().HaveCount(4);
        api.GetFunction("nope").Should().BeNull();
        api.CustomDomainUrl.Should().BeNull();
        api.DomainName.Should().BeNull();
        api.Certificate.Should().BeNull();
        api.AccountLogRole.Should().NotBeNull();
        api.AccountLogRole!.Node.Path.Should().Be("TestStack/AstroAwsApiGatewayAccount/Role");
        api.WebSocketApi.Node.Id.Should().Be("WebSocketApi");
        api.Stage.Node.Id.Should().Be("Stage");
        api.Routes["$connect"].Node.Id.Should().Be("Route $connect");
    }

    [Fact]
    public void Add_routes_later_gets_the_same_wiring()
    {
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes() });
        var added = api.AddRoutes(new Dictionary<string, ApiRoute> { ["typing"] = "src/sendMessage.main" });
        var template = SiteStacks.Template(stack);

        added.Should().ContainSingle().Which.RouteKey.Should().Be("typing");
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 5);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Obj(("RouteKey", "typing")));
        template.ResourceCountIs("AWS::Lambda::Function", 5);
        template.AllResourcesProperties("AWS::Lambda::Function", Obj(("Environment", Obj(("Variables", Obj(("WEBSOCKET_CALLBACK_URL", Match.AnyValue())))))));
        api.GetFunction("typing").Should().NotBeNull();
    }

    [Fact]
    public void Attach_permissions_grants_every_function_or_one_route()
    {
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes() });
        api.AttachPermissions(new PolicyStatement(new PolicyStatementProps { Actions = ["dynamodb:PutItem"], Resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/connections"] }));
        api.AttachPermissionsToRoute("sendMessage", new PolicyStatement(new PolicyStatementProps { Actions = ["sqs:SendMessage"], Resources = ["arn:aws:sqs:eu-west-1:123456789012:q"] }));
        var template = SiteStacks.Template(stack);

        template.AllResourcesProperties("AWS::IAM::Policy", Obj(("PolicyDocument", Obj(("Statement", Match.ArrayWith([Match.ObjectLike(Obj(("Action", "dynamodb:PutItem")))]))))));
        var withSqs = template.FindResources("AWS::IAM::Policy", Obj(("Properties", Obj(("PolicyDocument", Obj(("Statement", Match.ArrayWith([Match.ObjectLike(Obj(("Action", "sqs:SendMessage")))]))))))));
        withSqs.Keys.Should().ContainSingle().Which.Should().StartWith("WsRoutesendMessageFunction");
    }

    [Fact]
    public void Permissions_for_every_function_also_reach_routes_added_afterwards()
    {
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes() });
        api.AttachPermissions(new PolicyStatement(new PolicyStatementProps { Actions = ["dynamodb:PutItem"], Resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/connections"] }));
        _ = api.AddRoutes(new Dictionary<string, ApiRoute> { ["typing"] = "src/sendMessage.main" });
        var template = SiteStacks.Template(stack);

        var withPut = template.FindResources("AWS::IAM::Policy", Obj(("Properties", Obj(("PolicyDocument", Obj(("Statement", Match.ArrayWith([Match.ObjectLike(Obj(("Action", "dynamodb:PutItem")))]))))))));
        withPut.Should().HaveCount(5);
        withPut.Keys.Should().Contain(k => k.StartsWith("WsRoutetypingFunction", StringComparison.Ordinal));
    }

    [Fact]
    public void Metric_is_forwarded_for_this_api()
    {
        var (stack, api) = WsStacks.Create(new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = WsStacks.SeedRoutes() });
        var metric = api.Metric("ConnectCount");

        metric.MetricName.Should().Be("ConnectCount");
        metric.Namespace.Should().Be("AWS/ApiGateway");
        Resolved(stack, api.WebSocketApi.ApiId).Should().Contain(ApiId);
        metric.Dimensions.Should().ContainKey("ApiId");
    }

    [Fact]
    public void Sample_stack_synthesizes_with_its_real_handlers()
    {
        var app = new App(new AppProps { Outdir = Path.Combine(Path.GetTempPath(), "astroaws-tests", Guid.NewGuid().ToString("N")) });
        var stack = new Sample.WebSocketStack(app, "WsSample", new StackProps { Env = SiteStacks.Env }, Path.Combine(TestPaths.RepoRoot, "samples", "api"));
        var template = SiteStacks.Template(stack);

        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 4);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Obj(("RouteKey", "$default"), ("RouteResponseSelectionExpression", "$default")));
        foreach (var handler in new[] { "connect.main", "disconnect.main", "default.main", "sendMessage.main" })
        {
            template.HasResourceProperties("AWS::Lambda::Function", Obj(("Handler", handler)));
        }

        stack.Api.Functions.Should().HaveCount(4);
    }
}
