using System.Text;
using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;

namespace Astro.Aws.Preview.CloudFront;

/// <summary>An origin of a distribution, as the preview serves it.</summary>
public abstract record Origin(string Id, string DomainName);

/// <summary>An S3 bucket origin; <paramref name="HasOac"/> when an Origin Access Control signs CloudFront's requests.</summary>
public sealed record BucketOrigin(string Id, string DomainName, string BucketId, bool HasOac) : Origin(Id, DomainName);

/// <summary>
/// A Lambda function URL origin (a custom origin whose domain is the URL's); <paramref name="ReadTimeout"/> is its
/// CustomOriginConfig's OriginReadTimeout in seconds, CloudFront's default 30 (rule cloudfront/origin-timeout).
/// </summary>
public sealed record FunctionUrlOrigin(string Id, string DomainName, string UrlId, string? OacSigning, int ReadTimeout = 30) : Origin(Id, DomainName);

/// <summary>A cloudfront-js-2.0 function associated with a behavior, and its key value store's contents.</summary>
public sealed record ViewerFunction(string LogicalId, string Code, JsonObject? Store);

/// <summary>A cache behavior, with what it refers to resolved.</summary>
public sealed record Behavior(
    string PathPattern,
    IReadOnlyList<string> AllowedMethods,
    string ViewerProtocolPolicy,
    string TargetOriginId,
    CachePolicy CachePolicy,
    OriginRequestPolicy? OriginRequestPolicy,
    ResponseHeadersPolicy? ResponseHeadersPolicy,
    ViewerFunction? ViewerRequest,
    ViewerFunction? ViewerResponse,
    EdgeAssociation? OriginRequestEdge = null,
    EdgeAssociation? OriginResponseEdge = null)
{
    public const string DefaultPattern = "(default)";
}

/// <summary>A custom error response: what CloudFront answers instead of an origin's error status.</summary>
public sealed record CustomErrorResponse(int ErrorCode, int? ResponseCode, string? ResponsePagePath, double ErrorCachingMinTtl);

/// <summary>One CloudFront distribution of the stack, read from the template.</summary>
public sealed class Distribution
{
    /// <summary>CloudFront Functions' maximum function size, 10 KB (CloudFront quotas).</summary>
    public const int MaxFunctionBytes = 10 * 1024;

    private Distribution(string logicalId, IReadOnlyList<Behavior> behaviors, Behavior defaultBehavior, IReadOnlyDictionary<string, Origin> origins, IReadOnlyList<CustomErrorResponse> errors, IReadOnlyList<string> warnings)
    {
        LogicalId = logicalId;
        Behaviors = behaviors;
        DefaultBehavior = defaultBehavior;
        Origins = origins;
        ErrorResponses = errors;
        Warnings = warnings;
    }

    public string LogicalId { get; }

    /// <summary>The ordered cache behaviors, in the order CloudFront evaluates them.</summary>
    public IReadOnlyList<Behavior> Behaviors { get; }

    public Behavior DefaultBehavior { get; }

    public IReadOnlyDictionary<string, Origin> Origins { get; }

    public IReadOnlyList<CustomErrorResponse> ErrorResponses { get; }

    /// <summary>What the preview does not emulate for this distribution, to print at start.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The first behavior whose path pattern matches, in order, else the default (CloudFront's matching).</summary>
    public Behavior Match(string path) =>
        Behaviors.FirstOrDefault(b => Astro.Aws.Testing.CloudFrontModel.PatternMatches(b.PathPattern, path)) ?? DefaultBehavior;

    public static IReadOnlyList<Distribution> ReadAll(CloudAssembly assembly)
    {
        var intrinsics = new Intrinsics(assembly);
        return [.. assembly.ResourcesOfType("AWS::CloudFront::Distribution").Select(d => Read(assembly, intrinsics, d.LogicalId, d.Resource))];
    }

