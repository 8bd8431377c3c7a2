using System.Text;
using System.Text.RegularExpressions;

namespace Astro.Aws.Routing;

/// <summary>A caller's viewer code, checked: it declares its hook function and parses.</summary>
/// <param name="Code">The JavaScript.</param>
/// <param name="IsAsync">The hook is an <c>async function</c>, so the handler awaits it.</param>
/// <param name="PropName">The prop it came from, for messages.</param>
internal sealed record ViewerHook(string Code, bool IsAsync, string PropName);

/// <summary>
/// Checks <see cref="AstroAwsProps.ViewerRequest"/> and <see cref="AstroAwsProps.ViewerResponse"/>, and writes the
/// viewer-response function around the latter. The viewer-request hook goes into the request function
/// (<see cref="RequestFunctionCode"/>), because CloudFront runs one function per event on a behavior.
/// </summary>
internal static partial class ViewerHooks
{
    public const string RequestHookName = "viewerRequest";
    public const string ResponseHookName = "viewerResponse";

    public static ViewerHook? Request(ViewerCode? code) => Check(code, "AstroAwsProps.ViewerRequest", RequestHookName);

    public static ViewerHook? Response(ViewerCode? code) => Check(code, "AstroAwsProps.ViewerResponse", ResponseHookName);

    /// <summary>The viewer-response function: the caller's code and a handler that returns what their hook returns.</summary>
    public static string ResponseFunctionCode(ViewerHook hook)
    {
        var code = new StringBuilder("import cf from 'cloudfront';").AppendLine().AppendLine(hook.Code);
        code.AppendLine(hook.IsAsync
            ? $"async function handler(event) {{ return await {ResponseHookName}(event); }}"
            : $"function handler(event) {{ return {ResponseHookName}(event); }}");
        return code.ToString();
    }

    /// <summary>Refuses a function that no longer parses once the caller's code is inside it (a name both declare).</summary>
    public static void RequireComposedParses(ViewerHook hook, string function, string what)
    {
        if (JavaScriptSyntax.Error(function) is { } error)
        {
            throw new ArgumentException(
                $"{hook.PropName}: the code parses on its own but not inside {what}: {error}. "
                + "Do not declare `handler` or import 'cloudfront' yourself: the site's code declares the handler and imports the module as `cf`, which your code may use.",
                hook.PropName);
        }
    }

    /// <summary>Refuses a function over CloudFront Functions' size limit, naming the caller's share of it.</summary>
    public static void RequireSize(ViewerHook hook, int functionBytes, string what)
    {
        if (functionBytes > RequestFunctionCode.MaxCodeBytes)
        {
            throw new ArgumentException(
                $"{hook.PropName}: received {Encoding.UTF8.GetByteCount(hook.Code)} bytes of code, which make {what} about {functionBytes} bytes, over CloudFront Functions' {RequestFunctionCode.MaxCodeBytes}-byte limit. "
                + "Shorten it (minify it, or move data such as allow-lists into a KeyValueStore), or do the work in the server.",
                hook.PropName);
        }
    }

    private static ViewerHook? Check(ViewerCode? code, string propName, string name)
    {
        if (code is null)
        {
            return null;
        }

        var declaration = Declaration().Matches(code.Code).FirstOrDefault(m => m.Groups["name"].Value == name);
        if (declaration is null)
        {
            throw new ArgumentException(
                $"{propName}: received {code.Source}, which declares no `function {name}(event)`. Declare it at the top level (`function {name}(event) {{ ... }}`, or `async function`): the site's handler calls it.",
                propName);
        }

        if (JavaScriptSyntax.Error(code.Code) is { } error)
        {
            throw new ArgumentException($"{propName}: received {code.Source}, which does not parse as JavaScript: {error}.", propName);
        }

        return new ViewerHook(code.Code, declaration.Groups["async"].Success, propName);
    }

    [GeneratedRegex(@"^[ \t]*(?<async>async[ \t]+)?function[ \t]+(?<name>[A-Za-z_$][\w$]*)[ \t]*\(", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}
