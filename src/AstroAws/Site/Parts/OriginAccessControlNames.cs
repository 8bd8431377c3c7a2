using Amazon.CDK;
using Constructs;

namespace Astro.Aws.Parts;

/// <summary>
/// Names of the site's Origin Access Controls. CloudFront is global, so an OAC name must be unique in the whole account,
/// not per region (rule <c>cloudfront/origin-access-control</c>): the same stack deployed to two regions would
/// otherwise collide with "already exists". aws-cdk-lib 2.160 leaves the region out of the names it generates.
/// </summary>
internal static class OriginAccessControlNames
{
    /// <summary>CloudFront's limit on an OAC name.</summary>
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
