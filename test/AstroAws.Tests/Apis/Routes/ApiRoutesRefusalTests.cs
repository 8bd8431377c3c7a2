using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.Routes;

public sealed class ApiRoutesRefusalTests : IDisposable
{
    private readonly RouteTree tree = new();

    public void Dispose() => tree.Dispose();

    [Theory]
    [InlineData("a$b.mjs", "the parameter in 'a$b' is only part of the name*Give the parameter its own file or folder (e.g. 'posts/$id'*")]
    [InlineData("post$id/index.mjs", "the parameter in 'post$id' is only part of the name*")]
    [InlineData("$my-id.mjs", "'$my-id' is not a valid parameter name. Name parameters with letters, digits and '_'*")]
    [InlineData("$$x.mjs", "'$$x' is not a valid parameter name*")]
    [InlineData("$$/x.mjs", "the catch-all '$$' is not the last part of the path*Make '$$' a file*")]
    [InlineData("my notes.mjs", "'my notes' cannot be a URL path segment. Use only letters, digits, '-', '_', '.' and '~' (no spaces).")]
    [InlineData("notes+.mjs", "'notes+' cannot be a URL path segment*")]
    [InlineData("list.v2.mjs", "the file name 'list.v2' has a '.' that Lambda's Node.js runtime cannot load*Rename it (e.g. 'list-v2').")]
    [InlineData("a..b/index.mjs", "the folder name 'a..b' has a '.' that Lambda's Node.js runtime cannot load*")]
    [InlineData("$id/$id.mjs", "the parameter 'id' appears twice in its path. Give each parameter its own name.")]
    public void Enhance_names_that_cannot_be_mapped_are_refused(string file, string problem)
    {
        tree.Handler(file, "get");

        var act = () => tree.Enhance();

        act.Should().Throw<ArgumentException>().WithMessage($"ApiRoutes.FromDirectory (Enhance): '{file}' in '{tree.Routes}': {problem}*");
    }

    [Theory]
    [InlineData("post-[id].mjs", "the parameter in 'post-[id]' is only part of the name*(e.g. 'posts/[id]' instead of 'post-[id]')*")]
    [InlineData("[id]x/index.mjs", "the parameter in '[id]x' is only part of the name*")]
    [InlineData("[my-id].mjs", "'[my-id]' is not a valid parameter name*'[...slug]'*")]
    [InlineData("[...rest]/x.mjs", "the catch-all '[...rest]' is not the last part of the path, and API Gateway's greedy parameter must end it*'[id]'*")]
    public void Astro_names_that_cannot_be_mapped_are_refused(string file, string problem)
    {
        tree.Handler(file, "GET");

        var act = () => tree.Astro();

        act.Should().Throw<ArgumentException>().WithMessage($"ApiRoutes.FromDirectory (Astro): '{file}' in '{tree.Routes}': {problem}*");
    }

    [Fact]
    public void Two_parameter_files_in_one_folder_are_refused()
    {
        tree.Handler("users/$id.mjs", "get").Handler("users/$name.mjs", "post");

        var act = () => tree.Enhance();

        act.Should().Throw<ArgumentException>().WithMessage(
            "*'users/$name.mjs'*: '$name.mjs' and '$id.mjs' are two parameters in 'users/' with different names ('name' and 'id'), and API Gateway cannot tell them apart. Use one name for both*");
    }

    [Fact]
    public void A_parameter_file_and_a_parameter_folder_with_another_name_are_refused()
    {
        tree.Handler("[id].mjs", "GET").Handler("[slug]/index.mjs", "GET");

        var act = () => tree.Astro();

        act.Should().Throw<ArgumentException>().WithMessage("*'[slug]/index.mjs'*'[slug]/' and '[id].mjs' are two parameters in the routes folder with different names*");
    }

    [Fact]
    public void A_parameter_folder_and_a_deeper_parameter_file_with_another_name_are_refused()
    {
        tree.Handler("$id/edit.mjs", "get").Handler("$name.mjs", "get");

        var act = () => tree.Enhance();

        act.Should().Throw<ArgumentException>().WithMessage("*'$id/edit.mjs'*'$id/' and '$name.mjs' are two parameters in the routes folder with different names ('id' and 'name')*");
    }

    [Theory]
    [InlineData("x.mjs", "x/index.mjs", "/x")]
    [InlineData("x.js", "x.mjs", "/x")]
    [InlineData("$id.mjs", "$id/index.mjs", "/{id}")]
    [InlineData("$$.mjs", "$$/index.mjs", "/{proxy+}")]
    [InlineData("index.cjs", "index.mjs", "/")]
    public void Two_files_with_the_same_path_are_refused(string first, string second, string path)
    {
        tree.Handler(first, "get").Handler(second, "get");

        var act = () => tree.Enhance();

        act.Should().Throw<ArgumentException>().WithMessage($"*'{second}' in '*': it maps to the same path '{path}' as '{first}'. Keep one of the two files.*");
    }

