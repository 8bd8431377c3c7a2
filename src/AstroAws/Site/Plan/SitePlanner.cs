using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Astro.Aws.Overrides;
using Astro.Aws.Parts;
using Astro.Aws.Routing;
using Constructs;

namespace Astro.Aws.Plan;

/// <summary>
/// Makes the <see cref="SitePlan"/>: the one step where the caller's overrides meet our defaults (a property they set
/// wins), and where every input is checked before any construct exists, so a refusal names the prop.
/// </summary>
internal static class SitePlanner
{
    /// <param name="site">The site construct, read only for its stack's region and its unique name.</param>
    /// <param name="build">The build, read once.</param>
    /// <param name="props">The caller's props.</param>
    public static SitePlan Plan(Construct site, AstroBuild build, AstroAwsProps props)
    {
        var cdk = props.Cdk ?? new AstroAwsCdkProps();
        var paths = new SitePaths(build);
        var domain = SiteDomain.From(site, props);
        var notes = new List<SiteNote> { new(NoteLevel.Info, $"AstroAws: the build in '{build.DistDirectory}' is in {ModeName(build.Mode)} mode ({ModeMeaning(build.Mode)}).") };

        if (build.HasServer && build.ConfiguredOutput == "static")
        {
            notes.Add(new SiteNote(
                NoteLevel.Warning,
                "AstroAws: the build was made with `output: \"static\"` (Astro's default), so every page is prerendered except those that export `prerender = false`: "
                + "a form POST or an API route on a prerendered page reaches no server and fails after deploy. Set `output: \"server\"` in astro.config.mjs, or mark each on-demand page with `export const prerender = false`.",
                "@astroaws/site:staticOutput"));
        }

        RefuseObjectWriter(cdk.S3Bucket?.ObjectOwnership);
        if (props.Bucket is not null)
        {
            notes.AddRange(CallerBucketNotes(props.Bucket, cdk));
        }

        RefuseIgnoredByCdk(cdk.S3Origin?.OriginAccessControlId, "S3Origin", "set OriginAccessControl = S3OriginAccessControl.FromOriginAccessControlId(scope, id, \"<your id>\") instead");
        RefuseIgnoredByCdk(cdk.LambdaFunctionOrigin?.OriginAccessControlId, "LambdaFunctionOrigin", "to protect the function URL, set AstroAwsProps.FunctionUrlProtection = FunctionUrlProtection.OriginAccessControl");
        RefuseUnusedForMode(build, cdk, props.FunctionUrlProtection);

        var warm = WarmPlanner.Plan(build, props.Warm, cdk.LambdaFunction);
        var regional = build.Mode is AstroAwsMode.Ssr or AstroAwsMode.SsrStream ? ServerPlanner.Regional(build, cdk, props.FunctionUrlProtection, warm is not null) : null;
        var signsBodies = regional?.Protected == true && props.FunctionUrlProtection == FunctionUrlProtection.OriginAccessControlWithEdgeSigning;
        if (signsBodies)
        {
            notes.Add(new SiteNote(
                NoteLevel.Info,
                "AstroAws: FunctionUrlProtection.OriginAccessControlWithEdgeSigning: a Lambda@Edge function hashes each request body that reaches the server into x-amz-content-sha256, "
                + "so form posts and Actions work behind the Origin Access Control. Bodies over 1 MB are answered with 413. It runs, and is billed, on every server request. See docs/function-url-protection.md."));
        }
        else if (regional?.Protected == true)
        {
            notes.Add(new SiteNote(
                NoteLevel.Warning,
                "AstroAws: FunctionUrlProtection.OriginAccessControl makes Lambda refuse POST and PUT requests with a body unless the viewer sends its SHA-256 in x-amz-content-sha256, "
                + "which browsers never do: HTML form posts and Astro Actions fail. Bearer tokens reach the app in x-forwarded-authorization. See docs/function-url-protection.md.",
                "@astroaws/site:oacRequestBodies"));
        }

        var imageLayer = ImagePlanner.Plan(build, props.Images, regional?.Function, notes);
        var requestHook = ViewerHooks.Request(props.ViewerRequest);
        var responseHook = ViewerHooks.Response(props.ViewerResponse);
        var routing = RoutingPlanner.Plan(site, build, domain?.HostRedirect, regional?.Protected == true, props.RoutePlacement, requestHook);
        var responseCode = responseHook is null ? null : ViewerHooks.ResponseFunctionCode(responseHook);
        if (responseHook is not null)
        {
            ViewerHooks.RequireSize(responseHook, System.Text.Encoding.UTF8.GetByteCount(responseCode!), "the site's viewer-response function");
            ViewerHooks.RequireComposedParses(responseHook, responseCode!, "the site's viewer-response function");
        }

        notes.Add(RoutingPlanner.Note(routing));
        var invalidation = InvalidationPlanner.Plan(build, paths, props.Invalidation, cdk.S3BucketDeployment);
        var distribution = DistributionPlanner.Plan(build, paths, domain, cdk.CloudfrontDistribution, signsBodies, new ViewerHookUse(requestHook is not null, responseHook is not null));
        var outputs = new List<OutputPlan> { new(SiteIds.SiteUrlOutput, OutputValue.SiteUrl, "The site's CloudFront URL") };
        if (domain is not null)
        {
            outputs.Add(new OutputPlan(SiteIds.CustomDomainUrlOutput, OutputValue.CustomDomainUrl, "The site's URL at its primary custom domain name"));
        }

        outputs.Add(new OutputPlan(SiteIds.DistributionIdOutput, OutputValue.DistributionId, "The CloudFront distribution ID"));
        outputs.Add(new OutputPlan(SiteIds.BucketNameOutput, OutputValue.BucketName, "The bucket that holds the client files"));

        return SitePlanChecks.Validate(new SitePlan
        {
            Build = build,
            Paths = paths,
            CallerBucket = props.Bucket,
            Bucket = props.Bucket is not null ? null : PropsMerge.Overlay(
                new BucketProps
                {
                    BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
                    Encryption = BucketEncryption.S3_MANAGED,
                    EnforceSSL = true,
                    ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
                },
                cdk.S3Bucket),
            S3Origin = PropsMerge.Overlay(new S3BucketOriginWithOACProps(), cdk.S3Origin),

            // Ours only when the caller brings none: CDK's own would be named without the region.
            OurS3OriginAccessControl = cdk.S3Origin?.OriginAccessControl is null,
            RegionalServer = regional,
            Warm = warm,
            ImageLayer = imageLayer,
            EdgeServer = build.Mode == AstroAwsMode.Edge ? ServerPlanner.Edge(site, build, cdk.LambdaFunction) : null,
            UrlSigner = signsBodies ? ServerPlanner.Signer(site) : null,

            // Only when it is used: a caller's DefaultBehavior.CachePolicy replaces it.
            ServerCachePolicy = build.HasServer && cdk.CloudfrontDistribution?.DefaultBehavior?.CachePolicy is null ? BehaviorDefaults.ServerCachePolicy : null,
            Routing = routing,
            ResponseFunctionCode = responseCode,
            Distribution = distribution.Props,
            DefaultBehavior = distribution.DefaultBehavior,
            AdditionalBehaviors = distribution.AdditionalBehaviors,
            Domain = domain,
            Ipv6 = cdk.CloudfrontDistribution?.EnableIpv6 ?? true,
            Deployments = DeploymentPlanner.Plan(build, paths, cdk.S3BucketDeployment, props.FileOptions, invalidation),
            RequestedInvalidation = invalidation is { Wait: false } ? invalidation : null,
            Outputs = outputs,
            Notes = notes,
        });
    }

