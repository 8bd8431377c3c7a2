using Amazon.CDK.AWS.Apigatewayv2;
using Astro.Aws.Apis.Common;

namespace Astro.Aws.Apis.Http;

/// <summary>
/// What <see cref="AstroHttpApiProps.Cdk"/> may set: the CDK properties our props already cover (refused, with the prop
/// to use), and what an adopted API or stage leaves to its owner.
/// </summary>
internal static class HttpApiAdoption
{
    private const string PropsType = "AstroHttpApiProps";

    /// <summary>The <see cref="IHttpApiProps"/> our props cover: each is refused with what to set instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> CoveredApiProps = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(IHttpApiProps.ApiName)] = $"{PropsType}.ApiName names the API. Set it there.",
        [nameof(IHttpApiProps.DisableExecuteApiEndpoint)] = $"{PropsType}.DisableExecuteApiEndpoint sets it, and checks that a custom domain is left to reach the API. Set it there.",
        [nameof(IHttpApiProps.CorsPreflight)] = $"{PropsType}.Cors sets CORS, and adds the unauthenticated preflight routes beside authorized ANY and $default routes. Set it there (new ApiCors {{ ... }}).",
        [nameof(IHttpApiProps.CreateDefaultStage)] = $"the construct creates the $default stage itself. Shape it with {PropsType}.Cdk.DefaultStage, or adopt one with Cdk.ExistingDefaultStage.",
        [nameof(IHttpApiProps.DefaultAuthorizer)] = $"every route is created with its own authorizer, so CDK's default would never apply. Name it in {PropsType}.Authorizers (ApiAuthorizer.FromCdk(authorizer)) and set Defaults.Authorizer to that name.",
        [nameof(IHttpApiProps.DefaultAuthorizationScopes)] = $"every route is created with its own scopes, so CDK's default would never apply. Set {PropsType}.Defaults.AuthorizationScopes.",
        [nameof(IHttpApiProps.DefaultIntegration)] = $"routes come from the routes map. Add a \"$default\" route to {PropsType}.Routes.",
        [nameof(IHttpApiProps.DefaultDomainMapping)] = $"it maps CDK's default stage, which the construct does not create. Set {PropsType}.CustomDomain.",
    };

    /// <summary>The <see cref="IStageOptions"/> of the <c>$default</c> stage our props cover.</summary>
    public static readonly IReadOnlyDictionary<string, string> CoveredStageOptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(IStageOptions.Throttle)] = $"{PropsType}.Defaults.Throttle sets it, checked against API Gateway's limits. Set it there.",
        [nameof(IStageOptions.DomainMapping)] = $"{PropsType}.CustomDomain maps the stage (ApiDomain.FromDomainName for a domain that exists). Set it there.",
    };

    public static void Check(AstroHttpApiProps props)
    {
        var cdk = props.Cdk;
        if (cdk?.ExistingHttpApi is { } existing)
        {
            PropRefusal.When(cdk.HttpApi is not null, PropsType, "Cdk.HttpApi", "props for the API to create", "an existing API is adopted as it is. Remove Cdk.HttpApi, or Cdk.ExistingHttpApi to create the API");
            PropRefusal.When(props.ApiName is not null, PropsType, "ApiName", $"'{props.ApiName}'", "an adopted API keeps its name. Remove ApiName");
            PropRefusal.When(props.DisableExecuteApiEndpoint is not null, PropsType, "DisableExecuteApiEndpoint", $"{props.DisableExecuteApiEndpoint}", "an adopted API keeps its endpoint setting. Remove it, and set it where the API is created");
            PropRefusal.When(props.Cors is { Enabled: true }, PropsType, "Cors", "a CORS configuration", "CORS is part of an adopted API, which keeps it as its owner set it. Set CorsPreflight where the API is created, or remove Cors");
            if (cdk.ExistingDefaultStage is null && existing is HttpApi { DefaultStage: not null })
            {
                throw new ArgumentException(
                    $"{PropsType}.Cdk.ExistingHttpApi: the API already has a $default stage (CreateDefaultStage), and an API has one $default stage. Pass it as Cdk.ExistingDefaultStage = api.DefaultStage, or create the API with CreateDefaultStage = false.",
                    $"{PropsType}.Cdk.ExistingHttpApi");
            }
        }

        if (cdk?.ExistingDefaultStage is { } stage)
        {
            PropRefusal.When(cdk.ExistingHttpApi is null, PropsType, "Cdk.ExistingDefaultStage", $"the stage '{stage.StageName}'", "a stage of an API the construct creates cannot exist yet. Also pass its API as Cdk.ExistingHttpApi, or remove the stage");
            PropRefusal.When(cdk.DefaultStage is not null, PropsType, "Cdk.DefaultStage", "options for the stage to create", "an existing stage is adopted as it is. Remove Cdk.DefaultStage");
            PropRefusal.When(props.Defaults?.Throttle is not null, PropsType, "Defaults.Throttle", "throttling", "an adopted stage keeps its throttling. Set it where the stage is created, or remove it");
            PropRefusal.When(props.AccessLog is { Enabled: true }, PropsType, "AccessLog", "access log settings", "an adopted stage keeps its access logs. Set them where the stage is created, or remove AccessLog");
            PropRefusal.When(props.StageVariables is not null, PropsType, "StageVariables", "stage variables", "an adopted stage keeps its variables. Set them where the stage is created, or remove StageVariables");
        }
    }
}
