using Amazon.CDK;
using Astro.Aws.Sample;
using Constructs;
using FluentAssertions;

namespace Astro.Aws.Tests.Support;

/// <summary>Builds every <see cref="Stack"/> class of the sample project into a fresh app, so a stack added there is covered without editing a test.</summary>
internal static class SampleApp
{
    public static List<Type> StackTypes() =>
        [.. typeof(AstroSiteStack).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Stack)) && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>Synthesizes every sample stack into <paramref name="outdir"/> and returns the cloud assembly's folder.</summary>
    public static string Synth(string outdir, string region = "eu-west-1")
    {
        var dist = Path.Combine(TestPaths.SampleSite, "dist");
        File.Exists(Path.Combine(dist, "metadata.json")).Should().BeTrue($"the sample must be built first: run scripts/build-sample.sh ({dist} is missing or incomplete)");
        var app = new App(new AppProps { Outdir = outdir });
        var env = new Amazon.CDK.Environment { Account = "123456789012", Region = region };

        // The sample's paths (SamplePaths, WebSocketStack.ApiCodeRoot, the routes folder) are relative to the repository
        // root, where `cdk synth` runs; the test runner's current directory is the test binary's folder. The constructs
        // turn every path into a full path on the .NET side while the stacks are built, so the current directory only
        // matters during construction: it is set for that and restored in finally. Tests run one at a time
        // (xunit.runner.json), so no other test sees it.
        var before = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(TestPaths.RepoRoot);
        try
        {
            foreach (var type in StackTypes())
            {
                var constructor = type.GetConstructors().Single();
                var parameters = constructor.GetParameters();
                parameters.Take(3).Select(p => p.ParameterType).Should().Equal([typeof(Construct), typeof(string), typeof(IStackProps)], $"{type.Name} takes (scope, id, props) first");
                parameters.Skip(3).Where(p => !p.IsOptional).Should().BeEmpty($"{type.Name}'s other parameters must be optional so the sample's own defaults are used");
                constructor.Invoke([app, type.Name, new StackProps { Env = env }, .. parameters.Skip(3).Select(_ => Type.Missing)]);
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
        }

        return app.Synth().Directory;
    }
}
