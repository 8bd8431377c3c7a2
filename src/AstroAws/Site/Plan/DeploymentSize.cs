namespace Astro.Aws.Plan;

/// <summary>
/// The deployment function's memory and <c>/tmp</c>, sized from the build. The function downloads the asset zip to
/// <c>/tmp</c>, unpacks it there and runs <c>aws s3 sync</c>, so <c>/tmp</c> holds the zip and the files at once, and
/// the sync's memory grows with the number of files it compares. CDK's defaults (128 MiB, 512 MiB of <c>/tmp</c>)
/// fail large sites: "No space left on device", or the sync killed for memory.
/// </summary>
/// <param name="MemoryLimitMiB">The function's memory.</param>
/// <param name="EphemeralStorageMiB">The function's <c>/tmp</c>.</param>
internal sealed record DeploymentSize(int MemoryLimitMiB, int EphemeralStorageMiB)
{
    /// <summary>Lambda's bounds on memory and on <c>/tmp</c>, in MiB.</summary>
    public const int MinMiB = 512;
    public const int MaxMiB = 10240;

    // Memory steps: 512 MiB up to 10,000 files, then 512 MiB more per 25,000 files.
    private const int FilesAtBase = 10_000;
    private const int FilesPerStep = 25_000;
    private const int StepMiB = 512;

    // /tmp: the zip (at most the files' size) plus the unpacked files, with a quarter spare and 256 MiB for the CLI.
    private const double TmpFactor = 2.5;
    private const int TmpSpareMiB = 256;

    public static DeploymentSize For(AstroBuild build)
    {
        var files = build.StaticFiles.Count;
        var memory = MinMiB + (files <= FilesAtBase ? 0 : StepMiB * (int)Math.Ceiling((files - FilesAtBase) / (double)FilesPerStep));
        var tmp = (int)Math.Ceiling(TmpFactor * build.ClientBytes / (1024.0 * 1024.0)) + TmpSpareMiB;
        return new DeploymentSize(Math.Min(memory, MaxMiB), Math.Clamp(tmp, MinMiB, MaxMiB));
    }
}
