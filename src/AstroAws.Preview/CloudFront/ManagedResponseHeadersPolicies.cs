namespace Astro.Aws.Preview.CloudFront;

/// <summary>
/// CloudFront's five managed response headers policies as AWS publishes them ("Use managed response headers policies",
/// CloudFront Developer Guide). The stored copy of that page keeps the prose and SimpleCORS's table but not the other
/// tables; their header values are the ones two independent public emulators transcribed from it (docs/aws-rules.md,
/// row cloudfront/managed-response-headers), and every override flag follows the page's prose.
/// </summary>
internal static class ManagedResponseHeadersPolicies
{
    public const string SecurityHeadersPolicyId = "67f7725c-6f97-4210-82d7-5512b31e9d03";
    public const string CorsWithPreflightAndSecurityHeadersId = "eaab4381-ed33-4a86-88ca-d9558dc6cd63";
    public const string CorsAndSecurityHeadersId = "e61eb60c-9c35-4d20-a928-2b84e02af89c";
    public const string SimpleCorsId = "60669652-455b-4ae9-85a4-c4c02393f86c";
    public const string CorsWithPreflightId = "5cc3b908-e619-4b99-88e5-2cf7f45965bd";

    // "CloudFront adds X-Content-Type-Options: nosniff to all responses ... For all other headers in this policy, if the
    // response that CloudFront receives from the origin includes the header, CloudFront uses the received header".
    private static readonly PolicyHeader[] SecurityHeaders =
    [
        new("Referrer-Policy", "strict-origin-when-cross-origin", false),
        new("Strict-Transport-Security", "max-age=31536000", false),
        new("X-Content-Type-Options", "nosniff", true),
        new("X-Frame-Options", "SAMEORIGIN", false),
        new("X-XSS-Protection", "1; mode=block", false),
    ];

    // SimpleCORS: "CloudFront adds the header Access-Control-Allow-Origin: * to all responses for simple CORS requests",
    // and the origin's own header wins. CORS-With-Preflight adds only this one to simple CORS requests too.
    private static readonly PolicyHeader[] AnyOrigin = [new("Access-Control-Allow-Origin", "*", false)];

    // CORS-With-Preflight: "For preflight requests ... CloudFront adds all three of the following headers" (this pair
    // and Access-Control-Allow-Origin); "If the response ... from the origin includes any of these headers, CloudFront
    // uses the received header". The policy has no Access-Control-Allow-Headers or Access-Control-Max-Age.
    private static readonly PolicyHeader[] PreflightAnswer =
    [
        new("Access-Control-Allow-Methods", "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT", false),
        new("Access-Control-Expose-Headers", "*", false),
    ];

    public static ResponseHeadersPolicy? Find(string id) => id switch
    {
        SecurityHeadersPolicyId => new("SecurityHeadersPolicy", SecurityHeaders, [], [], [], null),
        CorsWithPreflightAndSecurityHeadersId => new("CORS-with-preflight-and-SecurityHeadersPolicy", SecurityHeaders, AnyOrigin, PreflightAnswer, [], null),
        CorsAndSecurityHeadersId => new("CORS-and-SecurityHeadersPolicy", SecurityHeaders, AnyOrigin, [], [], null),
        SimpleCorsId => new("SimpleCORS", [], AnyOrigin, [], [], null),
        CorsWithPreflightId => new("CORS-With-Preflight", [], AnyOrigin, PreflightAnswer, [], null),
        _ => null,
    };
}
