using Amazon.CDK.AWS.S3.Deployment;

namespace Astro.Aws;

/// <summary>
/// The object metadata S3 serves some of the build's files with (SST's <c>fileOptions</c>): files outside
/// <c>_astro/</c> that match <see cref="Files"/> are uploaded by a deployment of their own, with this Cache-Control and
/// content type. See <c>docs/configuring-deployment.md</c>.
/// </summary>
public sealed class AstroAwsFileOptions
{
    /// <summary>
    /// Globs relative to the build's client folder, as <c>aws s3 sync --include</c> matches them: <c>*</c> matches any
    /// characters, <c>/</c> included, <c>?</c> one character, <c>[abc]</c> one of those. E.g. <c>*.txt</c>,
    /// <c>feeds/*.xml</c>. Checked at synth against the build's files: each must match a file, no file may match two
    /// entries, and none may match a file in <c>_astro/</c> (hashed assets stay immutable).
    /// </summary>
    public required string[] Files { get; init; }

    /// <summary>The Cache-Control S3 serves these files with.</summary>
    /// <value>Default: the site's for files outside <c>_astro/</c>: <c>public,max-age=0,s-maxage=86400,stale-while-revalidate=86400</c>.</value>
    public CacheControl[]? CacheControl { get; init; }

    /// <summary>The Content-Type S3 serves these files with, e.g. <c>text/plain; charset=utf-8</c>.</summary>
    /// <value>Default: guessed from each file's extension by the upload, without a charset.</value>
    public string? ContentType { get; init; }
}
