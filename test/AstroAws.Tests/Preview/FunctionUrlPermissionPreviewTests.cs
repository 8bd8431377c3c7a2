using System.Net;
using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Preview;

/// <summary>
/// The preview evaluates the function's resource policy as Lambda does for a function URL (docs/aws-rules.md row
/// lambda/url-invoke-function): a NONE URL without lambda:InvokeFunction for principal * answers 403 before the function runs.
/// </summary>
public sealed class FunctionUrlPermissionPreviewTests : IDisposable
{
    private readonly ScratchFolder scratch = new("preview-permission");

    [Fact]
    public async Task A_public_url_without_the_invoke_function_permission_answers_403_forbidden()
    {
        var app = new App(new AppProps { Outdir = scratch.Combine("cdk.out") });
        var stack = new Stack(app, "NoInvokePermission", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "us-east-1" } });
        var site = new AstroAws(stack, "Site", new AstroAwsProps { WebsiteDir = TestPaths.SampleSite });
        var invoke = site.Node.FindAll().OfType<CfnPermission>().Single(p => p.Action == "lambda:InvokeFunction");
        invoke.Node.Scope!.Node.TryRemoveChild(invoke.Node.Id).Should().BeTrue();
        var assembly = app.Synth().Directory;

        await using var server = await PreviewServer.Start(assembly, "NoInvokePermission", scratch.Combine("trace.jsonl"));
        using var page = await server.Client.GetAsync("ssr");
        using var file = await server.Client.GetAsync("robots.txt");

        page.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await page.Content.ReadAsStringAsync()).Should().Be("{\"Message\":\"Forbidden\"}");
        page.Headers.GetValues("x-preview-origin").Should().Equal("lambda");
        file.StatusCode.Should().Be(HttpStatusCode.OK, "files in the bucket do not need the function");
        (await File.ReadAllTextAsync(server.TraceFile)).Should().Contain("refused by Lambda");
    }

    public void Dispose() => scratch.Dispose();
}