    private static string ModeName(AstroAwsMode mode) => mode switch
    {
        AstroAwsMode.SsrStream => "ssr-stream",
        _ => mode.ToString().ToLowerInvariant(),
    };

    private static string ModeMeaning(AstroAwsMode mode) => mode switch
    {
        AstroAwsMode.Static => "files from S3 only, no server: there is no metadata.json, so the build was made without @astro-aws/adapter and nothing renders on demand",
        AstroAwsMode.Ssr => "server pages from a Lambda function URL, buffered responses up to 6 MB",
        AstroAwsMode.SsrStream => "server pages from a Lambda function URL, streamed responses up to 200 MB",
        _ => "server pages from Lambda@Edge in us-east-1, request bodies up to 1 MB, generated responses up to 1 MB",
    };

    private static void RefuseUnusedForMode(AstroBuild build, AstroAwsCdkProps cdk, FunctionUrlProtection protection)
    {
        if (build.Mode == AstroAwsMode.Edge)
        {
            RefuseUnused(cdk.LambdaFunctionUrl, "LambdaFunctionUrl", "edge mode runs the server as Lambda@Edge, which has no function URL");
            RefuseUnused(cdk.LambdaFunctionOrigin, "LambdaFunctionOrigin", "edge mode runs the server as Lambda@Edge on the S3 origin");
            RefuseProtectionWithoutUrl(protection, "edge mode runs the server as Lambda@Edge on the S3 origin, which the S3 Origin Access Control already protects");
        }
        else if (build.Mode == AstroAwsMode.Static)
        {
            RefuseUnused(cdk.LambdaFunction, "LambdaFunction", "a static build has no server");
            RefuseUnused(cdk.LambdaFunctionUrl, "LambdaFunctionUrl", "a static build has no server");
            RefuseUnused(cdk.LambdaFunctionOrigin, "LambdaFunctionOrigin", "a static build has no server");
            RefuseProtectionWithoutUrl(protection, "a static build has no server");
        }
    }

