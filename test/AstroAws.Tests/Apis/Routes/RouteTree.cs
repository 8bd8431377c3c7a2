namespace Astro.Aws.Tests.Apis.Routes;

/// <summary>A throwaway code root in the temp folder, with a routes folder ("api" unless told) to fill with handler files.</summary>
internal sealed class RouteTree : IDisposable
{
    public RouteTree(string routes = "api")
    {
        Root = Directory.CreateTempSubdirectory("astroaws-routes-").FullName;
        Routes = Path.Combine(Root, routes);
        Directory.CreateDirectory(Routes);
    }

    /// <summary>The code root.</summary>
    public string Root { get; }

    /// <summary>The routes folder.</summary>
    public string Routes { get; }

    public FileRoutesOptions Options => new() { CodeRoot = Root };

    /// <summary>Writes a file under the routes folder that exports async functions with the given names.</summary>
    public RouteTree Handler(string relative, params string[] exports) =>
        File(relative, string.Concat(exports.Select(e => $"export async function {e}(event) {{\n  return {{ statusCode: 200, body: '{e}' }};\n}}\n")));

    /// <summary>Writes a file under the routes folder.</summary>
    public RouteTree File(string relative, string text)
    {
        var path = Path.Combine(Routes, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return this;
    }

    public IReadOnlyDictionary<string, ApiRoute> Enhance(FileRoutesOptions? options = null) =>
        ApiRoutes.FromDirectory(Routes, ApiRouteConvention.Enhance, options ?? Options);

    public IReadOnlyDictionary<string, ApiRoute> Astro(FileRoutesOptions? options = null) =>
        ApiRoutes.FromDirectory(Routes, ApiRouteConvention.Astro, options ?? Options);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
