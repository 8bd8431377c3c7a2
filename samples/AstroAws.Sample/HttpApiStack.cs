using Amazon.CDK;
using Constructs;

namespace Astro.Aws.Sample;

/// <summary>A notes API on <see cref="AstroHttpApi"/>: a routes map (samples/api/src/notes) plus file-based routes (samples/api/routes).</summary>
public sealed class HttpApiStack : Stack
{
    public HttpApiStack(Construct scope, string id, IStackProps props)
        : base(scope, id, props)
    {
        Api = new AstroHttpApi(this, "Api", new AstroHttpApiProps
        {
            Defaults = new ApiDefaults
            {
                // Handler strings resolve against samples/api, so only samples/api/src is uploaded.
                Function = new ApiFunctionProps { CodeRoot = SamplePaths.ApiHandlers },
                Throttle = new ApiThrottle(RateLimit: 50, BurstLimit: 100),
            },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /notes"] = "src/notes/list.main",
                ["POST /notes"] = "src/notes/create.main",
                ["GET /notes/{id}"] = "src/notes/get.main",
            },
        });

        // File-based routes: every handler file under samples/api/routes/api becomes routes under /api (Enhance convention).
        Api.AddRoutes(ApiRoutes.FromDirectory(
            "samples/api/routes/api",
            ApiRouteConvention.Enhance,
            new FileRoutesOptions { CodeRoot = "samples/api/routes", PathPrefix = "/api" }));
    }

    public AstroHttpApi Api { get; }
}
