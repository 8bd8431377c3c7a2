using Amazon.CDK;
using Astro.Aws;
using Constructs;

namespace MySite;

/// <summary>The Astro site in site/, deployed by AstroAws.</summary>
public sealed class SiteStack : Stack
{
    /// <param name="scope">The app.</param>
    /// <param name="id">The stack's ID, which is also its CloudFormation name.</param>
    /// <param name="appRoot">
    /// The folder of cdk.json, which holds site/. `cdk synth` runs there, so Program.cs passes the current directory;
    /// a test passes the folder it finds, because its own current directory is its bin folder.
    /// </param>
    /// <param name="props">The stack's props (account and region).</param>
    public SiteStack(Construct scope, string id, string appRoot, IStackProps props)
        : base(scope, id, props)
    {
        // Reads site/dist, which `npm run build` writes. The mode comes from the build.
        Site = new AstroAws(this, "Site", new AstroAwsProps { WebsiteDir = Path.Combine(appRoot, "site") });
#if (api)

        Api = new AstroHttpApi(this, "Api", new AstroHttpApiProps
        {
            // Handler strings start from appRoot, so only the functions/ folder is packaged.
            Defaults = new ApiDefaults { Function = new ApiFunctionProps { CodeRoot = appRoot } },
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /hello"] = "functions/hello.main", // export `main` of functions/hello.mjs
            },
        });
#endif
    }

    /// <summary>The site: its bucket, server, distribution and deployments.</summary>
    public AstroAws Site { get; }
#if (api)

    /// <summary>The HTTP API.</summary>
    public AstroHttpApi Api { get; }
#endif
}
