using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Astro.Aws.Preview.Origins;

/// <summary>
/// Native packages of a layer built for the function's CPU (sharp's <c>@img/sharp-linux-arm64</c> on an arm64
/// function) do not load on a machine of another CPU. Lambda would run them; the preview puts the same versions built
/// for this machine first on <c>NODE_PATH</c>, so the code behaves as in Lambda, and says so.
/// </summary>
internal static class HostNativePackages
{
    private static readonly string[] Prefixes = ["sharp-libvips-linux-", "sharp-linux-"];

    /// <summary>A <c>node_modules</c> folder with this machine's builds of the layers' foreign native packages, or null when there are none.</summary>
    public static string? For(IEnumerable<string> nodeModulesFolders, List<string> notes, string functionId)
    {
        var host = RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "x64";
        var wanted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in nodeModulesFolders.Select(f => Path.Combine(f, "@img")).Where(Directory.Exists))
        {
            foreach (var package in Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>())
            {
                var prefix = Prefixes.FirstOrDefault(p => package.StartsWith(p, StringComparison.Ordinal));
                var cpu = prefix is null ? null : package[prefix.Length..];
                if (cpu is null || cpu == host || cpu.Contains("musl", StringComparison.Ordinal))
                {
                    continue;
                }

                var version = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, package, "package.json")))?["version"];
                wanted.Add($"@img/{prefix}{host}@{version}");
            }
        }

        if (wanted.Count == 0)
        {
            return null;
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', wanted))))[..16].ToLowerInvariant();
        var root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "astro-aws", "preview-native", key);
        var modules = Path.Combine(root, "node_modules");
        if (!Directory.Exists(modules))
        {
            Install(root, host, wanted);
        }

        notes.Add($"{functionId}: its layer's native packages are built for another CPU; the preview loads {string.Join(", ", wanted)} (this machine's builds of the same versions) from {modules}, as Lambda would load the layer's own.");
        return modules;
    }

    private static void Install(string root, string cpu, IEnumerable<string> packages)
    {
        var staging = root + "-partial-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        var start = new ProcessStartInfo("npm", ["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--prefix", staging, "--os=linux", $"--cpu={cpu}", "--libc=glibc", .. packages])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(start) ?? throw new Assembly.PreviewException("npm could not be started, so the layer's native packages cannot be loaded here.");
        var error = npm.StandardError.ReadToEndAsync();
        _ = npm.StandardOutput.ReadToEnd();
        npm.WaitForExit();
        if (npm.ExitCode != 0)
        {
            Directory.Delete(staging, recursive: true);
            throw new Assembly.PreviewException($"npm could not install {string.Join(", ", packages)} for this machine ({npm.ExitCode}): {error.Result.Trim()}");
        }

        Directory.Move(staging, root);
    }
}
