using System.Globalization;
using System.Text;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.S3;
using Astro.Aws.Routing;
using Constructs;
using CloudFrontFunction = Amazon.CDK.AWS.CloudFront.Function;
using CloudFrontFunctionProps = Amazon.CDK.AWS.CloudFront.FunctionProps;

namespace Astro.Aws.Parts;

/// <summary>Creates the viewer-request CloudFront Function that picks the origin per request (see <see cref="RequestFunctionCode"/>).</summary>
internal static class RequestFunctionFactory
{
    // The bucket's regional domain name replaces the placeholder at deploy time and is longer; leave room for it.
    private const int DomainAllowance = 96;

    // Past this share of the limit the routing table's size is a warning, not an info.
    private const double WarnAt = 0.8;

    public static CloudFrontFunction Create(Construct scope, AstroBuild build, IBucket bucket, HostRedirect? redirect, bool carryAuthorization)
    {
        var code = build.HasServer ? ServerCode(build, redirect, carryAuthorization) : RequestFunctionCode.CreateStatic(DirectoryFormat(build), redirect);
        if (build.HasServer)
        {
            ReportSize(scope, build, Encoding.UTF8.GetByteCount(code) + DomainAllowance);
        }

        return new CloudFrontFunction(scope, SiteIds.RequestFunction, new CloudFrontFunctionProps
        {
            Code = FunctionCode.FromInline(code.Replace(RequestFunctionCode.BucketDomainPlaceholder, bucket.BucketRegionalDomainName, StringComparison.Ordinal)),
            Runtime = FunctionRuntime.JS_2_0,
            Comment = build.HasServer ? "AstroAws: routes build files to S3 and sets x-forwarded-host" : "AstroAws: maps page paths to their HTML files",
        });
    }

    /// <summary>How far the routing table is from CloudFront Functions' size limit, so a growing site sees it coming.</summary>
    private static void ReportSize(Construct scope, AstroBuild build, int size)
    {
        var files = StaticRouteTable.Create(build, SitePaths.AssetsFolder).FileCount;
        var message = string.Create(CultureInfo.InvariantCulture, $"AstroAws: the request function lists {files} file(s) outside {SitePaths.AssetsFolder}/ and is about {size} of CloudFront Functions' {RequestFunctionCode.MaxCodeBytes} bytes ({100.0 * size / RequestFunctionCode.MaxCodeBytes:0}%).");
        if (size >= WarnAt * RequestFunctionCode.MaxCodeBytes)
        {
            Annotations.Of(scope).AddWarningV2("@astroaws/site:requestFunctionSize", message + " Past the limit synthesis fails: import images, fonts and scripts from src/ so Astro fingerprints them into _astro/.");
        }
        else
        {
            Annotations.Of(scope).AddInfo(message);
        }
    }

    // build.format "directory" (Astro's default) writes about/index.html; "file" writes about.html.
    private static bool DirectoryFormat(AstroBuild build) =>
        !build.StaticFiles.Any(file => file.EndsWith(".html", StringComparison.Ordinal) && !file.EndsWith("index.html", StringComparison.Ordinal) && file != "404.html");

    private static string ServerCode(AstroBuild build, HostRedirect? redirect, bool carryAuthorization)
    {
        var table = StaticRouteTable.Create(build, SitePaths.AssetsFolder);
        var code = RequestFunctionCode.Create(table, switchToS3: build.Mode is AstroAwsMode.Ssr or AstroAwsMode.SsrStream, redirect, carryAuthorization);
        var size = Encoding.UTF8.GetByteCount(code) + DomainAllowance;
        if (size > RequestFunctionCode.MaxCodeBytes)
        {
            throw new ArgumentException(
                $"AstroAwsProps: the build has {table.FileCount} files outside {SitePaths.AssetsFolder}/, which makes the request function about {size} bytes, "
                + $"over CloudFront Functions' {RequestFunctionCode.MaxCodeBytes}-byte limit. Import images, fonts and scripts from src/ so Astro fingerprints them into "
                + $"{SitePaths.AssetsFolder}/ (served by a behavior of their own, not listed in the function), or move bulk files to a bucket of your own behind an AdditionalBehaviors entry.",
                "props");
        }

        return code;
    }
}
