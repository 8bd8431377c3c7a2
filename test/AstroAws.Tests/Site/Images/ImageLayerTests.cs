using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Annotations = Amazon.CDK.Assertions.Annotations;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site.Images;

/// <summary>
/// The sharp layer of Astro's image service, asserted on the synthesized template and on the layer's staged contents
/// (npm's package manifests say which CPU each native package is for).
/// </summary>
public sealed class ImageLayerTests : IDisposable
{
    private readonly ScratchFolder scratch = new("astroaws-images");

    public static TheoryData<string> ServerModes => ["ssr", "ssr-stream"];

    public void Dispose() => scratch.Dispose();

    [Theory]
    [MemberData(nameof(ServerModes))]
    public void A_server_build_with_the_sharp_service_gets_an_arm64_layer_on_its_function(string mode)
    {
        var (stack, site) = SiteStacks.ForFixture(mode);
        var template = SiteStacks.Template(stack);

        site.Build.UsesSharp.Should().BeTrue("the adapter configures astro/assets/services/sharp");
        var layerId = LayerId(template);
        var layer = Resources(template, "AWS::Lambda::LayerVersion")[layerId]!["Properties"]!;
        layer["CompatibleArchitectures"]!.AsArray().Select(a => (string)a!).Should().Equal("arm64");
        layer["CompatibleRuntimes"]!.AsArray().Select(a => (string)a!).Should().Equal("nodejs24.x");
        var function = ServerFunction(template);
        function["Architectures"]!.AsArray().Select(a => (string)a!).Should().Equal("arm64");
        function["Layers"]!.AsArray().Select(l => l!["Ref"]?.GetValue<string>()).Should().Equal(layerId);
        site.ImageLayer.Should().BeOfType<LayerVersion>();
        NativePackageCpus(stack, layerId).Should().Equal(new Dictionary<string, string>
        {
            ["sharp-libvips-linux-arm64"] = "arm64",
            ["sharp-linux-arm64"] = "arm64",
        });
    }

