using Amazon.CDK.AWS.Lambda;

namespace Astro.Aws;

/// <summary>
/// Overrides for the server function: every <see cref="FunctionOptions"/> member plus <see cref="Runtime"/>, i.e.
/// everything of <see cref="FunctionProps"/> but <c>Code</c> and <c>Handler</c>, which come from the build.
/// A property you set wins; every other keeps our default.
/// </summary>
/// <remarks>
/// Our defaults: <see cref="Architecture.ARM_64"/> (x86_64 in edge mode, as Lambda@Edge requires), 1024 MB, Node.js 24,
/// a 25 second timeout (below the 30 second origin read timeout; 25 seconds is also within Lambda@Edge's 30 second
/// limit), and a log group kept for one month (none if you set <c>LogRetention</c>, which CDK refuses together with a log group).
/// </remarks>
public class AstroAwsFunctionOptions : FunctionOptions
{
    // The members below hide CDK's FunctionOptions members whose default differs here, so the docs a caller sees give
    // our default rather than CDK's. Each reads and writes CDK's own member, so a value set through either is the same.

    /// <summary>The instruction set the function runs on.</summary>
    /// <value>Default: <see cref="Architecture.ARM_64"/> (about 20% cheaper per GB-second than x86_64); <see cref="Architecture.X86_64"/> in edge mode, the only one Lambda@Edge runs. CDK's default is x86_64.</value>
    public new Architecture? Architecture { get => base.Architecture; set => base.Architecture = value; }

    /// <summary>The memory, in MB, which also sets the function's share of CPU.</summary>
    /// <value>Default: 1024 (server rendering is CPU-bound). CDK's default is 128.</value>
    public new double? MemorySize { get => base.MemorySize; set => base.MemorySize = value; }

    /// <summary>How long one render may run before Lambda stops it.</summary>
    /// <value>Default: 25 seconds, below CloudFront's 30 second origin read timeout (and within Lambda@Edge's 30 seconds), so a slow render ends in the function's log rather than as a bare 504. CDK's default is 3 seconds.</value>
    public new Amazon.CDK.Duration? Timeout { get => base.Timeout; set => base.Timeout = value; }

    /// <summary>The log group the function writes to.</summary>
    /// <value>Default: a log group of the site's (<c>ServerLogGroup</c>) kept for one month; none when you set <see cref="LogRetention"/>. CDK's default is Lambda's own <c>/aws/lambda/{name}</c>, kept forever.</value>
    public new Amazon.CDK.AWS.Logs.ILogGroup? LogGroup { get => base.LogGroup; set => base.LogGroup = value; }

    /// <summary>How long CDK's log retention mechanism keeps the function's default log group.</summary>
    /// <value>Default: unset, because the site's own log group keeps logs for one month; setting it removes that log group (CDK refuses both together).</value>
    public new Amazon.CDK.AWS.Logs.RetentionDays? LogRetention { get => base.LogRetention; set => base.LogRetention = value; }

    /// <summary>The Lambda runtime.</summary>
    /// <value>Default: Node.js 24 (<c>nodejs24.x</c>).</value>
    public Runtime? Runtime { get; init; }
}
