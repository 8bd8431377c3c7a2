using Astro.Aws.Apis.Http;

namespace Astro.Aws.Rules.ApiGateway;

/// <summary>AWS service integrations of HTTP APIs: a role to call the action with, the subtype's required parameters, payload 1.0.</summary>
internal sealed class ServiceIntegrationRule : AwsRule
{
    public override string Id => "apigateway/service-integration";

    public override string Summary => "An HTTP API AWS service integration (AWS_PROXY with an IntegrationSubtype) has a CredentialsArn (the role API Gateway calls the action with), payload format 1.0, and the request parameters its subtype requires (SQS-SendMessage: QueueUrl, MessageBody; EventBridge-PutEvents: Detail, DetailType, Source; StepFunctions-StartExecution: StateMachineArn).";

    public override string Source => "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html (the subtypes, each \"1.0\", with their required parameters); https://docs.aws.amazon.com/apigateway/latest/developerguide/permissions.html (\"When the API integrates with an AWS service ... API Gateway must also have permissions to access integrated AWS resources\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var integration in template.OfType("AWS::ApiGatewayV2::Integration"))
        {
            if (CfnTemplate.Text(integration.Property("IntegrationSubtype")) is not { } subtype || CfnTemplate.Text(integration.Property("IntegrationType")) != "AWS_PROXY")
            {
                continue;
            }

            if (integration.Property("CredentialsArn") is null)
            {
                yield return new RuleFinding(integration.LogicalId, $"its {subtype} integration has no CredentialsArn, so API Gateway has no permission to call the action.");
            }

            if (CfnTemplate.Text(integration.Property("PayloadFormatVersion")) is { } version && version != "1.0")
            {
                yield return new RuleFinding(integration.LogicalId, $"its {subtype} integration has PayloadFormatVersion {version}; AWS service integrations take 1.0.");
            }

            var given = integration.Property("RequestParameters")?.AsObject().Select(parameter => parameter.Key).ToHashSet(StringComparer.Ordinal) ?? [];
            foreach (var missing in ServiceRoutes.RequiredParameters.GetValueOrDefault(subtype, []).Where(required => !given.Contains(required)))
            {
                yield return new RuleFinding(integration.LogicalId, $"its {subtype} integration lacks the required request parameter {missing}.");
            }
        }
    }
}