    [Fact]
    public void An_x86_64_function_gets_an_x86_64_layer()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = p.OutDir, Cdk = new AstroAwsCdkProps { LambdaFunction = new AstroAwsFunctionOptions { Architecture = Architecture.X86_64 } } });
        var template = SiteStacks.Template(stack);

        Resources(template, "AWS::Lambda::LayerVersion")[LayerId(template)]!["Properties"]!["CompatibleArchitectures"]!.AsArray().Select(a => (string)a!).Should().Equal("x86_64");
        ServerFunction(template)["Architectures"]!.AsArray().Select(a => (string)a!).Should().Equal("x86_64");
        NativePackageCpus(stack, LayerId(template)).Should().Equal(new Dictionary<string, string>
        {
            ["sharp-libvips-linux-x64"] = "x64",
            ["sharp-linux-x64"] = "x64",
        });
    }

    [Fact]
    public void None_opts_out()
    {
        var (stack, site) = SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = p.OutDir, Images = AstroAwsImages.None });
        var template = SiteStacks.Template(stack);

        OurLayers(template).Should().BeEmpty();
        ServerFunction(template).ContainsKey("Layers").Should().BeFalse();
        site.ImageLayer.Should().BeNull();
    }

    [Fact]
    public void A_build_with_another_image_service_gets_no_layer()
    {
        var dist = scratch.CopyFixture("ssr");
        MetadataEdits.SetAt(dist, "astro/assets/services/noop", "config", "image", "service", "entrypoint");

        var (stack, site) = SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = dist });
        var template = SiteStacks.Template(stack);

        site.Build.UsesSharp.Should().BeFalse();
        OurLayers(template).Should().BeEmpty();
        ServerFunction(template).ContainsKey("Layers").Should().BeFalse();
    }

    [Fact]
    public void Static_builds_get_no_layer()
    {
        var (stack, site) = SiteStacks.ForFixture("static");

        OurLayers(SiteStacks.Template(stack)).Should().BeEmpty();
        site.Build.UsesSharp.Should().BeFalse();
        site.ImageLayer.Should().BeNull();
    }

    [Fact]
    public void Edge_mode_gets_no_layer_and_a_warning_unless_acknowledged()
    {
        var (stack, site) = SiteStacks.ForFixture("edge");
        var (quiet, _) = SiteStacks.ForFixture("edge", p => new AstroAwsProps { OutDir = p.OutDir, Images = AstroAwsImages.None });

        OurLayers(SiteStacks.Template(stack)).Should().BeEmpty();
        var edgeTemplate = SiteStacks.Template(Stack.Of(site.EdgeFunction!.Lambda));
        edgeTemplate.ResourceCountIs("AWS::Lambda::LayerVersion", 0);
        edgeTemplate.FindResources("AWS::Lambda::Function").Values.Should().OnlyContain(f => !f.ToString()!.Contains("Layers"));
        site.ImageLayer.Should().BeNull();
        Annotations.FromStack(stack).HasWarning("/TestStack/Site", Match.StringLikeRegexp("Lambda@Edge takes no layers.*/_image answers 500"));
        SiteStacks.Template(quiet);
        Annotations.FromStack(quiet).FindWarning("/TestStack/Site", Match.StringLikeRegexp("Lambda@Edge takes no layers")).Should().BeEmpty();
    }

    [Fact]
    public void A_layer_of_yours_is_used_instead_and_nothing_is_installed()
    {
        const string arn = "arn:aws:lambda:eu-west-1:123456789012:layer:my-sharp:3";
        var (stack, site) = SiteStacks.ForFixture("ssr", build: s => new AstroAwsProps
        {
            OutDir = TestPaths.Fixture("ssr"),

            // An npm that cannot run proves no install is attempted.
            Images = new AstroAwsImages { Layer = LayerVersion.FromLayerVersionArn(s, "Sharp", arn), Npm = "/nonexistent/npm", CacheDirectory = scratch.Combine("empty-cache") },
        });
        var template = SiteStacks.Template(stack);

        OurLayers(template).Should().BeEmpty();
        ServerFunction(template)["Layers"]!.AsArray().Select(l => (string)l!).Should().Equal(arn);
        site.ImageLayer!.LayerVersionArn.Should().Be(arn);
    }

    [Fact]
    public void Your_function_layers_come_after_the_sharp_layer()
    {
        const string arn = "arn:aws:lambda:eu-west-1:123456789012:layer:other:1";
        var (stack, _) = SiteStacks.ForFixture("ssr", build: s => new AstroAwsProps
        {
            OutDir = TestPaths.Fixture("ssr"),
            Cdk = new AstroAwsCdkProps { LambdaFunction = new AstroAwsFunctionOptions { Layers = [LayerVersion.FromLayerVersionArn(s, "Other", arn)] } },
        });
        var template = SiteStacks.Template(stack);

        var layers = ServerFunction(template)["Layers"]!.AsArray();
        layers.Should().HaveCount(2);
        layers[0]!["Ref"]!.GetValue<string>().Should().Be(LayerId(template));
        ((string)layers[1]!).Should().Be(arn);
    }

    [Fact]
    public void A_sixth_layer_is_refused()
    {
        Refusal.Expect(
            () => SiteStacks.ForFixture("ssr", build: s => new AstroAwsProps
            {
                OutDir = TestPaths.Fixture("ssr"),
                Cdk = new AstroAwsCdkProps
                {
                    LambdaFunction = new AstroAwsFunctionOptions
                    {
                        Layers = [.. Enumerable.Range(1, 5).Select(i => LayerVersion.FromLayerVersionArn(s, $"L{i}", $"arn:aws:lambda:eu-west-1:123456789012:layer:l{i}:1"))],
                    },
                },
            }),
            "AstroAwsCdkProps.LambdaFunction.Layers",
            "received 5 layers",
            "over Lambda's 5 per function",
            "AstroAwsImages.None").ParamName.Should().Be("AstroAwsCdkProps.LambdaFunction.Layers");
    }

    [Theory]
    [InlineData("^0.35.5")]
    [InlineData("latest")]
    [InlineData("0.35")]
    public void A_version_range_is_refused(string version)
    {
        Refusal.Expect(
            () => SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = p.OutDir, Images = new AstroAwsImages { SharpVersion = version } }),
            "AstroAwsProps.Images.SharpVersion",
            $"received '{version}'",
            "exact version").ParamName.Should().Be("AstroAwsProps.Images.SharpVersion");
    }

    [Fact]
    public void A_missing_npm_is_a_clear_synth_error()
    {
        Refusal.Expect(
            () => SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = p.OutDir, Images = new AstroAwsImages { Npm = "/nonexistent/npm", CacheDirectory = scratch.Combine("cache") } }),
            "AstroAwsProps.Images",
            "`/nonexistent/npm` could not be started",
            "npm 10.1 or later",
            "AstroAwsImages.None").ParamName.Should().Be("AstroAwsProps.Images");
        Directory.EnumerateFiles(scratch.Combine("cache"), "*", SearchOption.AllDirectories).Should().BeEmpty("a failed install leaves no partial folder behind");
    }

    [Fact]
    public void A_failed_install_says_what_npm_said()
    {
        Refusal.Expect(
            () => SiteStacks.ForFixture("ssr", p => new AstroAwsProps { OutDir = p.OutDir, Images = new AstroAwsImages { SharpVersion = "0.0.1-no-such-release", CacheDirectory = scratch.Combine("cache") } }),
            "AstroAwsProps.Images",
            "install sharp@0.0.1-no-such-release --os=linux --cpu=arm64 --libc=glibc` failed",
            "Images.SharpVersion");
        Directory.EnumerateFiles(scratch.Combine("cache"), "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public void A_layer_where_the_server_takes_none_is_refused()
    {
        const string arn = "arn:aws:lambda:us-east-1:123456789012:layer:my-sharp:3";
        foreach (var mode in new[] { "edge", "static" })
        {
            Refusal.Expect(
                () => SiteStacks.ForFixture(mode, build: s => new AstroAwsProps { OutDir = TestPaths.Fixture(mode), Images = new AstroAwsImages { Layer = LayerVersion.FromLayerVersionArn(s, "Sharp", arn) } }),
                "AstroAwsProps.Images.Layer",
                "received a layer",
                mode == "edge" ? "Lambda@Edge, which takes no layers" : "a static build has no server").ParamName.Should().Be("AstroAwsProps.Images.Layer");
        }
    }

    // The bucket deployments bring CDK's AWS CLI layer; the site's own layer is the one under its ID.
    private static List<string> OurLayers(Template template) =>
        [.. Resources(template, "AWS::Lambda::LayerVersion").Select(r => r.Key).Where(id => id.StartsWith("SiteImageLayer", StringComparison.Ordinal))];

    private static string LayerId(Template template) => OurLayers(template).Single();

    private static JsonObject Resources(Template template, string type) =>
        JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(template.FindResources(type)))!.AsObject();

    private static JsonObject ServerFunction(Template template) =>
        Resources(template, "AWS::Lambda::Function").Single(f => f.Key.StartsWith("SiteServerFunction", StringComparison.Ordinal)).Value!["Properties"]!.AsObject();

    /// <summary>The <c>cpu</c> of each native <c>@img/*</c> package in the layer as it was staged for upload.</summary>
    private static Dictionary<string, string> NativePackageCpus(Stack stack, string layerId)
    {
        var assembly = ((App)stack.Node.Root).Synth();
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(assembly.Directory, $"{stack.StackName}.template.json")))!;
        var key = template["Resources"]![layerId]!["Properties"]!["Content"]!["S3Key"]!.GetValue<string>();
        var img = Path.Combine(assembly.Directory, "asset." + Path.GetFileNameWithoutExtension(key), "nodejs", "node_modules", "@img");
        return Directory.EnumerateDirectories(img)
            .Select(dir => (Name: Path.GetFileName(dir), Manifest: JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "package.json")))!))
            .Where(p => p.Manifest["cpu"] is JsonArray)
            .ToDictionary(p => p.Name, p => string.Join(",", p.Manifest["cpu"]!.AsArray().Select(c => (string)c!)));
    }
}
