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
        var feed = new LocalFeed(root);
        var package = feed.Pack("AstroAws");
        File.Exists(Path.ChangeExtension(package, ".snupkg")).Should().BeTrue("symbols ship beside the package");
        var version = feed.Version;
        LocalFeed.Entries(package).Should().Contain(["lib/net10.0/AstroAws.dll", "lib/net10.0/AstroAws.xml", "PACKAGE.md"]);

        // SourceLink (built into the .NET SDK) records the commit the package was built from; the repository URL
        // comes from the clone's `origin` remote, so a package built from a published clone links to its sources.
        var head = Command.Run(TestPaths.RepoRoot, "git", "rev-parse", "HEAD").Trim();
        LocalFeed.Read(package, "AstroAws.nuspec").Should().Contain($"commit=\"{head}\"");

        var app = Path.Combine(root, "app");
        feed.AddTo(app);
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
        Command.Run(app, "dotnet", "run", "--", TestPaths.Fixture("ssr"), outdir);

        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(outdir, "PackagedSite.template.json")))!["Resources"]!.AsObject();
        template.Select(r => (string)r.Value!["Type"]!).Should().Contain(["AWS::CloudFront::Distribution", "AWS::Lambda::Url", "AWS::S3::Bucket"]);
        RulesCheck.PassesAssembly(outdir);
    }
}
