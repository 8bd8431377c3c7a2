using System.Diagnostics;
using Amazon.CDK;
using Astro.Aws;

// dotnet BenchSynth.dll <astro dist folder> <cdk.out folder> [--profile]
// One AstroAws site in one stack, synthesized once: what scripts/bench-synth.sh times against the TypeScript original
// (scripts/bench/ts/app.mjs does the same with @astro-aws/constructs). A fixed account and region keep the synth free of
// environment lookups, so the two sides do the same work. --profile prints where the time went, phase by phase, on
// stderr; reading the build there is extra work the plain run does not do (the construct reads it itself).
if (args.Length is < 2 or > 3 || (args.Length == 3 && args[2] != "--profile"))
{
    Console.Error.WriteLine("usage: BenchSynth <astro dist folder> <cdk.out folder> [--profile]");
    return 2;
}

var profile = args.Length == 3;
var clock = Stopwatch.StartNew();
void Phase(string name)
{
    if (profile)
    {
        Console.Error.WriteLine($"{name,-44} {clock.Elapsed.TotalSeconds,7:0.00} s");
    }

    clock.Restart();
}

if (profile)
{
    var build = AstroBuild.Read(null, args[0]);
    Phase($"read the build ({build.StaticFiles.Count} files)");

    // The floor, first so no cache of aws-cdk-lib's helps it: what CDK alone takes to fingerprint and stage the client
    // folder as one asset. The site's own deployments then reuse CDK's staging of the same folder.
    var probe = new Stack(new App(new AppProps { Outdir = args[1] + ".probe" }), "Probe");
    _ = new Amazon.CDK.AWS.S3.Assets.Asset(probe, "Client", new Amazon.CDK.AWS.S3.Assets.AssetProps { Path = Path.Combine(args[0], "client") });
    Phase("CDK alone: one Asset of client/");
}

var app = new App(new AppProps { Outdir = args[1] });
var stack = new Stack(app, "Bench", new StackProps
{
    Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" },
});
Phase("start jsii, App and Stack");
_ = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = args[0] });
Phase("new AstroAws (read, plan, render, asset hashes)");
app.Synth();
Phase("app.Synth() (templates)");
return 0;
