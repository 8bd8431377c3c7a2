using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Overrides;
using Constructs;

namespace Astro.Aws.Apis.Functions;

/// <summary>Creates the Lambda of a handler route: our defaults, then the API's defaults, then the route's props.</summary>
internal static class RouteFunctionFactory
{
    private static Duration IntegrationTimeout => Duration.Seconds(30);

    public static Function Create(Construct scope, string id, string? handler, ApiFunctionProps? apiDefaults, ApiFunctionProps? routeProps, string propName)
    {
        var codeRoot = routeProps?.CodeRoot ?? apiDefaults?.CodeRoot;
        var resolved = HandlerResolver.Resolve(routeProps?.Handler ?? handler, codeRoot, propName);
        var props = new FunctionProps
        {
            Code = resolved.Code,
            Handler = resolved.Handler,
            Runtime = resolved.Runtime,
            Architecture = Architecture.ARM_64,
            MemorySize = 1024,
            Timeout = Duration.Seconds(10),
        };
        const string Handler = nameof(ApiFunctionProps.Handler);
        const string CodeRoot = nameof(ApiFunctionProps.CodeRoot);
        PropsMerge.Overlay(props, apiDefaults, Handler, CodeRoot);
        PropsMerge.Overlay(props, routeProps, Handler, CodeRoot);
        if (apiDefaults?.Environment is { } shared && routeProps?.Environment is { } own)
        {
            // Environment variables are the one map where a route adds to the defaults instead of replacing them.
            props.Environment = new Dictionary<string, string>([.. shared.Where(kv => !own.ContainsKey(kv.Key)), .. own]);
        }

        // API Gateway gives up on an integration after 30 s; a longer function timeout only hides a 503 from the logs.
        Parts.FunctionLimits.Validate(props, propName, IntegrationTimeout, limitAllowed: true, "API Gateway's integration timeout");
        var function = new Function(scope, id, props);
        if (resolved.CodeBytes > CodeFolderCheck.LargeBytes && props.Code == resolved.Code)
        {
            Annotations.Of(function).AddWarningV2(
                "@astroaws/api:largeHandlerCode",
                $"AstroAws: {propName} uploads {resolved.CodeBytes / (1024 * 1024)} MB of code for one function (Lambda takes 50 MB zipped for a direct upload and 250 MB unzipped). "
                + "Bundle the handler (e.g. esbuild), or set CodeRoot so that the handler's first folder holds only what the function needs.");
        }

        Security.ApiSuppressions.RouteFunction(function);
        return function;
    }
}