    private static Distribution Read(CloudAssembly assembly, Intrinsics intrinsics, string logicalId, JsonObject resource)
    {
        var config = resource["Properties"]?["DistributionConfig"]?.AsObject() ?? throw new PreviewException($"{logicalId} has no DistributionConfig.");
        var warnings = new List<string>();
        var origins = new Dictionary<string, Origin>(StringComparer.Ordinal);
        foreach (var node in config["Origins"]?.AsArray() ?? [])
        {
            var origin = ReadOrigin(assembly, intrinsics, logicalId, node!.AsObject(), warnings);
            origins[origin.Id] = origin;
        }

        foreach (var group in OriginGroups.Read(logicalId, config["OriginGroups"], origins))
        {
            origins[group.Id] = group;
        }

        var behaviors = (config["CacheBehaviors"] as JsonArray ?? [])
            .Select(b => ReadBehavior(assembly, intrinsics, logicalId, b!.AsObject(), (string)b["PathPattern"]!, origins, warnings))
            .ToList();
        var defaultBehavior = ReadBehavior(assembly, intrinsics, logicalId, config["DefaultCacheBehavior"]!.AsObject(), Behavior.DefaultPattern, origins, warnings);
        var errors = (config["CustomErrorResponses"] as JsonArray ?? [])
            .Select(e => new CustomErrorResponse(
                (int)e!["ErrorCode"]!,
                (int?)e["ResponseCode"],
                (string?)e["ResponsePagePath"],
                (double?)e["ErrorCachingMinTTL"] ?? 10))
            .ToList();
        foreach (var warning in behaviors.Append(defaultBehavior).Select(b => b.ResponseHeadersPolicy?.Warning).OfType<string>().Distinct())
        {
            warnings.Add(warning);
        }

        return new Distribution(logicalId, behaviors, defaultBehavior, origins, errors, warnings);
    }

    private static Origin ReadOrigin(CloudAssembly assembly, Intrinsics intrinsics, string distributionId, JsonObject origin, List<string> warnings)
    {
        var id = (string)origin["Id"]!;
        var where = $"{distributionId} origin {id}";
        var domain = intrinsics.String(origin["DomainName"], where);
        string? oacSigning = null;
        if (origin["OriginAccessControlId"] is { } oacRef)
        {
            var oacId = (string?)oacRef["Fn::GetAtt"]?[0] ?? (string?)oacRef["Ref"] ?? throw new PreviewException($"{where}: OriginAccessControlId {oacRef.ToJsonString()} cannot be resolved.");
            oacSigning = (string?)assembly.Resource(oacId)["Properties"]?["OriginAccessControlConfig"]?["SigningBehavior"] ?? "always";
        }

        if (origin["OriginPath"] is JsonValue path && ((string?)path)?.Length > 0)
        {
            throw new PreviewException($"{where} has an OriginPath: not emulated yet by astroaws preview.");
        }

        if (origin["S3OriginConfig"] is not null)
        {
            var bucket = assembly.ResourcesOfType("AWS::S3::Bucket").Select(b => b.LogicalId).FirstOrDefault(b => Intrinsics.BucketDomain(b, intrinsics.Region) == domain)
                ?? throw new PreviewException($"{where}: the S3 origin {domain} is no bucket of this stack.");
            if (oacSigning is null)
            {
                warnings.Add($"{where}: an S3 origin without Origin Access Control is served like one with it.");
            }

            return new BucketOrigin(id, domain, bucket, oacSigning is not null);
        }

        var url = assembly.ResourcesOfType("AWS::Lambda::Url").Select(u => u.LogicalId).FirstOrDefault(u => new Uri(Intrinsics.FunctionUrl(u, intrinsics.Region)).Host == domain);
        if (url is not null)
        {
            return new FunctionUrlOrigin(id, domain, url, oacSigning, (int?)origin["CustomOriginConfig"]?["OriginReadTimeout"] ?? 30);
        }

        throw new PreviewException($"{where}: the origin {domain} is neither a bucket nor a function URL of this stack; astroaws preview cannot emulate it.");
    }

