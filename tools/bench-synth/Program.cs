using Amazon.CDK;
using Astro.Aws;

// dotnet BenchSynth.dll <astro dist folder> <cdk.out folder>
// One AstroAws site in one stack, synthesized once: what scripts/bench-synth.sh times against the TypeScript original
// (scripts/bench/ts/app.mjs does the same with @astro-aws/constructs). A fixed account and region keep the synth free of
// environment lookups, so the two sides do the same work.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: BenchSynth <astro dist folder> <cdk.out folder>");
    return 2;
}

var app = new App(new AppProps { Outdir = args[1] });
var stack = new Stack(app, "Bench", new StackProps
{
    Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "eu-west-1" },
});
_ = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = args[0] });
app.Synth();
return 0;
