using Amazon.CDK;
using Amazon.CDK.Assertions;
using Astro.Aws.Testing;

namespace MySite.Tests;

/// <summary>
/// The app's stack, synthesized once for all tests: its template and the CloudFront routing model.
/// The CDK runs in one Node process per test process, which is why xunit.runner.json runs tests one at a time.
/// </summary>
public sealed class SynthesizedSite
{
    public SynthesizedSite()
    {
        var root = Root = AppRoot();
        if (!Directory.Exists(Path.Combine(root, "site", "dist")))
        {
            throw new InvalidOperationException($"There is no site build in {Path.Combine(root, "site", "dist")}: run `npm run build` in {root} (`npm test` does it).");
        }

        var app = new App(new AppProps { Outdir = Path.Combine(Path.GetTempPath(), "SITE_STACK_NAME-tests-" + Guid.NewGuid().ToString("N")) });
        Stack = new SiteStack(app, "SITE_STACK_NAME", root, new StackProps
        {
            Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "us-east-1" },
        });
        Template = Template.FromStack(Stack);
        Routing = CloudFrontModel.For(Stack);
    }

    /// <summary>The folder of cdk.json.</summary>
    public string Root { get; }

    public SiteStack Stack { get; }

    public Template Template { get; }

    public CloudFrontModel Routing { get; }

    // A test runs in its bin folder, not where `cdk synth` runs: find the folder of cdk.json above it.
    private static string AppRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "cdk.json")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No cdk.json above {AppContext.BaseDirectory}.");
    }
}
