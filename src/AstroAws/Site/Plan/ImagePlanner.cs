using System.Text.RegularExpressions;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Images;
using FunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;

namespace Astro.Aws.Plan;

/// <summary>The sharp layer of the server function: ours (installed at synth), the caller's, or none.</summary>
/// <param name="Props">Our layer's props; null when <paramref name="CallerLayer"/> is used.</param>
/// <param name="CallerLayer">The caller's layer (<see cref="AstroAwsImages.Layer"/>), or null.</param>
internal sealed record ImageLayerPlan(LayerVersionProps? Props, ILayerVersion? CallerLayer);

/// <summary>Decides whether the server function gets sharp, which Astro's sharp image service imports at run time.</summary>
internal static partial class ImagePlanner
{
    private const string PropName = "AstroAwsProps.Images";

    private const string LayersPropName = "AstroAwsCdkProps.LambdaFunction.Layers";

    /// <summary>Lambda's limit on layers per function (rule lambda/layer-limits).</summary>
    private const int MaxLayers = 5;

    /// <summary>Lambda's limit on a function's code and layers, unzipped (rule lambda/layer-limits).</summary>
    private const long MaxUnzippedBytes = 250L * 1024 * 1024;

    public static ImageLayerPlan? Plan(AstroBuild build, AstroAwsImages? images, FunctionProps? regional, List<SiteNote> notes)
    {
        images ??= new AstroAwsImages();
        if (images.Layer is not null && !images.Enabled)
        {
            throw new ArgumentException($"{PropName}: received a Layer with Enabled = false. Remove the Layer to go without sharp, or Enabled = false to use it.", PropName);
        }

        if (!build.HasServer || build.Mode == AstroAwsMode.Edge)
        {
            RefuseWithoutRegionalServer(build, images, notes);
            return null;
        }

        if (!images.Enabled)
        {
            return null;
        }

        RefuseTooManyLayers(regional!.Layers);
        if (images.Layer is not null)
        {
            return new ImageLayerPlan(null, images.Layer);
        }

        if (!build.UsesSharp)
        {
            return null;
        }

        var version = images.SharpVersion ?? AstroAwsImages.DefaultSharpVersion;
        if (!ExactVersion().IsMatch(version))
        {
            throw new ArgumentException(
                $"{PropName}.SharpVersion: received '{version}', which is not an exact version. Give one release, e.g. \"{AstroAwsImages.DefaultSharpVersion}\": the installed folder is cached by version, so a range would never update.",
                $"{PropName}.SharpVersion");
        }

        // CDK's default is x86_64 when a caller's override clears ours.
        var architecture = regional.Architecture ?? Architecture.X86_64;
        var cpu = architecture.Name == Architecture.ARM_64.Name ? "arm64" : "x64";
        var folder = SharpInstaller.LayerFolder(version, cpu, images.CacheDirectory is { } cache ? Path.GetFullPath(cache) : SharpInstaller.DefaultCacheRoot(), images.Npm ?? "npm");
        var layerBytes = FolderBytes(folder);
        var total = layerBytes + FolderBytes(build.ServerDirectory!);
        if (total > MaxUnzippedBytes)
        {
            throw new ArgumentException(
                $"{PropName}: the server code ({Megabytes(total - layerBytes)}) and the sharp layer ({Megabytes(layerBytes)}) are {Megabytes(total)} unzipped, over Lambda's 250 MB for a function and its layers. "
                + "Make the server bundle smaller, or set Images = AstroAwsImages.None.",
                PropName);
        }

        notes.Add(new SiteNote(
            NoteLevel.Info,
            $"AstroAws: the build uses Astro's sharp image service, so the server function gets a layer with sharp {version} for linux-{cpu} (glibc, {Megabytes(layerBytes)} unzipped) for /_image. "
            + "Set AstroAwsProps.Images = AstroAwsImages.None to go without it. See docs/images.md."));
        return new ImageLayerPlan(
            new LayerVersionProps
            {
                Code = Code.FromAsset(folder),
                CompatibleArchitectures = [architecture],
                CompatibleRuntimes = regional.Runtime is { } runtime ? [runtime] : null,
                Description = $"sharp {version} for linux-{cpu} (glibc): Astro's image service (/_image)",
            },
            null);
    }

    private static void RefuseWithoutRegionalServer(AstroBuild build, AstroAwsImages images, List<SiteNote> notes)
    {
        var why = build.HasServer
            ? "edge mode runs the server as Lambda@Edge, which takes no layers"
            : "a static build has no server";
        if (images.Layer is not null)
        {
            throw new ArgumentException($"{PropName}.Layer: received a layer, but {why}. Remove it, or build the site in ssr or ssr-stream mode.", $"{PropName}.Layer");
        }

        if (build.Mode == AstroAwsMode.Edge && build.UsesSharp && images.Enabled)
        {
            notes.Add(new SiteNote(
                NoteLevel.Warning,
                "AstroAws: the build uses Astro's sharp image service, but Lambda@Edge takes no layers and the edge bundle leaves sharp out, so /_image answers 500 on pages rendered on demand. "
                + "Images of prerendered pages are made at build time and work. Build the site in ssr mode for on-demand images, or set AstroAwsProps.Images = AstroAwsImages.None to acknowledge. See docs/images.md.",
                "@astroaws/site:edgeImages"));
        }
    }

    private static void RefuseTooManyLayers(ILayerVersion[]? theirs)
    {
        if (theirs is { Length: >= MaxLayers })
        {
            throw new ArgumentException(
                $"{LayersPropName}: received {theirs.Length} layers, and the sharp layer of Astro's image service makes {theirs.Length + 1}, over Lambda's {MaxLayers} per function. "
                + "Merge some of your layers, or set AstroAwsProps.Images = AstroAwsImages.None.",
                LayersPropName);
        }
    }

    private static long FolderBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.0} MB";

    [GeneratedRegex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex ExactVersion();
}
