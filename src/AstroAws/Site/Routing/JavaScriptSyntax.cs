using System.ComponentModel;
using System.Diagnostics;

namespace Astro.Aws.Routing;

/// <summary>
/// Parses JavaScript with Node (<c>node --check</c>, which parses a module without running or resolving it). The CDK
/// already needs Node to synthesize, so it is on the machine. Node accepts more than cloudfront-js-2.0 does, so this
/// catches syntax errors, not every feature CloudFront lacks.
/// </summary>
internal static class JavaScriptSyntax
{
    /// <summary>Node's message for the first syntax error, or null when <paramref name="module"/> parses.</summary>
    public static string? Error(string module)
    {
        var file = Path.Combine(Path.GetTempPath(), $"astroaws-check-{Guid.NewGuid():N}.mjs");
        File.WriteAllText(file, module);
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("JSII_NODE") ?? "node", ["--check", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : Describe(stderr.Result, file);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"AstroAws checks viewer code with Node, and could not start it ({e.Message}). Put `node` on the PATH, as the CDK itself needs.", e);
        }
        finally
        {
            File.Delete(file);
        }
    }

    // Node prints "<file>:<line>", the line, a caret, a blank line and "SyntaxError: ...": keep the line and the error.
    private static string Describe(string stderr, string file)
    {
        var lines = stderr.Replace(file, "code", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var where = lines.FirstOrDefault(line => line.StartsWith("code:", StringComparison.Ordinal)) ?? string.Empty;
        var error = lines.FirstOrDefault(line => line.Contains("Error:", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? "unknown error";
        return where.Length > 0 ? $"{error} (at {where.Replace("code:", "line ", StringComparison.Ordinal)})" : error;
    }
}
