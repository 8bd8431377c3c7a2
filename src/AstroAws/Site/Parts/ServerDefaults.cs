using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace Astro.Aws.Parts;

/// <summary>Figures the server parts share, each with the reason it has that value.</summary>
internal static class ServerDefaults
{
    /// <summary>The adapter's bundle exports <c>handler</c> from <c>entry.mjs</c>.</summary>
    public const string Handler = "entry.handler";

    /// <summary>1024 MB: SSR is CPU-bound and Lambda's CPU grows with memory; the original's 512 MB renders slowly.</summary>
    public const double MemorySize = 1024;

    /// <summary>CloudFront waits this long for the function URL before answering 504 (its default origin read timeout).</summary>
    public static Duration OriginReadTimeout => Duration.Seconds(30);

    /// <summary>Below <see cref="OriginReadTimeout"/>, so a slow render ends in Lambda's log, not in an anonymous 504.</summary>
    public static Duration Timeout => Duration.Seconds(25);

    /// <summary>aws-cdk-lib 2.160 has no constant for Node.js 24, so the runtime is named by its identifier.</summary>
    public static Runtime Node24 => new("nodejs24.x", RuntimeFamily.NODEJS);
}
