using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront.Experimental;
using Amazon.CDK.AWS.Lambda;

namespace Astro.Aws.EdgeSigning;

/// <summary>
/// The Lambda@Edge function of <see cref="FunctionUrlProtection.OriginAccessControlWithEdgeSigning"/>: it hashes each
/// request body into <c>x-amz-content-sha256</c> before CloudFront signs the request for the function URL.
/// </summary>
internal static class UrlSigner
{
    /// <summary>The code (url-signer.js), shipped inside this assembly and deployed inline.</summary>
    public static string Code { get; } = ReadCode();

    public static EdgeFunctionProps Props => new()
    {
        Code = Amazon.CDK.AWS.Lambda.Code.FromInline(Code),
        Handler = "index.handler",
        // Lambda@Edge's list of Node.js runtimes lags Lambda's (as for edge mode's handler); Lambda@Edge runs only x86_64.
        // CDK refuses inline code for a runtime it does not know takes it, so the runtime says so (CloudFormation's
        // Code.ZipFile takes Node.js code).
        Runtime = new Runtime("nodejs22.x", RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true }),
        Architecture = Architecture.X86_64,
        // Hashing a 1 MB body takes a few milliseconds; more memory would only raise the per-request price.
        MemorySize = 128,
        Timeout = Duration.Seconds(5),
        Description = "AstroAws: hashes request bodies into x-amz-content-sha256 for the server's Origin Access Control",
    };

    private static string ReadCode()
    {
        using var stream = typeof(UrlSigner).Assembly.GetManifestResourceStream("url-signer.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