    /// <summary>aws-cdk-lib 2.160's OriginBase accepts OriginProps.OriginAccessControlId but never renders it, so the value would vanish silently.</summary>
    private static void RefuseIgnoredByCdk(string? originAccessControlId, string propName, string instead)
    {
        if (originAccessControlId is not null)
        {
            throw new ArgumentException(
                $"AstroAwsCdkProps.{propName}.OriginAccessControlId: received '{originAccessControlId}', but aws-cdk-lib 2.160 ignores OriginAccessControlId on origins, so it would have no effect. Remove it; {instead}.",
                $"AstroAwsCdkProps.{propName}.OriginAccessControlId");
        }
    }

    /// <summary>CloudFront reads the bucket through an Origin Access Control, which needs object ownership enforced, or preferred where ACLs are needed (rule cloudfront/s3-origin-access).</summary>
    /// <summary>Refuses settings for a bucket the site will not create; says what the caller's bucket is in for.</summary>
    private static IEnumerable<SiteNote> CallerBucketNotes(IBucket bucket, AstroAwsCdkProps cdk)
    {
        if (cdk.S3Bucket is not null)
        {
            throw new ArgumentException(
                "AstroAwsCdkProps.S3Bucket: received bucket props, but AstroAwsProps.Bucket brings a bucket of yours, so the site creates none for them to configure. "
                + "Configure your bucket where you create it, and remove S3Bucket.",
                "AstroAwsCdkProps.S3Bucket");
        }

        if (cdk.S3BucketDeployment?.Prune != false)
        {
            yield return new SiteNote(
                NoteLevel.Warning,
                "AstroAws: AstroAwsProps.Bucket is your bucket, and FilesDeployment deletes every object in it (under the site's key prefix) that the build does not have. "
                + "Give the site a bucket of its own, or set AstroAwsCdkProps.S3BucketDeployment.Prune = false (old files then stay until you remove them).",
                "@astroaws/site:callerBucketPruned");
        }

        // CDK adds the bucket policy statement to a Bucket of the app; an imported one cannot be changed from here.
        if (bucket is not Amazon.CDK.AWS.S3.Bucket)
        {
            yield return new SiteNote(
                NoteLevel.Warning,
                "AstroAws: AstroAwsProps.Bucket is an imported bucket, whose policy the stack cannot change. Add a statement that allows the principal cloudfront.amazonaws.com s3:GetObject on "
                + "arn:aws:s3:::<bucket>/* with the condition StringEquals AWS:SourceArn = the distribution's ARN (the DistributionId output), or every file answers 403. "
                + "A KMS-encrypted bucket also needs kms:Decrypt for the same principal and condition in its key policy. See docs/configuring-deployment.md.",
                "@astroaws/site:importedBucketPolicy");
        }
    }

    private static void RefuseObjectWriter(ObjectOwnership? ownership)
    {
        if (ownership == ObjectOwnership.OBJECT_WRITER)
        {
            throw new ArgumentException(
                "AstroAwsCdkProps.S3Bucket.ObjectOwnership: received OBJECT_WRITER, but CloudFront reads the site bucket through an Origin Access Control, which needs the bucket owner to own every object. "
                + "Leave ObjectOwnership unset (BUCKET_OWNER_ENFORCED), or use BUCKET_OWNER_PREFERRED if you need ACLs.",
                "AstroAwsCdkProps.S3Bucket.ObjectOwnership");
        }
    }

    private static void RefuseProtectionWithoutUrl(FunctionUrlProtection protection, string why)
    {
        if (protection != FunctionUrlProtection.None)
        {
            throw new ArgumentException(
                $"AstroAwsProps.FunctionUrlProtection: received {protection}, but {why}, so there is no function URL to protect. Leave FunctionUrlProtection at None, or build the site in ssr or ssr-stream mode.",
                "AstroAwsProps.FunctionUrlProtection");
        }
    }

    private static void RefuseUnused(object? value, string propName, string why)
    {
        if (value is not null)
        {
            throw new ArgumentException(
                $"AstroAwsCdkProps.{propName}: received overrides, but {why}, so they would have no effect. Remove them, or build the site in a mode that uses them.",
                $"AstroAwsCdkProps.{propName}");
        }
    }
}
