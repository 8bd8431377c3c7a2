using System.Diagnostics;
using FluentAssertions;

namespace Astro.Aws.Tests.Support;

/// <summary>Runs a command line as a user would type it and returns its output; fails the test, with the output, when it fails.</summary>
internal static class Command
{
    public static string Run(string workingDirectory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"`{file} {string.Join(' ', arguments)}` in {workingDirectory} failed:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }
}
