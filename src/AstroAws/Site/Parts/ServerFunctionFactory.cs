using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront.Experimental;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Astro.Aws.Overrides;
using Constructs;

namespace Astro.Aws.Parts;

/// <summary>Creates the Lambda that renders server pages: a regional function, or Lambda@Edge in edge mode.</summary>
internal static class ServerFunctionFactory
{
    private const string PropName = "AstroAwsCdkProps.LambdaFunction";

    private static Duration EdgeTimeoutLimit => Duration.Seconds(30);

    public static (Function Function, LogGroup? LogGroup) CreateRegional(Construct scope, AstroBuild build, AstroAwsFunctionOptions? overrides, Duration originReadTimeout)
    {
        // Ours only when the caller chose no logging of their own: a LogGroup of theirs replaces it, and CDK refuses
        // LogRetention (its retention mechanism on the function's default log group) together with any log group.
        var logGroup = overrides?.LogRetention is null && overrides?.LogGroup is null
            ? new LogGroup(scope, SiteIds.ServerLogGroup, new LogGroupProps { Retention = RetentionDays.ONE_MONTH })
            : null;
        var props = PropsMerge.Overlay(
            new FunctionProps
            {
                Code = Code.FromAsset(build.ServerDirectory!),
                Handler = ServerDefaults.Handler,
                Runtime = ServerDefaults.Node24,
                Architecture = Architecture.ARM_64,
                MemorySize = ServerDefaults.MemorySize,
                Timeout = ServerDefaults.Timeout,
                LogGroup = logGroup,
            },
            overrides);
        FunctionLimits.Validate(props, PropName, originReadTimeout, limitAllowed: false, "CloudFront's origin read timeout (AstroAwsCdkProps.LambdaFunctionOrigin.ReadTimeout), or viewers get a bare 504 while the function still runs");
        return (new Function(scope, SiteIds.ServerFunction, props), logGroup);
    }

    public static EdgeFunction CreateEdge(Construct scope, AstroBuild build, AstroAwsFunctionOptions? overrides)
    {
        if (Token.IsUnresolved(Stack.Of(scope).Region))
        {
            throw new ArgumentException(
                "AstroAwsProps: the build is in edge mode, which deploys Lambda@Edge to us-east-1, but the stack has no explicit region. "
                + "Give the stack `Env = new Amazon.CDK.Environment { Account = ..., Region = ... }`, or build the site in ssr mode.",
                "props");
        }

        if (overrides?.Environment is { Count: > 0 } environment)
        {
            throw new ArgumentException(
                $"{PropName}.Environment: received {environment.Count} variable(s) ({string.Join(", ", environment.Keys)}), but Lambda@Edge has no environment variables. "
                + "Read configuration at build time (import.meta.env in Astro), or build the site in ssr mode.",
                $"{PropName}.Environment");
        }

        if (overrides?.Architecture is { } architecture && architecture.Name != Architecture.X86_64.Name)
        {
            throw new ArgumentException(
                $"{PropName}.Architecture: received {architecture.Name}, but Lambda@Edge runs only x86_64. Leave Architecture unset in edge mode.",
                $"{PropName}.Architecture");
        }

        var props = PropsMerge.Overlay(
            new EdgeFunctionProps
            {
                Code = Code.FromAsset(build.ServerDirectory!),
                Handler = ServerDefaults.Handler,
                // Lambda@Edge's list of Node.js runtimes lags Lambda's, so edge mode stays on 22 (not a 2.160 constant either).
                Runtime = new Runtime("nodejs22.x", RuntimeFamily.NODEJS),
                Architecture = Architecture.X86_64,
                MemorySize = ServerDefaults.MemorySize,
                Timeout = ServerDefaults.Timeout,
            },
            overrides);
        FunctionLimits.Validate(props, PropName, EdgeTimeoutLimit, limitAllowed: true, "Lambda@Edge's limit for origin-request functions");
        return new EdgeFunction(scope, SiteIds.EdgeFunction, props);
    }
}
