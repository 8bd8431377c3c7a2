using Amazon.CDK;
using Constructs;

namespace Astro.Aws.Parts;

/// <summary>
/// Names of the site's CloudFront resources that are named per account, not per region: Origin Access Controls and
/// the routing KeyValueStore. The same stack deployed to two regions would otherwise collide with "already exists"
/// (rule <c>cloudfront/origin-access-control</c>); aws-cdk-lib 2.160 leaves the region out of the names it generates.
/// </summary>
internal static class CloudFrontNames
{
    /// <summary>CloudFront's limit on an OAC name and on a KeyValueStore name.</summary>
    public const int MaxLength = 64;

    // The longest region names today have 14 characters (ap-southeast-5, eusc-de-east-1); an unresolved region gets room for 16.
    private const int UnresolvedRegionLength = 16;

    /// <summary><c>{site's unique name}-{purpose}-{region}</c>, at most 64 characters once the region is known.</summary>
    public static string For(Construct site, string purpose)
    {
        var region = Stack.Of(site).Region;
        var regionLength = Token.IsUnresolved(region) ? UnresolvedRegionLength : region.Length;
        var unique = Names.UniqueResourceName(site, new UniqueResourceNameOptions { MaxLength = MaxLength - purpose.Length - regionLength - 2 });
        return $"{unique}-{purpose}-{region}";
    }
}
