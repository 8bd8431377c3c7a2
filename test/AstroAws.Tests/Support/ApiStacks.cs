using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace Astro.Aws.Tests.Support;

/// <summary>Stacks holding an API whose handler strings resolve against the committed handler fixtures.</summary>
internal static class ApiStacks
{
    /// <summary>The folder handler strings such as "src/list.main" resolve against.</summary>
    public static string CodeRoot => Path.Combine(TestPaths.TestProject, "Fixtures", "http-api");

    /// <summary>Defaults that point handler resolution at <see cref="CodeRoot"/>.</summary>
    public static ApiDefaults Defaults(ApiDefaults? more = null) => new()
    {
        Function = more?.Function is { } function ? WithCodeRoot(function) : new ApiFunctionProps { CodeRoot = CodeRoot },
        Authorizer = more?.Authorizer,
        AuthorizationScopes = more?.AuthorizationScopes,
        Throttle = more?.Throttle,
        PayloadFormatVersion = more?.PayloadFormatVersion,
    };

    public static (Stack Stack, AstroHttpApi Api) Http(Func<Stack, AstroHttpApiProps> props)
    {
        var stack = SiteStacks.NewStack();
        return (stack, new AstroHttpApi(stack, "Api", props(stack)));
    }

    public static Template Template(Stack stack) => SiteStacks.Template(stack);

    /// <summary>A custom domain that exists outside the stack, as <c>DomainName.FromDomainNameAttributes</c> imports it.</summary>
    public static Amazon.CDK.AWS.Apigatewayv2.IDomainName ImportedDomain(Stack scope, string name = "api.example.com", string id = "Imported") =>
        Amazon.CDK.AWS.Apigatewayv2.DomainName.FromDomainNameAttributes(scope, id, new Amazon.CDK.AWS.Apigatewayv2.DomainNameAttributes
        {
            Name = name,
            RegionalDomainName = "d-1.execute-api.eu-west-1.amazonaws.com",
            RegionalHostedZoneId = "ZLY8HYME6SFDD",
        });

    private static ApiFunctionProps WithCodeRoot(ApiFunctionProps function) => new()
    {
        CodeRoot = function.CodeRoot ?? CodeRoot,
        MemorySize = function.MemorySize,
        Environment = function.Environment,
        Timeout = function.Timeout,
    };
}
