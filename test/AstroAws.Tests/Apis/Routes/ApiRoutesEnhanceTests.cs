using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.Routes;

public sealed class ApiRoutesEnhanceTests : IDisposable
{
    private readonly RouteTree tree = new();

    public void Dispose() => tree.Dispose();

    [Fact]
    public void Files_become_paths_and_exports_become_methods()
    {
        tree.Handler("index.mjs", "get")
            .Handler("users/index.mjs", "get", "post")
            .Handler("users/$id.mjs", "get", "put", "patch", "destroy")
            .Handler("users/$id/posts.mjs", "get")
            .Handler("about.js", "get");

        var routes = tree.Enhance();

        routes.Keys.Should().Equal(
            "DELETE /users/{id}",
            "GET /",
            "GET /about",
            "GET /users",
            "GET /users/{id}",
            "GET /users/{id}/posts",
            "PATCH /users/{id}",
            "POST /users",
            "PUT /users/{id}");
        routes["GET /"].Handler.Should().Be("api/index.get");
        routes["GET /about"].Handler.Should().Be("api/about.get");
        routes["POST /users"].Handler.Should().Be("api/users/index.post");
        routes["DELETE /users/{id}"].Handler.Should().Be("api/users/$id.destroy");
        routes["GET /users/{id}/posts"].Handler.Should().Be("api/users/$id/posts.get");
        routes.Values.Should().OnlyContain(r => r.Kind == ApiRouteKind.Handler && r.FunctionProps!.CodeRoot == tree.Root);
    }

    [Fact]
    public void Catch_all_answers_the_rest_and_its_parent_path()
    {
        tree.Handler("files/$$.mjs", "get");

        var routes = tree.Enhance();

        routes.Keys.Should().Equal("GET /files", "GET /files/{proxy+}");
        routes["GET /files"].Handler.Should().Be("api/files/$$.get");
        routes["GET /files/{proxy+}"].Handler.Should().Be("api/files/$$.get");
    }

    [Fact]
    public void Catch_all_parent_is_left_to_an_index_for_the_methods_the_index_serves()
    {
        tree.Handler("docs/index.mjs", "get").Handler("docs/$$.mjs", "get", "post").Handler("docs/$page.mjs", "get");

        var routes = tree.Enhance();

        routes.Keys.Should().Equal("GET /docs", "GET /docs/{page}", "GET /docs/{proxy+}", "POST /docs", "POST /docs/{proxy+}");
        routes["GET /docs"].Handler.Should().Be("api/docs/index.get");
        routes["POST /docs"].Handler.Should().Be("api/docs/$$.post");
    }

    [Fact]
    public void Top_level_catch_all_answers_root()
    {
        tree.Handler("$$.mjs", "get");

        tree.Enhance().Keys.Should().Equal("GET /", "GET /{proxy+}");
    }

    [Theory]
    [InlineData("/api", "GET /api", "GET /api/users/{id}")]
    [InlineData("/api/", "GET /api", "GET /api/users/{id}")]
    [InlineData("/v1/api", "GET /v1/api", "GET /v1/api/users/{id}")]
    [InlineData("/", "GET /", "GET /users/{id}")]
    public void Path_prefix_starts_every_route(string prefix, string index, string user)
    {
        tree.Handler("index.mjs", "get").Handler("users/$id.mjs", "get");

        var routes = tree.Enhance(new FileRoutesOptions { CodeRoot = tree.Root, PathPrefix = prefix });

        routes.Keys.Should().Equal(index, user);
    }

    [Fact]
    public void Recognises_every_documented_export_form_and_ignores_comments()
    {
        tree.File("forms.mjs", """
            export async function get(event) { return { statusCode: 200 }; }
            export function post(event) { return { statusCode: 201 }; }
            export const put = async () => ({ statusCode: 200 });
            const update = async () => ({ statusCode: 200 });
            const remove = async () => ({ statusCode: 204 });
            export { update as patch, remove as destroy };
            // export async function head() {}
            /* export const options = 1; */
            export const helper = 1;
            """);

        tree.Enhance().Keys.Should().Equal("DELETE /forms", "GET /forms", "PATCH /forms", "POST /forms", "PUT /forms");
    }

    [Fact]
    public void Recognises_commonjs_exports_in_cjs_files()
    {
        tree.File("legacy.cjs", "exports.get = async () => ({ statusCode: 200 });\nmodule.exports.destroy = async () => ({ statusCode: 204 });\n");

        var routes = tree.Enhance();

        routes.Keys.Should().Equal("DELETE /legacy", "GET /legacy");
        routes["GET /legacy"].Handler.Should().Be("api/legacy.get");
    }

    [Fact]
    public void Export_names_from_the_other_convention_are_not_methods()
    {
        tree.Handler("mixed.mjs", "get", "GET", "POST");

        tree.Enhance().Keys.Should().Equal("GET /mixed");
    }

    [Fact]
    public void Leaves_out_other_files_hidden_folders_and_node_modules()
    {
        tree.Handler("notes.mjs", "get")
            .File("README.md", "# notes")
            .File("data.json", "{}")
            .File("notes.mjs.map", "{}")
            .Handler(".hidden/secret.mjs", "get")
            .Handler("node_modules/dep/index.js", "get");

        tree.Enhance().Keys.Should().Equal("GET /notes");
    }

    [Fact]
    public void Keys_are_in_ordinal_order()
    {
        tree.Handler("b.mjs", "get").Handler("a.mjs", "post").Handler("B.mjs", "get").Handler("a/b.mjs", "get");

        tree.Enhance().Keys.Should().Equal("GET /B", "GET /a/b", "GET /b", "POST /a");
    }

    [Fact]
    public void Customize_sets_route_settings_or_leaves_routes_out()
    {
        tree.Handler("notes.mjs", "get", "destroy");
        var seen = new List<FileRoute>();

        var routes = tree.Enhance(new FileRoutesOptions
        {
            CodeRoot = tree.Root,
            Customize = r =>
            {
                seen.Add(r);
                return r.Export == "destroy" ? null : r.Route with { Authorizer = "iam" };
            },
        });

        routes.Keys.Should().Equal("GET /notes");
        routes["GET /notes"].Authorizer.Should().Be("iam");
        seen.Should().ContainEquivalentOf(new
        {
            RouteKey = "GET /notes",
            File = "notes.mjs",
            Export = "get",
            Handler = "api/notes.get",
            CodeRoot = tree.Root,
            IsCatchAllParent = false,
        });
    }

    [Fact]
    public void Customize_can_replace_function_props_keeping_the_code_root()
    {
        tree.Handler("notes.mjs", "get");

        var routes = tree.Enhance(new FileRoutesOptions
        {
            CodeRoot = tree.Root,
            Customize = r => r.Route with { FunctionProps = new ApiFunctionProps { CodeRoot = r.CodeRoot, MemorySize = 2048 } },
        });

        routes["GET /notes"].FunctionProps!.MemorySize.Should().Be(2048);
    }

    [Fact]
    public void Code_root_defaults_to_the_current_directory()
    {
        tree.Handler("notes.mjs", "get");
        var before = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(tree.Root);
        try
        {
            var routes = ApiRoutes.FromDirectory("api", ApiRouteConvention.Enhance);
            routes["GET /notes"].Handler.Should().Be("api/notes.get");
            routes["GET /notes"].FunctionProps!.CodeRoot.Should().Be(Directory.GetCurrentDirectory());
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
        }
    }
}
