using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Experimental;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Lambda;
using LogGroup = Amazon.CDK.AWS.Logs.LogGroup;
using LogGroupProps = Amazon.CDK.AWS.Logs.LogGroupProps;
using RetentionDays = Amazon.CDK.AWS.Logs.RetentionDays;
using Distribution = Amazon.CDK.AWS.CloudFront.Distribution;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Astro.Aws.Overrides;
using Astro.Aws.Parts;
using Astro.Aws.Plan;
using Astro.Aws.Routing;
using Constructs;
using CloudFrontFunction = Amazon.CDK.AWS.CloudFront.Function;
using CloudFrontFunctionProps = Amazon.CDK.AWS.CloudFront.FunctionProps;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;
using LambdaFunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;

namespace Astro.Aws.Render;

/// <summary>
/// Turns a <see cref="SitePlan"/> into constructs, in dependency order. It decides nothing: every value comes from the
/// plan, and it only supplies the references between constructs (origins, functions, policies, the store).
/// </summary>
internal static class SiteRenderer
{
    public static SiteParts Render(Construct site, SitePlan plan)
    {
        var bucket = plan.CallerBucket ?? new Bucket(site, SiteIds.Bucket, plan.Bucket!);
        var s3Origin = S3BucketOrigin.WithOriginAccessControl(bucket, PropsMerge.Overlay(
            new S3BucketOriginWithOACProps
            {
                OriginAccessControl = plan.OurS3OriginAccessControl
                    ? new S3OriginAccessControl(site, SiteIds.S3OriginAccessControl, new S3OriginAccessControlProps { OriginAccessControlName = CloudFrontNames.For(site, "S3") })
                    : null,
            },
            plan.S3Origin));
        var store = plan.Routing.Placement == RoutePlacement.KeyValueStore
            ? new KeyValueStore(site, SiteIds.RouteStore, new KeyValueStoreProps
            {
                KeyValueStoreName = plan.Routing.StoreName,
                Comment = $"AstroAws: the {plan.Routing.Table.FileCount} files the request function routes",
                Source = ImportSource.FromInline(plan.Routing.Table.ImportJson),
            })
            : null;
        var requestFunction = new CloudFrontFunction(site, SiteIds.RequestFunction, new CloudFrontFunctionProps
        {
            Code = FunctionCode.FromInline(plan.Routing.Code
                .Replace(RequestFunctionCode.BucketDomainPlaceholder, bucket.BucketRegionalDomainName, StringComparison.Ordinal)
                .Replace(RequestFunctionCode.StoreIdPlaceholder, store?.KeyValueStoreId ?? string.Empty, StringComparison.Ordinal)),
            Runtime = FunctionRuntime.JS_2_0,
            Comment = plan.Routing.Comment,
            KeyValueStore = store,
        });

        var responseFunction = plan.ResponseFunctionCode is { } responseCode
            ? new CloudFrontFunction(site, SiteIds.ResponseFunction, new CloudFrontFunctionProps
            {
                Code = FunctionCode.FromInline(responseCode),
                Runtime = FunctionRuntime.JS_2_0,
                Comment = "AstroAws: the site's AstroAwsProps.ViewerResponse",
            })
            : null;
        var imageLayer = plan.ImageLayer switch
        {
            { CallerLayer: { } theirs } => theirs,
            { Props: { } layerProps } => new LayerVersion(site, SiteIds.ImageLayer, layerProps),
            _ => null,
        };
        var server = plan.RegionalServer is { } regional ? RenderRegional(site, regional, imageLayer) : null;
        var warm = plan.Warm is { } warmPlan ? KeepWarm.ServerWarmer.Render(site, warmPlan, server!.Function) : null;
        var edgeFunction = plan.EdgeServer is { } edgeProps ? new EdgeFunction(site, SiteIds.EdgeFunction, edgeProps) : null;
        var urlSigner = plan.UrlSigner is { } signerProps ? new EdgeFunction(site, SiteIds.UrlSigner, signerProps) : null;
        var serverCachePolicy = plan.ServerCachePolicy is { } policyProps ? new CachePolicy(site, SiteIds.ServerCachePolicy, policyProps) : null;
        var targets = new BehaviorTargets(s3Origin, server?.Origin ?? (edgeFunction is null ? null : s3Origin), requestFunction, responseFunction, edgeFunction, urlSigner, serverCachePolicy);

        var distributionProps = PropsMerge.Overlay(new DistributionProps(), plan.Distribution);
        var createdCertificate = plan.Domain is { Certificate: null } domain ? domain.CreateCertificate(site) : null;
        if (createdCertificate is not null)
        {
            distributionProps.Certificate = createdCertificate;
        }

        distributionProps.DefaultBehavior = targets.Options(plan.DefaultBehavior);
        distributionProps.AdditionalBehaviors = plan.AdditionalBehaviors.ToDictionary(behavior => behavior.PathPattern!, targets.Options, StringComparer.Ordinal);
        var callerBehaviors = plan.AdditionalBehaviors.Where(behavior => behavior.Origin == OriginRole.Caller).ToDictionary(behavior => behavior.PathPattern!, behavior => behavior.Options, StringComparer.Ordinal);
        var distribution = DistributionChecks.Attach(new Distribution(site, SiteIds.Distribution, distributionProps), callerBehaviors);

        var serverAccessControl = plan.ProtectedUrl ? FunctionUrlAccessControl.Protect(site, server!.Function, server.Url, distribution) : null;
        var (a, aaaa) = plan.Domain?.CreateRecords(site, distribution, plan.Ipv6) ?? ([], []);
        var deployments = RenderDeployments(site, plan, bucket, distribution);
        var invalidation = plan.RequestedInvalidation is { } requested ? CacheInvalidation.Request(site, requested, distribution, deployments[^1]) : null;
        RenderOutputs(site, plan, bucket, distribution);
        foreach (var note in plan.Notes)
        {
            if (note.Level == NoteLevel.Warning)
            {
                Annotations.Of(site).AddWarningV2(note.WarningId!, note.Message);
            }
            else
            {
                Annotations.Of(site).AddInfo(note.Message);
            }
        }

        return new SiteParts
        {
            Bucket = bucket,
            S3Origin = s3Origin,
            RouteStore = store,
            RequestFunction = requestFunction,
            ResponseFunction = responseFunction,
            ServerFunction = server?.Function,
            ImageLayer = imageLayer,
            ServerLogGroup = server?.LogGroup,
            FunctionUrl = server?.Url,
            ServerOrigin = server?.Origin,
            EdgeFunction = edgeFunction,
            UrlSigner = urlSigner,
            ServerCachePolicy = serverCachePolicy,
            Distribution = distribution,
            ServerOriginAccessControl = serverAccessControl,
            Certificate = createdCertificate ?? plan.Domain?.Certificate,
            DomainARecords = a,
            DomainAaaaRecords = aaaa,
            AssetsDeployment = deployments[0],
            FileOptionsDeployments = deployments[1..^1],
            FilesDeployment = deployments[^1],
            Invalidation = invalidation,
            Warm = warm,
        };
    }

