using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace Astro.Aws.Tests.Support;

/// <summary>Builds a stack holding one <see cref="AstroAws"/> and reads back what CloudFormation would receive.</summary>
internal static class SiteStacks
{
    public static readonly Amazon.CDK.Environment Env = new() { Account = "123456789012", Region = "eu-west-1" };

    // Every App synthesizes into its own folder with a copy of each asset (the bucket deployment's AWS CLI layer alone
    // is ~15 MB), so a full run would write gigabytes. Tests run one at a time and make a few apps each: keeping the
    // newest folders and deleting older ones bounds the disk a run needs.
    private const int KeptOutputs = 16;
    private static readonly Queue<string> Outputs = new();

    /// <summary>A stack with the site built from a fixture mode (ssr, ssr-stream, edge, static).</summary>
    public static (Stack Stack, AstroAws Site) ForFixture(string mode, Func<AstroAwsProps, AstroAwsProps>? customise = null, Func<Stack, AstroAwsProps>? build = null)
    {
        var stack = NewStack();
        var props = build?.Invoke(stack) ?? new AstroAwsProps { OutDir = TestPaths.Fixture(mode) };
        props = customise?.Invoke(props) ?? props;
        return (stack, new AstroAws(stack, "Site", props));
    }

    public static Stack NewStack(Amazon.CDK.Environment? env = null)
    {
        var app = new App(new AppProps { Outdir = NextOutput() });
        return new Stack(app, "TestStack", new StackProps { Env = env ?? Env });
    }

    private static string NextOutput()
    {
        while (Outputs.Count >= KeptOutputs)
        {
            var oldest = Outputs.Dequeue();
            if (Directory.Exists(oldest))
            {
                Directory.Delete(oldest, recursive: true);
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), "astroaws-tests", Guid.NewGuid().ToString("N"));
        Outputs.Enqueue(folder);
        return folder;
    }

    /// <summary>The template, for assertions; every template of the app must pass the AWS rules.</summary>
    public static Template Template(Stack stack)
    {
        var template = Amazon.CDK.Assertions.Template.FromStack(stack);
        RulesCheck.Passes(stack);
        return template;
    }

    /// <summary>The template as JSON nodes, for the routing model and snapshots; every template of the app must pass the AWS rules.</summary>
    public static JsonObject Json(Stack stack) => Synthesized(stack).Template;

    /// <summary>The routing model of the stack's distribution, with the staged assets (the route store's import) at hand.</summary>
    public static CloudFrontModel Model(Stack stack)
    {
        var (template, directory) = Synthesized(stack);
        return new CloudFrontModel(template, directory);
    }

    private static (JsonObject Template, string Directory) Synthesized(Stack stack)
    {
        var assembly = ((App)stack.Node.Root).Synth();
        RulesCheck.PassesAssembly(assembly.Directory);
        var file = Path.Combine(assembly.Directory, stack.TemplateFile);
        return ((JsonObject)JsonNode.Parse(File.ReadAllText(file))!, assembly.Directory);
    }
}
