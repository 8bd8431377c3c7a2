using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.IAM;

namespace Astro.Aws.Apis.Http;

/// <summary>
/// An AWS service integration of an HTTP API (<c>AWS_PROXY</c> with a subtype), for the subtypes aws-cdk-lib 2.160 has
/// no integration class for (SQS, EventBridge): API Gateway calls the action with a role it assumes, the request
/// parameters the subtype requires, and payload format 1.0 (rule <c>apigateway/service-integration</c>).
/// </summary>
internal sealed class ServiceIntegration(
    string id,
    HttpIntegrationSubtype subtype,
    IReadOnlyDictionary<string, string> parameters,
    Action<IRole> grant,
    Amazon.CDK.Duration? timeout) : HttpRouteIntegration(id)
{
    public override IHttpRouteIntegrationConfig Bind(IHttpRouteIntegrationBindOptions options)
    {
        var role = new Role(options.Scope, "InvokeRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("apigateway.amazonaws.com"),
            Description = $"API Gateway calls {subtype} with this role",
        });
        grant(role);
        var mapping = new ParameterMapping();
        foreach (var (key, value) in parameters)
        {
            mapping.Custom(key, value);
        }

        return new HttpRouteIntegrationConfig
        {
            Type = HttpIntegrationType.AWS_PROXY,
            Subtype = subtype,
            Credentials = IntegrationCredentials.FromRole(role),
            ParameterMapping = mapping,
            PayloadFormatVersion = PayloadFormatVersion.VERSION_1_0,
            Timeout = timeout,
        };
    }
}
