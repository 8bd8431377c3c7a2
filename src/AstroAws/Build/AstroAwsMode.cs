namespace Astro.Aws;

/// <summary>How an Astro build is served, as written by <c>@astro-aws/adapter</c> into <c>dist/metadata.json</c>.</summary>
public enum AstroAwsMode
{
    /// <summary>No adapter (<c>output: "static"</c>): every file is served from S3.</summary>
    Static,

    /// <summary>Server rendering in a Lambda behind a buffered function URL.</summary>
    Ssr,

    /// <summary>Server rendering in a Lambda behind a RESPONSE_STREAM function URL.</summary>
    SsrStream,

    /// <summary>Server rendering in Lambda@Edge (origin-request and origin-response on the S3 origin).</summary>
    Edge,
}
