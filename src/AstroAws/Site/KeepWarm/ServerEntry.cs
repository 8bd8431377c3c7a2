using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.JSII.Runtime.Deputy;

namespace Astro.Aws.KeepWarm;

/// <summary>
/// The server function's code when the site is kept warm: the adapter's <c>dist/lambda</c> folder as built, plus
/// <c>astro-aws-warm.mjs</c> (the warm-up entry in front of the adapter's <c>entry.handler</c>), staged by CDK as one asset.
/// </summary>
internal static class ServerEntry
{
    /// <summary>The entry's file name in the function's code; it imports <c>./entry.mjs</c>, the adapter's bundle beside it.</summary>
    public const string FileName = "astro-aws-warm.mjs";

    /// <summary>The handler of ssr mode (a BUFFERED function URL).</summary>
    public const string BufferedHandler = "astro-aws-warm.handler";

    /// <summary>The handler of ssr-stream mode (a RESPONSE_STREAM function URL): the same entry wrapped by awslambda.streamifyResponse.</summary>
    public const string StreamingHandler = "astro-aws-warm.streamingHandler";

    /// <summary>The entry's code (astro-aws-warm.mjs), shipped inside this assembly.</summary>
    public static string Code { get; } = EmbeddedCode.Read(FileName);

    public static string Handler(AstroAwsMode mode) => mode == AstroAwsMode.SsrStream ? StreamingHandler : BufferedHandler;

    /// <summary>
    /// An asset of the build's server folder with the entry added. CDK runs the local bundling at synth, into its own
    /// staging folder, so the build stays untouched; the asset is named by the hash of what was staged, so a new entry
    /// or a new build both change it.
    /// </summary>
    public static Code Asset(string serverDirectory) => Amazon.CDK.AWS.Lambda.Code.FromAsset(serverDirectory, new Amazon.CDK.AWS.S3.Assets.AssetOptions
    {
        AssetHashType = AssetHashType.OUTPUT,
        Bundling = new BundlingOptions
        {
            // Never run: the local bundling below always succeeds (BundlingOptions requires an image all the same).
            Image = DockerImage.FromRegistry("public.ecr.aws/docker/library/busybox"),
            Local = new CopyWithEntry(serverDirectory),
        },
    });

    /// <summary>Copies the server folder (links kept as the files they point to) and writes the entry beside <c>entry.mjs</c>.</summary>
    private sealed class CopyWithEntry(string source) : DeputyBase, ILocalBundling
    {
        public bool TryBundle(string outputDir, IBundlingOptions options)
        {
            Copy(new DirectoryInfo(source), new DirectoryInfo(outputDir));
            File.WriteAllText(Path.Combine(outputDir, FileName), Code);
            return true;
        }

        private static void Copy(DirectoryInfo from, DirectoryInfo to)
        {
            to.Create();
            foreach (var file in from.EnumerateFiles())
            {
                file.CopyTo(Path.Combine(to.FullName, file.Name), overwrite: true);
            }

            foreach (var folder in from.EnumerateDirectories())
            {
                Copy(folder, new DirectoryInfo(Path.Combine(to.FullName, folder.Name)));
            }
        }
    }
}