    private static Behavior ReadBehavior(CloudAssembly assembly, Intrinsics intrinsics, string distributionId, JsonObject behavior, string pattern, Dictionary<string, Origin> origins, List<string> warnings)
    {
        var where = $"{distributionId} behavior {pattern}";
        var edge = (behavior["LambdaFunctionAssociations"] as JsonArray ?? []).Select(e => EdgeFunctions.Read(assembly, where, e!.AsObject())).ToList();
        if (edge.Count > 0 && origins.GetValueOrDefault((string)behavior["TargetOriginId"]!) is OriginGroup)
        {
            throw new PreviewException($"{where}: Lambda@Edge on a behavior onto an origin group is not emulated yet by astroaws preview.");
        }

        if (behavior["ForwardedValues"] is not null)
        {
            throw new PreviewException($"{where} uses legacy ForwardedValues instead of a cache policy: not emulated by astroaws preview.");
        }

        var target = (string)behavior["TargetOriginId"]!;
        if (!origins.ContainsKey(target))
        {
            throw new PreviewException($"{where} targets the origin {target}, which the distribution does not have.");
        }

        var allowedMethods = (behavior["AllowedMethods"] as JsonArray)?.Select(m => (string)m!).ToList() ?? ["GET", "HEAD"];
        OriginGroups.CheckMethods(where, origins[target], allowedMethods);

        ViewerFunction? request = null;
        ViewerFunction? response = null;
        foreach (var association in behavior["FunctionAssociations"] as JsonArray ?? [])
        {
            var function = ReadFunction(assembly, intrinsics, where, association!["FunctionARN"]!, warnings);
            switch ((string?)association["EventType"])
            {
                case "viewer-request":
                    request = function;
                    break;
                case "viewer-response":
                    response = function;
                    break;
                default:
                    throw new PreviewException($"{where}: function event {(string?)association["EventType"]} is unknown.");
            }
        }

        _ = warnings;
        return new Behavior(
            pattern,
            allowedMethods,
            (string?)behavior["ViewerProtocolPolicy"] ?? "allow-all",
            target,
            behavior["CachePolicyId"] is { } cachePolicyId
                ? CachePolicy.Resolve(cachePolicyId, assembly, where)
                : throw new PreviewException($"{where} has no CachePolicyId."),
            OriginRequestPolicy.Resolve(behavior["OriginRequestPolicyId"], assembly, where),
            ResponseHeadersPolicy.Resolve(behavior["ResponseHeadersPolicyId"], assembly, where),
            request,
            response,
            edge.FirstOrDefault(e => e.EventType == "origin-request"),
            edge.FirstOrDefault(e => e.EventType == "origin-response"));
    }

    private static ViewerFunction ReadFunction(CloudAssembly assembly, Intrinsics intrinsics, string where, JsonNode arn, List<string> warnings)
    {
        var logicalId = (string?)arn["Fn::GetAtt"]?[0] ?? throw new PreviewException($"{where}: the function {arn.ToJsonString()} is not a function of this stack.");
        var properties = assembly.Resource(logicalId)["Properties"]!;
        var runtime = (string?)properties["FunctionConfig"]?["Runtime"];
        if (runtime is not ("cloudfront-js-2.0" or "cloudfront-js-1.0"))
        {
            throw new PreviewException($"{where}: {logicalId} runs {runtime}; astroaws preview emulates cloudfront-js-1.0 and cloudfront-js-2.0 only.");
        }

        var code = intrinsics.String(properties["FunctionCode"], logicalId);
        if (runtime == "cloudfront-js-1.0")
        {
            ViewerFunctions1.Check(logicalId, code, properties["FunctionConfig"], warnings);
        }

        if (Encoding.UTF8.GetByteCount(code) > MaxFunctionBytes)
        {
            throw new PreviewException($"{logicalId}'s code is {Encoding.UTF8.GetByteCount(code)} bytes; CloudFront Functions allow {MaxFunctionBytes}.");
        }

        var storeArns = properties["FunctionConfig"]?["KeyValueStoreAssociations"] as JsonArray ?? [];
        JsonObject? store = null;
        foreach (var association in storeArns)
        {
            var storeId = (string?)association!["KeyValueStoreARN"]?["Fn::GetAtt"]?[0] ?? throw new PreviewException($"{logicalId}: key value store {association.ToJsonString()} is not one of this stack.");
            store = ReadStore(assembly, intrinsics, storeId);
        }

        return new ViewerFunction(logicalId, code, store);
    }

    // CloudFront imports a store's initial contents from the S3 object its ImportSource names; CDK stages that object.
    private static JsonObject ReadStore(CloudAssembly assembly, Intrinsics intrinsics, string storeId)
    {
        var source = assembly.Resource(storeId)["Properties"]?["ImportSource"];
        if (source is null)
        {
            return [];
        }

        var arn = intrinsics.String(source["SourceArn"], storeId);
        var key = arn[(arn.LastIndexOf('/') + 1)..];
        var asset = assembly.Asset(key);
        var data = JsonNode.Parse(File.ReadAllText(asset.Path))!["data"]!.AsArray();
        var entries = new JsonObject();
        foreach (var entry in data)
        {
            entries[(string)entry!["key"]!] = (string)entry["value"]!;
        }

        return entries;
    }
}
