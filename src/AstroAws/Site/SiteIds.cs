namespace Astro.Aws;

/// <summary>
/// Construct IDs of the children of <see cref="AstroAws"/>. They are part of the public contract: changing one
/// replaces the resource in every deployed stack, so a snapshot test pins them.
/// </summary>
internal static class SiteIds
{
    public const string Bucket = "Bucket";
    public const string AssetsDeployment = "AssetsDeployment";
    public const string FilesDeployment = "FilesDeployment";
    public const string FileOptionsDeployment = "FileOptionsDeployment";
    public const string Invalidation = "Invalidation";
    public const string ServerFunction = "ServerFunction";
    public const string ServerLogGroup = "ServerLogGroup";
    public const string Warmer = "Warmer";
    public const string WarmerLogGroup = "WarmerLogGroup";
    public const string WarmerSchedule = "WarmerSchedule";
    public const string WarmUp = "WarmUp";
    public const string ImageLayer = "ImageLayer";
    public const string EdgeFunction = "EdgeFunction";
    public const string UrlSigner = "UrlSigner";
    public const string RequestFunction = "RequestFunction";
    public const string ResponseFunction = "ResponseFunction";
    public const string RouteStore = "RouteStore";
    public const string ServerCachePolicy = "ServerCachePolicy";
    public const string Distribution = "Distribution";
    public const string ServerOriginAccessControl = "ServerOriginAccessControl";
    public const string S3OriginAccessControl = "S3OriginAccessControl";
    public const string CloudFrontInvokeUrlPermission = "CloudFrontInvokeUrl";
    public const string CloudFrontInvokePermission = "CloudFrontInvoke";
    public const string PublicInvokePermission = "PublicInvoke";
    public const string DomainRecords = "DomainRecords";
    public const string Certificate = "Certificate";
    public const string AliasRecordA = "A";
    public const string AliasRecordAaaa = "AAAA";
    public const string SiteUrlOutput = "SiteUrl";
    public const string CustomDomainUrlOutput = "CustomDomainUrl";
    public const string DistributionIdOutput = "DistributionId";
    public const string BucketNameOutput = "BucketName";
}
