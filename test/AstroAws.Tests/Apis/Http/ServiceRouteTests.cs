using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Astro.Aws.Tests.Apis.WebSocket;
using Astro.Aws.Tests.Support;
using Xunit;
using Match = Amazon.CDK.Assertions.Match;
using HttpMethod = Amazon.CDK.AWS.Apigatewayv2.HttpMethod;

namespace Astro.Aws.Tests.Apis.Http;

/// <summary>Routes that call an AWS action with no function in between: SQS, EventBridge, Step Functions.</summary>
public class ServiceRouteTests
{
    [Fact]
    public void A_queue_route_sends_the_body_with_a_role_api_gateway_assumes_that_may_only_send_to_that_queue()
    {
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Routes = new Dictionary<string, ApiRoute> { ["POST /orders"] = ApiRoute.FromQueue(new Queue(scope, "Orders")) },
        });
        var template = ApiStacks.Template(stack);
        var queue = WsStacks.LogicalId(SiteStacks.Json(stack), "AWS::SQS::Queue");

        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new Dictionary<string, object>
        {
            ["IntegrationType"] = "AWS_PROXY",
            ["IntegrationSubtype"] = "SQS-SendMessage",
            ["PayloadFormatVersion"] = "1.0",
            ["CredentialsArn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("InvokeRole"), "Arn" } },
            ["RequestParameters"] = new Dictionary<string, object> { ["QueueUrl"] = new Dictionary<string, object> { ["Ref"] = queue }, ["MessageBody"] = "$request.body" },
        }));
        template.HasResourceProperties("AWS::IAM::Role", Match.ObjectLike(new Dictionary<string, object>
        {
            ["AssumeRolePolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = new[] { Match.ObjectLike(new Dictionary<string, object> { ["Principal"] = new Dictionary<string, object> { ["Service"] = "apigateway.amazonaws.com" } }) },
            }),
        }));
        template.HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = new[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Action"] = Match.ArrayWith(new object[] { "sqs:SendMessage" }),
                        ["Resource"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { queue, "Arn" } },
                    }),
                },
            }),
        }));
    }

    [Fact]
    public void An_event_bus_route_puts_the_body_as_the_detail_of_an_event_of_the_given_source_and_type()
    {
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Routes = new Dictionary<string, ApiRoute> { ["POST /events"] = ApiRoute.FromEventBus(new EventBus(scope, "Bus"), "shop.orders", "OrderPlaced") },
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new Dictionary<string, object>
        {
            ["IntegrationSubtype"] = "EventBridge-PutEvents",
            ["RequestParameters"] = Match.ObjectLike(new Dictionary<string, object> { ["Source"] = "shop.orders", ["DetailType"] = "OrderPlaced", ["Detail"] = "$request.body", ["EventBusName"] = Match.AnyValue() }),
        }));
        template.HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object> { ["Statement"] = new[] { Match.ObjectLike(new Dictionary<string, object> { ["Action"] = "events:PutEvents" }) } }),
        }));
    }

    [Fact]
    public void A_state_machine_route_starts_an_execution_with_the_body_as_input()
    {
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Routes = new Dictionary<string, ApiRoute>
            {
                ["POST /checkout"] = ApiRoute.FromStateMachine(new StateMachine(scope, "Checkout", new StateMachineProps { DefinitionBody = DefinitionBody.FromChainable(new Pass(scope, "Done")) })),
            },
        });
        var template = ApiStacks.Template(stack);

        template.HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new Dictionary<string, object>
        {
            ["IntegrationSubtype"] = "StepFunctions-StartExecution",
            ["RequestParameters"] = Match.ObjectLike(new Dictionary<string, object> { ["StateMachineArn"] = Match.AnyValue(), ["Input"] = "$request.body" }),
        }));
        template.HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object> { ["Statement"] = new[] { Match.ObjectLike(new Dictionary<string, object> { ["Action"] = "states:StartExecution" }) } }),
        }));
    }

    [Fact]
    public void Your_parameter_mapping_replaces_ours_key_by_key_and_the_timeout_reaches_the_integration()
    {
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Routes = new Dictionary<string, ApiRoute>
            {
                ["POST /orders"] = ApiRoute.FromQueue(new Queue(scope, "Orders", new QueueProps { Fifo = true })) with
                {
                    Integration = new ApiIntegrationOptions
                    {
                        ParameterMapping = new ParameterMapping().Custom("MessageGroupId", "orders").Custom("MessageBody", "$request.body.order"),
                        Timeout = Duration.Seconds(5),
                    },
                },
            },
        });

        ApiStacks.Template(stack).HasResourceProperties("AWS::ApiGatewayV2::Integration", Match.ObjectLike(new Dictionary<string, object>
        {
            ["TimeoutInMillis"] = 5000,
            ["RequestParameters"] = new Dictionary<string, object> { ["QueueUrl"] = Match.AnyValue(), ["MessageBody"] = "$request.body.order", ["MessageGroupId"] = "orders" },
        }));
    }

    [Fact]
    public void A_method_or_a_payload_format_on_a_service_route_is_refused_because_the_action_has_neither()
    {
        Refusal.Expect(
            () => ApiStacks.Http(scope => new AstroHttpApiProps { Routes = new Dictionary<string, ApiRoute> { ["POST /orders"] = ApiRoute.FromQueue(new Queue(scope, "Q")) with { Integration = new ApiIntegrationOptions { Method = HttpMethod.POST } } } }),
            "Integration.Method",
            "received POST",
            "Remove Method").ParamName!.EndsWith(".Integration.Method", StringComparison.Ordinal);
        Refusal.Expect(
            () => ApiStacks.Http(scope => new AstroHttpApiProps { Routes = new Dictionary<string, ApiRoute> { ["POST /orders"] = ApiRoute.FromQueue(new Queue(scope, "Q")) with { PayloadFormatVersion = PayloadFormatVersion.VERSION_2_0 } } }),
            "PayloadFormatVersion",
            "received 2.0 on a Queue route");
    }

    [Fact]
    public void An_event_route_without_a_source_is_refused()
    {
        Refusal.Expect(
            () => ApiStacks.Http(scope => new AstroHttpApiProps { Routes = new Dictionary<string, ApiRoute> { ["POST /events"] = ApiRoute.FromEventBus(new EventBus(scope, "Bus"), " ", "OrderPlaced") } }),
            "AstroHttpApiProps.Routes[\"POST /events\"]",
            "empty source",
            "FromEventBus(bus, \"shop.orders\", \"OrderPlaced\")");
    }

    [Fact]
    public void A_service_route_on_a_websocket_api_is_refused()
    {
        Refusal.Expect(
            () => WsStacks.Create(scope => new AstroWebSocketApiProps { Defaults = WsStacks.Defaults(), Routes = new Dictionary<string, ApiRoute> { ["$default"] = ApiRoute.FromQueue(new Queue(scope, "Q")) } }),
            "received a Queue route",
            "only HTTP APIs");
    }
}