    [Fact]
    public void A_file_without_a_method_export_is_refused_listing_the_recognised_names()
    {
        tree.Handler("notes.mjs", "get").File("db.mjs", "export default function connect() {}\nexport const pool = {};\n");

        var act = () => tree.Enhance();

        act.Should().Throw<ArgumentException>().WithMessage(
            "*'db.mjs' in '*': it exports none of get, post, put, patch, destroy (found only pool; recognised forms: `export [async] function NAME`, `export const|let|var NAME`, `export { a as NAME }`, `exports.NAME =`). "
            + "Export a handler under one of those names, or move helper modules out of the routes folder.*");
    }

    [Fact]
    public void A_file_with_no_export_at_all_is_refused()
    {
        tree.File("empty.mjs", "// nothing yet\n");

        var act = () => tree.Enhance();

        act.Should().Throw<ArgumentException>().WithMessage("*'empty.mjs'*(found no recognised export;*");
    }

    [Fact]
    public void A_missing_folder_is_refused()
    {
        var act = () => ApiRoutes.FromDirectory(Path.Combine(tree.Root, "nope"), ApiRouteConvention.Enhance, tree.Options);

        act.Should().Throw<ArgumentException>().WithMessage($"ApiRoutes.FromDirectory: the routes folder '{Path.Combine(tree.Root, "nope")}' does not exist.*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_folder_argument_is_refused(string directory)
    {
        var act = () => ApiRoutes.FromDirectory(directory, ApiRouteConvention.Enhance, tree.Options);

        act.Should().Throw<ArgumentException>().WithMessage("ApiRoutes.FromDirectory: the directory is empty. Give the routes folder, e.g. \"app/api\".*");
    }

    [Fact]
    public void A_folder_without_handler_files_is_refused()
    {
        tree.File("README.md", "# api").File("_private.mjs", "export const GET = 1;");

        var act = () => tree.Astro();

        act.Should().Throw<ArgumentException>().WithMessage($"ApiRoutes.FromDirectory: the routes folder '{tree.Routes}' holds no handler files (*.mjs, *.js, any depth, for the Astro convention).*");
    }

    [Fact]
    public void A_folder_outside_the_code_root_is_refused()
    {
        tree.Handler("notes.mjs", "get");
        var elsewhere = Path.Combine(tree.Root, "elsewhere");
        Directory.CreateDirectory(elsewhere);

        var act = () => tree.Enhance(new FileRoutesOptions { CodeRoot = elsewhere });

        act.Should().Throw<ArgumentException>().WithMessage(
            $"ApiRoutes.FromDirectory: the routes folder '{tree.Routes}' is not inside the code root '{elsewhere}', so its handler strings could not resolve*Set FileRoutesOptions.CodeRoot*");
    }

    [Fact]
    public void The_code_root_itself_is_refused_as_routes_folder()
    {
        tree.Handler("notes.mjs", "get");

        var act = () => tree.Enhance(new FileRoutesOptions { CodeRoot = tree.Routes });

        act.Should().Throw<ArgumentException>().WithMessage("*is not inside the code root*at least one level down*");
    }

    [Theory]
    [InlineData("api")]
    [InlineData("/api/{id}")]
    [InlineData("/my api")]
    public void A_prefix_that_is_not_a_static_path_is_refused(string prefix)
    {
        tree.Handler("notes.mjs", "get");

        var act = () => tree.Enhance(new FileRoutesOptions { CodeRoot = tree.Root, PathPrefix = prefix });

        act.Should().Throw<ArgumentException>().WithMessage($"ApiRoutes.FromDirectory: PathPrefix '{prefix}' is not a static path.*");
    }

    [Fact]
    public void An_unknown_convention_is_refused()
    {
        tree.Handler("notes.mjs", "get");

        var act = () => ApiRoutes.FromDirectory(tree.Routes, (ApiRouteConvention)7, tree.Options);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Use ApiRouteConvention.Enhance or ApiRouteConvention.Astro.*");
    }

    [Fact]
    public void Customize_dropping_the_code_root_of_the_produced_handler_is_refused()
    {
        tree.Handler("notes.mjs", "get");

        var act = () => tree.Enhance(new FileRoutesOptions
        {
            CodeRoot = tree.Root,
            Customize = r => r.Route with { FunctionProps = new ApiFunctionProps { MemorySize = 2048 } },
        });

        act.Should().Throw<ArgumentException>().WithMessage(
            "*'notes.mjs'*Customize returned the route 'GET /notes' with its handler 'api/notes.get' but without FunctionProps.CodeRoot*CodeRoot = r.CodeRoot*");
    }
}