    private static RegionalServer RenderRegional(Construct site, RegionalServerPlan plan, ILayerVersion? imageLayer)
    {
        var logGroup = plan.OurLogGroup ? new LogGroup(site, SiteIds.ServerLogGroup, new LogGroupProps { Retention = RetentionDays.ONE_MONTH }) : null;
        var props = PropsMerge.Overlay(new LambdaFunctionProps { LogGroup = logGroup }, plan.Function);
        props.Layers = PropsMerge.Combine(imageLayer is null ? null : [imageLayer], plan.Function.Layers);
        var function = new LambdaFunction(site, SiteIds.ServerFunction, props);
        var url = function.AddFunctionUrl(plan.Url);
        if (!plan.Protected)
        {
            FunctionUrlPermissions.AllowPublicInvoke(function);
        }

        return new RegionalServer(function, logGroup, url, new FunctionUrlOrigin(url, plan.Origin));
    }

    private static BucketDeployment[] RenderDeployments(Construct site, SitePlan plan, IBucket bucket, IDistribution distribution)
    {
        var source = Source.Asset(plan.Build.ClientDirectory);
        var deployments = new List<BucketDeployment>();
        foreach (var deployment in plan.Deployments)
        {
            var props = PropsMerge.Overlay(
                new BucketDeploymentProps
                {
                    Sources = [source],
                    DestinationBucket = bucket,
                    DestinationKeyPrefix = plan.Paths.KeyPrefix.Length == 0 ? null : plan.Paths.KeyPrefix,
                    Distribution = deployment.InvalidatesSite ? distribution : null,
                },
                deployment.Props);
            var rendered = new BucketDeployment(site, deployment.Id, props);
            if (deployments.Count > 0)
            {
                rendered.Node.AddDependency(deployments[^1]);
            }

            deployments.Add(rendered);
        }

        return [.. deployments];
    }

