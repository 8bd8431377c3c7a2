using Amazon.CDK.Assertions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Apis.Routes;

public class ApiRoutesTemplateTests
{
    [Fact]
    public void Sample_routes_folder_synthesizes_one_route_and_function_per_export()
    {
        var stack = SiteStacks.NewStack();
        var root = TestPaths.SampleApiRoutes;

        // docs/file-based-routes.md quotes this block.
        var api = new AstroHttpApi(stack, "Api", new AstroHttpApiProps
        {
            Routes = ApiRoutes.FromDirectory(
                Path.Combine(root, "api"),
                ApiRouteConvention.Enhance,
                new FileRoutesOptions { CodeRoot = root, PathPrefix = "/api" }),
        });

        api.Functions.Keys.Should().Equal(
            "DELETE /api/notes/{id}",
            "GET /api",
            "GET /api/files",
            "GET /api/files/{proxy+}",
            "GET /api/notes",
            "GET /api/notes/{id}",
            "POST /api/notes",
            "PUT /api/notes/{id}");
        var template = SiteStacks.Template(stack);
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 8);
        template.ResourceCountIs("AWS::Lambda::Function", 8);
        foreach (var (key, handler) in new[]
        {
            ("GET /api", "index.get"),
            ("GET /api/notes", "notes/index.get"),
            ("POST /api/notes", "notes/index.post"),
            ("GET /api/notes/{id}", "notes/$id.get"),
            ("PUT /api/notes/{id}", "notes/$id.put"),
            ("DELETE /api/notes/{id}", "notes/$id.destroy"),
            ("GET /api/files/{proxy+}", "files/$$.get"),
            ("GET /api/files", "files/$$.get"),
        })
        {
            template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = key }));
            template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["Handler"] = handler, ["Runtime"] = "nodejs24.x" }));
        }
    }

    [Fact]
    public void Routes_from_a_temp_tree_resolve_with_the_api_default_code_root_elsewhere()
    {
        using var tree = new RouteTree();
        tree.Handler("users/$id.mjs", "get").Handler("$$.mjs", "get");
        var stack = SiteStacks.NewStack();

        _ = new AstroHttpApi(stack, "Api", new AstroHttpApiProps
        {
            // The routes carry their own CodeRoot, so the API's default one (here: nonsense) does not re-root them.
            Defaults = new ApiDefaults { Function = new ApiFunctionProps { CodeRoot = "/nowhere", MemorySize = 512 } },
            Routes = ApiRoutes.FromDirectory(tree.Routes, ApiRouteConvention.Enhance, tree.Options),
        });

        var template = SiteStacks.Template(stack);
        template.ResourceCountIs("AWS::ApiGatewayV2::Route", 3);
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /users/{id}" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /{proxy+}" }));
        template.HasResourceProperties("AWS::ApiGatewayV2::Route", Match.ObjectLike(new Dictionary<string, object> { ["RouteKey"] = "GET /" }));
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["Handler"] = "users/$id.get", ["MemorySize"] = 512 }));
        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object> { ["Handler"] = "$$.get", ["MemorySize"] = 512 }));
    }
}
