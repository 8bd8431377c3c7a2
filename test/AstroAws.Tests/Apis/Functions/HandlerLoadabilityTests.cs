using Astro.Aws.Apis.Functions;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.Functions;

public sealed class HandlerLoadabilityTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("astroaws-handlers-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Node_handler_names_the_file_inside_its_package()
    {
        Write("src/notes/list.mjs");
        HandlerResolver.Resolve("src/notes/list.main", root, "Routes").Handler.Should().Be("notes/list.main");
    }

    [Theory]
    [InlineData("src/[...rest].GET", "src/[...rest]")]
    [InlineData("src/[...rest]/index.GET", "src/[...rest]/index")]
    [InlineData("src/list.v2.main", "src/list.v2")]
    public void Fails_for_a_handler_Lambda_cannot_load(string handler, string file)
    {
        Write(file + ".mjs");
        var act = () => HandlerResolver.Resolve(handler, root, "Routes");
        act.Should().Throw<ArgumentException>()
            .WithMessage($"*'{handler}' cannot be loaded by Lambda's Node.js runtime*'..'*first '.'*Rename '{file}'*");
    }

    private void Write(string relative)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "export const main = async () => ({ statusCode: 200 });\n");
    }
}
