using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.Routes;

public sealed class ApiRoutesAstroTests : IDisposable
{
    private readonly RouteTree tree = new("pages");

    public void Dispose() => tree.Dispose();

    [Fact]
    public void Files_become_paths_and_exports_become_methods()
    {
        tree.Handler("index.mjs", "GET")
            .Handler("users/index.js", "GET", "POST")
            .Handler("users/[id].mjs", "GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
            .Handler("users/[id]/avatar.mjs", "ALL");

        var routes = tree.Astro();

        routes.Keys.Should().Equal(
            "ANY /users/{id}/avatar",
            "DELETE /users/{id}",
            "GET /",
            "GET /users",
            "GET /users/{id}",
            "HEAD /users/{id}",
            "OPTIONS /users/{id}",
            "PATCH /users/{id}",
            "POST /users",
            "PUT /users/{id}");
        routes["GET /users/{id}"].Handler.Should().Be("pages/users/[id].GET");
        routes["ANY /users/{id}/avatar"].Handler.Should().Be("pages/users/[id]/avatar.ALL");
    }

    [Fact]
    public void Leaves_out_underscore_names_astro_pages_and_declarations()
    {
        tree.Handler("notes.mjs", "GET")
            .Handler("_helpers.mjs", "GET")
            .Handler("_lib/db.mjs", "GET")
            .File("about.astro", "---\n---\n<h1>About</h1>")
            .File("notes.d.ts", "export declare function GET(): Promise<unknown>;");

        tree.Astro().Keys.Should().Equal("GET /notes");
    }

    [Fact]
    public void Lowercase_exports_are_not_astro_methods()
    {
        tree.Handler("notes.mjs", "get", "POST");

        tree.Astro().Keys.Should().Equal("POST /notes");
    }

    [Fact]
    public void Catch_all_keeps_its_name_and_answers_its_parent_once_customized_to_a_loadable_target()
    {
        tree.Handler("files/[...path].mjs", "GET");
        var seen = new List<FileRoute>();

        var routes = tree.Astro(new FileRoutesOptions
        {
            CodeRoot = tree.Root,
            Customize = r =>
            {
                seen.Add(r);
                return ApiRoute.FromUrl("https://files.example.com/{proxy}");
            },
        });

        routes.Keys.Should().Equal("GET /files", "GET /files/{path+}");
        seen.Should().OnlyContain(r => r.Handler == "pages/files/[...path].GET");
        seen.Single(r => r.RouteKey == "GET /files").IsCatchAllParent.Should().BeTrue();
    }

    [Fact]
    public void Catch_all_in_a_folder_with_an_index_file_maps_like_a_file()
    {
        tree.Handler("docs/[...slug]/index.mjs", "GET");

        var routes = tree.Astro(new FileRoutesOptions { CodeRoot = tree.Root, Customize = _ => ApiRoute.FromUrl("https://docs.example.com") });

        routes.Keys.Should().Equal("GET /docs", "GET /docs/{slug+}");
    }

    [Fact]
    public void Fails_for_a_catch_all_Lambda_cannot_load()
    {
        tree.Handler("files/[...path].mjs", "GET");

        var act = () => tree.Astro();

        act.Should().Throw<ArgumentException>().WithMessage(
            "ApiRoutes.FromDirectory (Astro): 'files/[...path].mjs' in '*': it answers 'GET /files/{path+}', but its handler 'pages/files/[...path].GET' contains '..', "
            + "which Lambda's Node.js runtime refuses*Answer the route with another handler or function in FileRoutesOptions.Customize*");
    }

    [Fact]
    public void Fails_for_typescript_and_says_to_point_at_the_compiled_output()
    {
        tree.Handler("notes.mjs", "GET").File("users.ts", "export const GET = async () => new Response('');");

        var act = () => tree.Astro();

        act.Should().Throw<ArgumentException>().WithMessage(
            "*'users.ts' in '*': it is TypeScript, which Lambda's Node.js runtime cannot run as it is. Compile the routes*point FromDirectory at the .mjs/.js output, or start the name with '_'*");
    }

    [Fact]
    public void Handler_files_of_both_conventions_with_no_method_export_are_refused_naming_the_astro_way_out()
    {
        tree.Handler("util.mjs", "format");

        var act = () => tree.Astro();

        act.Should().Throw<ArgumentException>().WithMessage(
            "*'util.mjs'*exports none of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ALL (found only format;*start its name with '_' to leave it out.*");
    }
}
