using Amazon.CDK.AWS.Apigatewayv2;

namespace Astro.Aws;

/// <summary>
/// CDK props passed through to the HTTP API and its <c>$default</c> stage, or an existing API and stage to adopt
/// instead of creating them. A property that one of our own props already covers is refused with the prop to use,
/// so no setting is silently ignored or decided twice.
/// </summary>
public sealed class AstroHttpApiCdkProps
{
    /// <summary>
    /// Props of the HTTP API we create, merged onto ours (yours win): <c>Description</c> and
    /// <c>RouteSelectionExpression</c>. <c>ApiName</c>, <c>DisableExecuteApiEndpoint</c>, <c>CorsPreflight</c>,
    /// <c>DefaultAuthorizer</c>, <c>DefaultAuthorizationScopes</c>, <c>DefaultIntegration</c>, <c>DefaultDomainMapping</c>
    /// and <c>CreateDefaultStage</c> are refused with the <see cref="AstroHttpApiProps"/> prop that sets them.
    /// </summary>
    /// <value>Default: none.</value>
    public IHttpApiProps? HttpApi { get; init; }

    /// <summary>
    /// An HTTP API to add the routes to instead of creating one: yours (<c>new HttpApi(...)</c>) or an imported one
    /// (<c>HttpApi.FromHttpApiAttributes(...)</c>). Its name, CORS and execute-api endpoint stay as its owner set them.
    /// </summary>
    /// <value>Default: an HTTP API is created.</value>
    public IHttpApi? ExistingHttpApi { get; init; }

    /// <summary>Options of the <c>$default</c> stage we create, merged onto ours (yours win): <c>AutoDeploy</c> and <c>Description</c>; <c>Throttle</c> and <c>DomainMapping</c> are refused (use <c>Defaults.Throttle</c> and <c>CustomDomain</c>).</summary>
    /// <value>Default: none (auto-deployed).</value>
    public IStageOptions? DefaultStage { get; init; }

    /// <summary>
    /// A stage of <see cref="ExistingHttpApi"/> that serves the routes instead of a <c>$default</c> stage we create,
    /// e.g. <c>existingApi.DefaultStage</c>. It must deploy automatically for new routes to be served; its throttling,
    /// access logs and variables are its owner's.
    /// </summary>
    /// <value>Default: a <c>$default</c> stage is created.</value>
    public IHttpStage? ExistingDefaultStage { get; init; }
}
