using Astro.Aws.Rules.ApiGateway;
using Astro.Aws.Rules.CloudFront;
using Astro.Aws.Rules.Lambda;
using Astro.Aws.Rules.Logs;
using Astro.Aws.Rules.Route53;
using Astro.Aws.Rules.S3;

namespace Astro.Aws.Rules;

/// <summary>Every template rule, in the order of docs/aws-rules.md.</summary>
internal static class RuleCatalog
{
    public static AwsRule[] Create() =>
    [
        new PublicUrlPermissionsRule(),
        new OacUrlPermissionsRule(),
        new FunctionLimitsRule(),
        new HandlerRule(),
        new EnvironmentKeysRule(),
        new CachingDisabledKeyRule(),
        new CacheTtlOrderRule(),
        new FunctionCodeRule(),
        new FunctionAssociationsRule(),
        new ViewerHeadersRule(),
        new EdgeFunctionRule(),
        new IncludeBodyRule(),
        new KeyValueStoreRule(),
        new AllowedMethodsRule(),
        new OriginsRule(),
        new OriginAccessControlRule(),
        new OacAuthorizationRule(),
        new S3OriginAccessRule(),
        new FunctionUrlHostRule(),
        new ViewerCertificateRule(),
        new LogBucketRule(),
        new CorsCredentialsRule(),
        new ErrorResponsesRule(),
        new GlobalNamesRule(),
        new RouteSettingsOrderRule(),
        new WebSocketLogRoleRule(),
        new AccountRoleRetainedRule(),
        new DomainNameRule(),
        new ApiMappingRule(),
        new SharedDomainRule(),
        new IntegrationRule(),
        new ServiceIntegrationRule(),
        new HttpCorsRule(),
        new WebSocketManagementEndpointRule(),
        new StageRule(),
        new AuthorizerRule(),
        new RouteKeyRule(),
        new AliasRecordsRule(),
        new LogGroupRule(),
        new BucketNameRule(),
    ];
}
