namespace Astro.Aws;

/// <summary>
/// JavaScript of yours for the site's CloudFront Functions (runtime <c>cloudfront-js-2.0</c>):
/// <see cref="AstroAwsProps.ViewerRequest"/> declares <c>function viewerRequest(event)</c>, and
/// <see cref="AstroAwsProps.ViewerResponse"/> declares <c>function viewerResponse(event)</c>; either may be <c>async</c>.
/// The code is read once, when the site is synthesized, and checked there: the declaration, the syntax (parsed by
/// Node) and CloudFront's 10 KB limit for the function it ends up in. See <c>docs/viewer-code.md</c>.
/// </summary>
public sealed class ViewerCode
{
    private ViewerCode(string code, string source)
    {
        Code = code;
        Source = source;
    }

    /// <summary>The JavaScript.</summary>
    public string Code { get; }

    /// <summary>Where it came from, for messages: <c>inline code</c> or the file's full path.</summary>
    public string Source { get; }

    /// <summary>Code given as a string.</summary>
    /// <param name="code">JavaScript that declares the hook function.</param>
    public static ViewerCode FromInline(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new ViewerCode(code, "inline code");
    }

    /// <summary>Code read from a file; a relative path resolves against the current directory, where <c>cdk synth</c> runs.</summary>
    /// <param name="path">A <c>.js</c> file that declares the hook function.</param>
    public static ViewerCode FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ArgumentException(
                $"ViewerCode.FromFile: received '{path}', but there is no file at {full}. A relative path resolves against the current directory ({Directory.GetCurrentDirectory()}), where `cdk synth` runs: give a path from there, or a full one.",
                nameof(path));
        }

        return new ViewerCode(File.ReadAllText(full), full);
    }
}
