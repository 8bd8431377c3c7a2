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
}
