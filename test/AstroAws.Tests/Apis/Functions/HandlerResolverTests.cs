using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Apis.Functions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.Functions;

public sealed class HandlerResolverTests : IDisposable
{
    private readonly ScratchFolder scratch = new("astroaws-handlers");

    public void Dispose() => scratch.Dispose();

    [Theory]
    [InlineData("src/list.main", "list.main")]
    [InlineData("src/notes/search.main", "notes/search.main")]
    public void Node_handlers_upload_their_first_folder(string handler, string lambdaHandler)
    {
        var resolved = HandlerResolver.Resolve(handler, ApiStacks.CodeRoot, "Routes");

        resolved.Handler.Should().Be(lambdaHandler);
        resolved.Runtime.Name.Should().Be("nodejs24.x");
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_resolved_path()
    {
        var act = () => HandlerResolver.Resolve("src/nope.main", ApiStacks.CodeRoot, "Routes[\"GET /x\"]");

        act.Should().Throw<ArgumentException>()
            .WithMessage($"*Routes[\"GET /x\"]*src/nope.mjs, .js or .cjs*{Path.Combine(ApiStacks.CodeRoot, "src", "nope")}.mjs does not exist*CodeRoot*");
    }

    [Theory]
    [InlineData("list.main")]
    [InlineData("src/list")]
    [InlineData("src/list.")]
    [InlineData("")]
    public void Malformed_node_handlers_are_refused(string handler)
    {
        var act = () => HandlerResolver.Resolve(handler, ApiStacks.CodeRoot, "Routes");

        act.Should().Throw<ArgumentException>().WithMessage("*src/list.main*");
    }

    [Fact]
    public void Dotnet_handlers_need_their_published_folder()
    {
        var act = () => HandlerResolver.Resolve("Notes::Notes.Functions::List", null, "Routes");

        act.Should().Throw<ArgumentException>().WithMessage("*CodeRoot*dotnet publish*Notes.dll*");
    }

    [Fact]
    public void Dotnet_handlers_resolve_to_the_dotnet_runtime()
    {
        Directory.CreateDirectory(scratch.Path);
        File.WriteAllText(scratch.Combine("Notes.dll"), "not really an assembly");

        var resolved = HandlerResolver.Resolve("Notes::Notes.Functions::List", scratch.Path, "Routes");

        resolved.Handler.Should().Be("Notes::Notes.Functions::List");
        resolved.Runtime.Should().Be(Runtime.DOTNET_8);
    }

    [Fact]
    public void Dotnet_handlers_without_their_assembly_are_refused()
    {
        Directory.CreateDirectory(scratch.Path);

        var act = () => HandlerResolver.Resolve("Notes::Notes.Functions::List", scratch.Path, "Routes");

        act.Should().Throw<ArgumentException>().WithMessage("*Notes.dll*dotnet publish*");
    }

    [Theory]
    [InlineData("MyApp/MyApp.csproj", "the .NET project 'MyApp/MyApp.csproj'")]
    [InlineData("MyApp/bin/Debug/MyApp.dll", "the build output 'MyApp/bin'")]
    public void A_handler_folder_holding_the_cdk_apps_project_is_refused(string intruder, string named)
    {
        // cdk init's layout: src/ holds the app's own C# project, and a handler string "src/list.main" would upload it all.
        Directory.CreateDirectory(scratch.Combine("src"));
        File.WriteAllText(scratch.Combine("src", "list.mjs"), "export const main = async () => ({ statusCode: 200 });");
        var path = scratch.Combine(["src", .. intruder.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");

        var act = () => HandlerResolver.Resolve("src/list.main", scratch.Path, "Routes[\"GET /notes\"]");

        act.Should().Throw<ArgumentException>()
            .WithMessage($"Routes[\"GET /notes\"]: handler 'src/list.main' uploads the folder '{scratch.Combine("src")}', which holds {named}*\"functions/list.main\"*CodeRoot*");
    }

    [Fact]
    public void A_handler_folder_over_50_mb_is_reported_with_its_size()
    {
        Directory.CreateDirectory(scratch.Combine("functions"));
        File.WriteAllText(scratch.Combine("functions", "list.mjs"), "export const main = async () => ({ statusCode: 200 });");
        using (var big = File.Create(scratch.Combine("functions", "data.bin")))
        {
            big.SetLength(51L * 1024 * 1024);
        }

        var stack = SiteStacks.NewStack();
        _ = new AstroHttpApi(stack, "Api", new AstroHttpApiProps
        {
            Defaults = new ApiDefaults { Function = new ApiFunctionProps { CodeRoot = scratch.Path } },
            Routes = new Dictionary<string, ApiRoute> { ["GET /notes"] = "functions/list.main" },
        });

        Amazon.CDK.Assertions.Annotations.FromStack(stack).HasWarning("*", Amazon.CDK.Assertions.Match.StringLikeRegexp("uploads 51 MB of code for one function"));
    }
}
