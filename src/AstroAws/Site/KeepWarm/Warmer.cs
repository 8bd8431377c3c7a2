using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace Astro.Aws.KeepWarm;

/// <summary>The warmer function of <see cref="AstroAwsProps.Warm"/>: its code (warmer.js, deployed inline) and settings.</summary>
internal static class Warmer
{
    public const string FileName = "warmer.js";

    /// <summary>
    /// The most instances the site keeps warm: Lambda's default concurrency quota for all functions of an account in a
    /// Region (rule lambda/concurrency). More could never be held at once by default, and that many would be better
    /// served by provisioned concurrency, which keeps environments initialized without invocations.
    /// </summary>
    public const int MaxInstances = 1000;

    /// <summary>Every 5 minutes, as SST does: well above EventBridge's 1 minute minimum (rule events/schedule-rate).</summary>
    public static Duration Interval => Duration.Minutes(5);

    /// <summary>The code, shipped inside this assembly.</summary>
    public static string Code { get; } = EmbeddedCode.Read(FileName);

    /// <summary>Everything but the environment, which names the server function (a reference the renderer fills in).</summary>
    public static FunctionProps Props => new()
    {
        Code = Amazon.CDK.AWS.Lambda.Code.FromInline(Code),
        Handler = "index.handler",
        // CDK refuses inline code for a runtime it does not know takes it; CloudFormation's Code.ZipFile takes Node.js code.
        Runtime = new Runtime(Parts.ServerDefaults.Node24.Name, RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true }),
        Architecture = Architecture.ARM_64,
        // It only waits on n network calls.
        MemorySize = 128,
        // Covers cold starts of all n server instances (Lambda's init phase is limited to 10 s) and the hold.
        Timeout = Duration.Minutes(1),
        Description = "AstroAws: keeps the site's server function warm (AstroAwsProps.Warm)",
    };
}
