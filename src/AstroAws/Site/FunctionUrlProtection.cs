namespace Astro.Aws;

/// <summary>
/// How the server function URL (ssr and ssr-stream) is protected from being called directly, around CloudFront.
/// See <c>docs/function-url-protection.md</c> for what each choice costs.
/// </summary>
public enum FunctionUrlProtection
{
    /// <summary>
    /// The function URL's auth type is <c>NONE</c>: anyone who learns the URL can call the function directly, bypassing
    /// CloudFront, its cache, its WAF web ACL and its geo restriction. Every request through CloudFront works.
    /// </summary>
    None,

    /// <summary>
    /// The function URL's auth type is <c>AWS_IAM</c> and CloudFront signs its requests with an Origin Access Control
    /// of type <c>lambda</c>; only this distribution can invoke the function. A viewer's POST or PUT with a body must
    /// carry an <c>x-amz-content-sha256</c> header (the body's SHA-256), or Lambda refuses it: plain HTML form posts and
    /// Astro Actions break.
    /// </summary>
    OriginAccessControl,

    /// <summary>
    /// <see cref="OriginAccessControl"/>, plus a Lambda@Edge origin-request function (SST's
    /// <c>oac-with-edge-signing</c>) that hashes each request body into <c>x-amz-content-sha256</c>, so form posts,
    /// Astro Actions and webhooks keep working. It reads bodies up to 1 MB and answers 413 above that; it runs (and is
    /// billed) on every request that reaches the server. The stack needs an explicit region.
    /// </summary>
    OriginAccessControlWithEdgeSigning,
}
