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
    /// <summary>The Lambda runtime.</summary>
    /// <value>Default: Node.js 24 (<c>nodejs24.x</c>).</value>
    public Runtime? Runtime { get; init; }
}
