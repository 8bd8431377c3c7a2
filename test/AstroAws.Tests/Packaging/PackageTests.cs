using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Packaging;

/// <summary>
/// The library as a user gets it: `dotnet pack` makes the .nupkg and .snupkg, and a throwaway CDK app outside the
/// repository (so none of our build settings reach it) installs the package from a local folder feed and synthesizes
/// a site. The version carries a unique suffix, so NuGet's cache never hands back an older build of the same version.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string root = Path.Combine("/tmp", "astroaws-package-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_cdk_app_outside_the_repository_installs_the_package_and_synthesizes_a_site()
    {
        var feed = Path.Combine(root, "feed");
        var suffix = "packagetest." + Guid.NewGuid().ToString("N")[..8];
        Run(TestPaths.RepoRoot, "dotnet", "pack", Path.Combine(TestPaths.RepoRoot, "src", "AstroAws"), "-c", "Release", "-o", feed, $"-p:VersionSuffix={suffix}");
        var package = Directory.GetFiles(feed, "AstroAws.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
        File.Exists(Path.ChangeExtension(package, ".snupkg")).Should().BeTrue("symbols ship beside the package");
        var version = Path.GetFileNameWithoutExtension(package)["AstroAws.".Length..];
        using (var zip = ZipFile.OpenRead(package))
        {
            zip.Entries.Select(e => e.FullName).Should().Contain(["lib/net10.0/AstroAws.dll", "lib/net10.0/AstroAws.xml", "PACKAGE.md"]);
        }

        var app = Path.Combine(root, "app");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "PackagedSite.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AstroAws" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using Amazon.CDK;
            using Astro.Aws;

            var app = new App(new AppProps { Outdir = args[1] });
            var stack = new Stack(app, "PackagedSite", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" } });
            _ = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = args[0] });
            app.Synth();
            """);

        var outdir = Path.Combine(root, "cdk.out");
        Run(app, "dotnet", "run", "--", TestPaths.Fixture("ssr"), outdir);

        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(outdir, "PackagedSite.template.json")))!["Resources"]!.AsObject();
        template.Select(r => (string)r.Value!["Type"]!).Should().Contain(["AWS::CloudFront::Distribution", "AWS::Lambda::Url", "AWS::S3::Bucket"]);
        RulesCheck.PassesAssembly(outdir);
    }

    private static void Run(string workingDirectory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"`{file} {string.Join(' ', arguments)}` in {workingDirectory} failed:\n{stdout.Result}\n{stderr.Result}");
    }
}
