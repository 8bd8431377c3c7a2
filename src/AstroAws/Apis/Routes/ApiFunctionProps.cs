namespace Astro.Aws;

/// <summary>
/// Props for a function an API creates from a handler: every <see cref="Amazon.CDK.AWS.Lambda.FunctionOptions"/>
/// member and <see cref="AstroAwsFunctionOptions.Runtime"/>, plus the handler and where its code is.
/// </summary>
/// <remarks>Our defaults for API functions: arm64, 1024 MB, a 10 second timeout, Node.js 24 (.NET 8 for a .NET handler).</remarks>
public class ApiFunctionProps : AstroAwsFunctionOptions
{
    /// <summary>The handler string (see <see cref="ApiRoute"/>).</summary>
    /// <value>Default: the route's handler string.</value>
    public string? Handler { get; init; }

    /// <summary>The folder handler paths resolve against (Node.js), or the published output (.NET).</summary>
    /// <value>Default: the current directory, where <c>cdk synth</c> runs; required for .NET handlers.</value>
    public string? CodeRoot { get; init; }
}
