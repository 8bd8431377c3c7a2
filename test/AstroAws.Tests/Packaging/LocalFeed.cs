using System.IO.Compression;
using FluentAssertions;
using Astro.Aws.Tests.Support;

namespace Astro.Aws.Tests.Packaging;

/// <summary>
/// A folder feed outside the repository, holding this repository's packages packed as a user gets them. Every
/// feed has its own version suffix, so NuGet's cache never hands back an older build of the same version.
/// </summary>
internal sealed class LocalFeed
{
    public LocalFeed(string root)
    {
        Folder = Path.Combine(root, "feed");
        Suffix = "packagetest." + Guid.NewGuid().ToString("N")[..8];
    }

    public string Folder { get; }

    public string Suffix { get; }

    /// <summary>The version every package of this feed has.</summary>
    public string Version => $"{ProjectVersion()}-{Suffix}";

    /// <summary>Packs src/<paramref name="project"/> into the feed and returns the .nupkg's path.</summary>
    public string Pack(string project)
    {
        Command.Run(TestPaths.RepoRoot, "dotnet", "pack", Path.Combine(TestPaths.RepoRoot, "src", project), "-c", "Release", "-o", Folder, $"-p:VersionSuffix={Suffix}");
        var package = Path.Combine(Folder, $"{project}.{Version}.nupkg");
        File.Exists(package).Should().BeTrue($"`dotnet pack` writes {package}");
        return package;
    }

    /// <summary>The paths of the files in <paramref name="package"/>.</summary>
    public static IReadOnlyList<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    /// <summary>The text of <paramref name="entry"/> in <paramref name="package"/>.</summary>
    public static string Read(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Writes a nuget.config into <paramref name="folder"/> that adds this feed to the machine's sources.</summary>
    public void AddTo(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{Folder}" />
              </packageSources>
            </configuration>
            """);
    }

    private static string ProjectVersion()
    {
        var props = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "Directory.Build.props"));
        return System.Text.RegularExpressions.Regex.Match(props, "<VersionPrefix>([^<]+)</VersionPrefix>").Groups[1].Value;
    }
}
