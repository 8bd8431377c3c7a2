using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront.Experimental;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Overrides;
using Astro.Aws.Parts;
using Constructs;

namespace Astro.Aws.Plan;

/// <summary>Plans the Lambda that renders server pages: a regional function behind a URL, or Lambda@Edge in edge mode.</summary>
internal static class ServerPlanner
{
    private const string PropName = "AstroAwsCdkProps.LambdaFunction";

    private static Duration EdgeTimeoutLimit => Duration.Seconds(30);

    /// <param name="build">The build, whose server folder is the code.</param>
    /// <param name="cdk">The caller's overrides.</param>
    /// <param name="protection">How the function URL is protected.</param>
    /// <param name="warm">The site is kept warm (<see cref="AstroAwsProps.Warm"/>): the handler is the warm-up entry in front of the adapter's.</param>
    public static RegionalServerPlan Regional(AstroBuild build, AstroAwsCdkProps cdk, FunctionUrlProtection protection, bool warm)
    {
        var overrides = cdk.LambdaFunction;
        var origin = PropsMerge.Overlay(new FunctionUrlOriginProps { ReadTimeout = ServerDefaults.OriginReadTimeout }, cdk.LambdaFunctionOrigin);

        // Ours only when the caller chose no logging of their own: a LogGroup of theirs replaces it, and CDK refuses
        // LogRetention (its retention mechanism on the function's default log group) together with any log group.
        var ourLogGroup = overrides?.LogRetention is null && overrides?.LogGroup is null;
        var function = PropsMerge.Overlay(
            new FunctionProps
            {
                // Without Warm the build's folder and the adapter's handler as they are, so existing sites do not change.
                Code = warm ? KeepWarm.ServerEntry.Asset(build.ServerDirectory!) : Code.FromAsset(build.ServerDirectory!),
                Handler = warm ? KeepWarm.ServerEntry.Handler(build.Mode) : ServerDefaults.Handler,
                Runtime = ServerDefaults.Node24,
                Architecture = Architecture.ARM_64,
                MemorySize = ServerDefaults.MemorySize,
                Timeout = ServerDefaults.Timeout,
            },
            overrides);
        FunctionLimits.Validate(function, PropName, origin.ReadTimeout ?? ServerDefaults.OriginReadTimeout, limitAllowed: false, "CloudFront's origin read timeout (AstroAwsCdkProps.LambdaFunctionOrigin.ReadTimeout), or viewers get a bare 504 while the function still runs");

        var isProtected = protection != FunctionUrlProtection.None;
        var authType = isProtected ? FunctionUrlAuthType.AWS_IAM : FunctionUrlAuthType.NONE;
        RefuseContradictingAuthType(cdk.LambdaFunctionUrl?.AuthType, authType, protection);
        var url = PropsMerge.Overlay(
            new FunctionUrlOptions
            {
                AuthType = authType,
                InvokeMode = build.Mode == AstroAwsMode.SsrStream ? InvokeMode.RESPONSE_STREAM : InvokeMode.BUFFERED,
            },
            cdk.LambdaFunctionUrl);
        return new RegionalServerPlan(function, ourLogGroup, url, origin, isProtected);
    }

    /// <summary>The body signer of <see cref="FunctionUrlProtection.OriginAccessControlWithEdgeSigning"/>.</summary>
    public static EdgeFunctionProps Signer(Construct site)
    {
        RequireRegion(site, "AstroAwsProps.FunctionUrlProtection: received OriginAccessControlWithEdgeSigning", "or use FunctionUrlProtection.OriginAccessControl", "AstroAwsProps.FunctionUrlProtection");
        return EdgeSigning.UrlSigner.Props;
    }

    // EdgeFunction puts a function outside us-east-1 in a support stack of that region, which needs the stack's own region to be known.
    private static void RequireRegion(Construct site, string what, string alternative, string propName)
    {
        if (Token.IsUnresolved(Stack.Of(site).Region))
        {
            throw new ArgumentException(
                $"{what}, which deploys Lambda@Edge to us-east-1, but the stack has no explicit region. "
                + $"Give the stack `Env = new Amazon.CDK.Environment {{ Account = ..., Region = ... }}`, {alternative}.",
                propName);
        }
    }

    public static EdgeFunctionProps Edge(Construct site, AstroBuild build, AstroAwsFunctionOptions? overrides)
    {
        RequireRegion(site, "AstroAwsProps: the build is in edge mode", "or build the site in ssr mode", "props");

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
        return props;
    }

    private static void RefuseContradictingAuthType(FunctionUrlAuthType? requested, FunctionUrlAuthType required, FunctionUrlProtection protection)
    {
        if (requested is { } authType && authType != required)
        {
            var fix = protection == FunctionUrlProtection.None
                ? "Remove AuthType: to protect the URL set AstroAwsProps.FunctionUrlProtection = FunctionUrlProtection.OriginAccessControl, which also makes CloudFront sign its requests (AWS_IAM alone would refuse them all)"
                : "Remove AuthType (OriginAccessControl sets AWS_IAM), or set AstroAwsProps.FunctionUrlProtection = FunctionUrlProtection.None for a public URL";
            throw new ArgumentException(
                $"AstroAwsCdkProps.LambdaFunctionUrl.AuthType: received {authType}, but AstroAwsProps.FunctionUrlProtection is {protection}, which needs {required}. {fix}.",
                "AstroAwsCdkProps.LambdaFunctionUrl.AuthType");
        }
    }
}
