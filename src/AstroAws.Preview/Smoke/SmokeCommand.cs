using System.Globalization;
using System.Text.Json;

namespace Astro.Aws.Preview.Smoke;

/// <summary>The command line: <c>astroaws smoke URL [--json] [--insecure] [--timeout SECONDS]</c>.</summary>
public static class SmokeCommand
{
    public const string Usage = "usage: astroaws smoke <https://site/> [--json] [--insecure] [--timeout <seconds>]";

    /// <returns>0 when every request class met its expectation, 1 when one did not, 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Uri? url = null;
        var json = false;
        var insecure = false;
        var timeout = TimeSpan.FromSeconds(30);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--insecure":
                    insecure = true;
                    break;
                case "--timeout" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    timeout = TimeSpan.FromSeconds(seconds);
                    i++;
                    break;
                case var value when url is null && Uri.TryCreate(value, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http":
                    url = parsed;
                    break;
                default:
                    await error.WriteLineAsync($"astroaws smoke: unexpected argument '{args[i]}'.{Environment.NewLine}{Usage}").ConfigureAwait(false);
                    return 2;
            }
        }

        if (url is null)
        {
            await error.WriteLineAsync("astroaws smoke: the site's base URL (http:// or https://) is missing. " + Usage).ConfigureAwait(false);
            return 2;
        }

        using var run = new SmokeRun(url, insecure, timeout);
        var checks = await run.RunAsync(stop).ConfigureAwait(false);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { url = url.ToString(), ok = checks.All(c => c.Ok), checks }, new JsonSerializerOptions { WriteIndented = true })).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync($"astroaws smoke: {url}").ConfigureAwait(false);
            foreach (var check in checks)
            {
                var headers = string.Join("; ", check.Headers.Select(h => $"{h.Key}: {h.Value}"));
                await output.WriteLineAsync($"  {(check.Ok ? "ok  " : "FAIL")} {check.Class,-24} {check.Method,-4} {check.Path} -> {check.Status?.ToString(CultureInfo.InvariantCulture) ?? "-"}{(check.Problem is null ? "" : "  (" + check.Problem + "; expected " + check.Expected + ")")}").ConfigureAwait(false);
                if (headers.Length > 0)
                {
                    await output.WriteLineAsync($"       {headers}").ConfigureAwait(false);
                }
            }

            await output.WriteLineAsync($"{checks.Count(c => c.Ok)} of {checks.Count} request classes as expected").ConfigureAwait(false);
        }

        if (checks.Any(c => c.Problem?.StartsWith("request failed", StringComparison.Ordinal) == true && c.Problem.Contains("certificate", StringComparison.OrdinalIgnoreCase)) && !insecure)
        {
            await error.WriteLineAsync("astroaws smoke: the site's TLS certificate is not trusted; for the preview's self-signed one, add --insecure.").ConfigureAwait(false);
        }

        return checks.All(c => c.Ok) ? 0 : 1;
    }
}
