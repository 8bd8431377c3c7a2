namespace Astro.Aws.Rules.S3;

/// <summary>Reads buckets of a template.</summary>
internal static class Buckets
{
    /// <summary>The bucket's ObjectOwnership as written; null when unset (S3's default, BucketOwnerEnforced) or not a literal.</summary>
    public static string? Ownership(CfnResourceView bucket) =>
        CfnTemplate.Text(bucket.Property("OwnershipControls", "Rules")?.AsArray().FirstOrDefault()?["ObjectOwnership"]);
}
