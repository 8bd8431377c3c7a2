using Amazon.CDK;
using Constructs;

namespace Astro.Aws.Sample;

/// <summary>The site in another mode, with every default; the mode comes from the build in <paramref name="outDir"/>.</summary>
public abstract class ModeSiteStack : Stack
{
    protected ModeSiteStack(Construct scope, string id, IStackProps props, string outDir)
        : base(scope, id, props)
    {
        Site = new AstroAws(this, "AstroAWS", new AstroAwsProps { OutDir = outDir });
    }

    public AstroAws Site { get; }
}

/// <summary>The sample built with <c>ASTRO_AWS_MODE=ssr-stream</c>: a RESPONSE_STREAM function URL.</summary>
public sealed class SsrStreamSiteStack(Construct scope, string id, IStackProps props)
    : ModeSiteStack(scope, id, props, SamplePaths.SsrStreamBuild);

/// <summary>The sample built with <c>ASTRO_AWS_MODE=edge</c>: Lambda@Edge in a us-east-1 support stack.</summary>
public sealed class EdgeSiteStack(Construct scope, string id, IStackProps props)
    : ModeSiteStack(scope, id, props, SamplePaths.EdgeBuild);

/// <summary>A static Astro build (no adapter): everything from S3.</summary>
public sealed class StaticSiteStack(Construct scope, string id, IStackProps props)
    : ModeSiteStack(scope, id, props, SamplePaths.StaticBuild);
