using Amazon.CDK;
using Constructs;

namespace Astro.Aws.Sample;

/// <summary>The sample site with every default: the quick start of the README.</summary>
public sealed class AstroSiteStack : Stack
{
    public AstroSiteStack(Construct scope, string id, IStackProps props)
        : base(scope, id, props)
    {
        Site = new AstroAws(this, "AstroAWS", new AstroAwsProps
        {
            WebsiteDir = SamplePaths.AstroSite,
        });
    }

    public AstroAws Site { get; }
}
