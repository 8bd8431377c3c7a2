using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Constructs;

namespace Astro.Aws.Sample;

/// <summary>
/// The guide's "different behaviors for API and pages" example in C#: each override replaces only the property it
/// names; CORS, origin request policy, viewer protocol and the request function keep their defaults.
/// </summary>
public sealed class CustomPoliciesStack : Stack
{
    public CustomPoliciesStack(Construct scope, string id, IStackProps props)
        : base(scope, id, props)
    {
        // The guide's API policy sets all three TTLs to 0, which CloudFront refuses while cookies or query strings are in
        // the key (caching disabled means an empty key). A MaxTtl of 1 s keeps the key: a response is cached for at
        // most a second, and only when the API sends Cache-Control (DefaultTtl 0).
        var apiCachePolicy = new CachePolicy(this, "ApiCachePolicy", new CachePolicyProps
        {
            CookieBehavior = CacheCookieBehavior.All(),
            QueryStringBehavior = CacheQueryStringBehavior.All(),
            DefaultTtl = Duration.Seconds(0),
            MinTtl = Duration.Seconds(0),
            MaxTtl = Duration.Seconds(1),
        });
        var pageCachePolicy = new CachePolicy(this, "PageCachePolicy", new CachePolicyProps
        {
            CookieBehavior = CacheCookieBehavior.None(),
            QueryStringBehavior = CacheQueryStringBehavior.All(),
            MinTtl = Duration.Seconds(0),
            DefaultTtl = Duration.Minutes(5),
            MaxTtl = Duration.Days(1),
        });

        new AstroAws(this, "AstroAWS", new AstroAwsProps
        {
            WebsiteDir = SamplePaths.AstroSite,
            Cdk = new AstroAwsCdkProps
            {
                CloudfrontDistribution = new AstroAwsDistributionProps
                {
                    ApiBehavior = new AddBehaviorOptions { CachePolicy = apiCachePolicy },
                    DefaultBehavior = new AddBehaviorOptions { CachePolicy = pageCachePolicy },
                },
            },
        });
    }
}