    private static void RenderOutputs(Construct site, SitePlan plan, IBucket bucket, Distribution distribution)
    {
        foreach (var output in plan.Outputs)
        {
            var value = output.Value switch
            {
                OutputValue.SiteUrl => $"https://{distribution.DistributionDomainName}",
                OutputValue.CustomDomainUrl => $"https://{plan.Domain!.Primary}",
                OutputValue.DistributionId => distribution.DistributionId,
                _ => bucket.BucketName,
            };
            _ = new CfnOutput(site, output.Id, new CfnOutputProps { Value = value, Description = output.Description });
        }
    }

    private sealed record RegionalServer(LambdaFunction Function, LogGroup? LogGroup, FunctionUrl Url, IOrigin Origin);

    /// <summary>What a behavior plan's slots are filled with.</summary>
    private sealed record BehaviorTargets(IOrigin Files, IOrigin? Server, Amazon.CDK.AWS.CloudFront.IFunction RequestFunction, Amazon.CDK.AWS.CloudFront.IFunction? ResponseFunction, EdgeFunction? EdgeFunction, EdgeFunction? UrlSigner, ICachePolicy? ServerCachePolicy)
    {
        public IBehaviorOptions Options(BehaviorPlan plan)
        {
            if (plan.Origin == OriginRole.Caller)
            {
                return plan.Options;
            }

            var options = PropsMerge.Overlay(new BehaviorOptions(), (BehaviorOptions)plan.Options);
            options.Origin = plan.Origin == OriginRole.Files ? Files : Server!;
            if (plan.UsesServerCachePolicy)
            {
                options.CachePolicy = ServerCachePolicy;
            }

            IFunctionAssociation[] ours =
            [
                .. plan.RequestFunction ? [new FunctionAssociation { EventType = FunctionEventType.VIEWER_REQUEST, Function = RequestFunction }] : Array.Empty<IFunctionAssociation>(),
                .. plan.ResponseFunction ? [new FunctionAssociation { EventType = FunctionEventType.VIEWER_RESPONSE, Function = ResponseFunction! }] : Array.Empty<IFunctionAssociation>(),
            ];
            options.FunctionAssociations = PropsMerge.Combine(ours.Length == 0 ? null : ours, plan.Options.FunctionAssociations);
            IEdgeLambda[]? edge = plan.EdgeHandler
                ?
                [
                    new EdgeLambda { EventType = LambdaEdgeEventType.ORIGIN_REQUEST, FunctionVersion = EdgeFunction!.CurrentVersion, IncludeBody = true },
                    new EdgeLambda { EventType = LambdaEdgeEventType.ORIGIN_RESPONSE, FunctionVersion = EdgeFunction.CurrentVersion },
                ]
                : plan.SignsBodies
                    ? [new EdgeLambda { EventType = LambdaEdgeEventType.ORIGIN_REQUEST, FunctionVersion = UrlSigner!.CurrentVersion, IncludeBody = true }]
                    : null;
            options.EdgeLambdas = PropsMerge.Combine(edge, plan.Options.EdgeLambdas);
            return options;
        }
    }
}
