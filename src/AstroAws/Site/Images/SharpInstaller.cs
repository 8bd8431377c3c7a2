using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Astro.Aws.Images;

/// <summary>
/// Installs sharp for Lambda's Linux (glibc) and an architecture into a cached folder laid out as a Node.js layer
/// (<c>nodejs/node_modules</c>, rule lambda/layer-node-path), with npm's <c>--os</c>/<c>--cpu</c>/<c>--libc</c>, so a
/// machine of another platform (a Mac, x86_64 CI for an arm64 function) installs the right prebuilt binaries.
/// </summary>
internal static class SharpInstaller
{
    private const string PropName = "AstroAwsProps.Images";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The folder to make the layer from, installing it first unless the cache holds a complete one.</summary>
    /// <param name="version">An exact sharp version.</param>
    /// <param name="cpu">npm's name of the architecture: <c>arm64</c> or <c>x64</c>.</param>
    /// <param name="cacheRoot">Where installed folders are kept.</param>
    /// <param name="npm">The npm executable.</param>
    public static string LayerFolder(string version, string cpu, string cacheRoot, string npm)
    {
        // No dot in the folder's own name: CDK keeps what follows one as the staged asset's extension.
        var key = $"linux-{cpu}-glibc";
        var versionFolder = Path.Combine(cacheRoot, "sharp", version);
        var target = Path.Combine(versionFolder, key);
        if (Missing(target, version, cpu) is null)
        {
            return target;
        }

        Directory.CreateDirectory(versionFolder);

        // Installed beside the target and moved in whole, so a synth in another process never sees half a folder.
        var staging = Path.Combine(versionFolder, $"{key}-partial-{Guid.NewGuid():N}");
        try
        {
            Install(staging, version, cpu, npm);
            if (Missing(staging, version, cpu) is { } missing)
            {
                throw new ArgumentException(
                    $"{PropName}: `{npm} install sharp@{version} --os=linux --cpu={cpu} --libc=glibc` finished, but {missing}. "
                    + "npm 10.1 or later is needed to install another platform's packages (older npm ignores --os and --cpu), and the registry must serve "
                    + $"@img/sharp-linux-{cpu} and @img/sharp-libvips-linux-{cpu}. Upgrade npm, give a layer of yours (Images.Layer), or set Images = AstroAwsImages.None.",
                    PropName);
            }

            try
            {
                Directory.Move(staging, target);
            }
            catch (IOException) when (Missing(target, version, cpu) is null)
            {
                // Another synth finished the same install first; its folder is as good as ours.
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return Missing(target, version, cpu) is null
            ? target
            : throw new ArgumentException($"{PropName}: the installed sharp folder '{target}' is incomplete; delete it and synth again.", PropName);
    }

    /// <summary>The default cache: the XDG cache folder, as other build tools use it.</summary>
    public static string DefaultCacheRoot()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdg;
        return Path.Combine(root, "astro-aws");
    }

    /// <summary>What the folder lacks for a working sharp on that architecture, or null when it is complete.</summary>
    private static string? Missing(string folder, string version, string cpu)
    {
        var modules = Path.Combine(folder, "nodejs", "node_modules");
        var sharp = Path.Combine(modules, "sharp", "package.json");
        if (!File.Exists(sharp))
        {
            return "nodejs/node_modules/sharp is missing";
        }

        var installed = JsonNode.Parse(File.ReadAllText(sharp))?["version"]?.GetValue<string>();
        if (installed != version)
        {
            return $"nodejs/node_modules/sharp is version {installed ?? "(none)"}, not {version}";
        }

        foreach (var package in new[] { $"sharp-linux-{cpu}", $"sharp-libvips-linux-{cpu}" })
        {
            var manifest = Path.Combine(modules, "@img", package, "package.json");
            if (!File.Exists(manifest) || JsonNode.Parse(File.ReadAllText(manifest))?["cpu"] is not JsonArray cpus || !cpus.Any(c => c?.GetValue<string>() == cpu))
            {
                return $"@img/{package} (for cpu {cpu}) is missing";
            }
        }

        return null;
    }

    private static void Install(string staging, string version, string cpu, string npm)
    {
        var prefix = Path.Combine(staging, "nodejs");
        Directory.CreateDirectory(prefix);
        var start = new ProcessStartInfo(npm)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = staging,
        };

        // --ignore-scripts: the prebuilt packages need no install step, and sharp's own check would probe the build machine, not Lambda.
        foreach (var argument in new[] { "install", $"sharp@{version}", "--prefix", prefix, "--os=linux", $"--cpu={cpu}", "--libc=glibc", "--no-save", "--no-package-lock", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{npm} did not start");
        }
        catch (Win32Exception ex)
        {
            throw new ArgumentException(
                $"{PropName}: the build uses Astro's sharp image service, so the site installs sharp {version} for the server function with npm, but `{npm}` could not be started ({ex.Message}). "
                + "Install Node.js with npm 10.1 or later on the machine that runs `cdk synth` (or set Images.Npm to its path), give a layer of yours (Images.Layer), or set Images = AstroAwsImages.None.",
                PropName,
                ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(InstallTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new ArgumentException($"{PropName}: `{npm} install sharp@{version}` did not finish within {InstallTimeout.TotalMinutes} minutes; check the npm registry is reachable, or give a layer of yours (Images.Layer).", PropName);
            }

            if (process.ExitCode != 0)
            {
                var output = string.Join('\n', (stderr.Result + "\n" + stdout.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(15));
                throw new ArgumentException(
                    $"{PropName}: `{npm} install sharp@{version} --os=linux --cpu={cpu} --libc=glibc` failed with exit code {process.ExitCode}:\n{output}\n"
                    + "Check Images.SharpVersion is a sharp release the registry serves, and that the registry is reachable; or give a layer of yours (Images.Layer), or set Images = AstroAwsImages.None.",
                    PropName);
            }
        }
    }
}
