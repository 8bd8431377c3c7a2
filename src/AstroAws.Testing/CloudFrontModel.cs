using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Astro.Aws.Testing;

/// <summary>A viewer request, as CloudFront receives it.</summary>
/// <param name="Method">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Uri">The path, percent-encoded as a browser sends it, without the query string.</param>
/// <param name="Query">Query string parameters.</param>
/// <param name="Cookies">Cookies.</param>
/// <param name="Headers">Viewer headers; <c>Host</c> is <see cref="Host"/> unless given.</param>
public sealed record ViewerRequest(string Method, string Uri, IReadOnlyDictionary<string, string>? Query = null, IReadOnlyDictionary<string, string>? Cookies = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>The Host a request carries unless its headers name another.</summary>
    public const string Host = "www.example.com";

    /// <summary>A GET for <paramref name="uri"/>.</summary>
    public static ViewerRequest Get(string uri) => new("GET", uri);

    /// <summary>A POST for <paramref name="uri"/>.</summary>
    public static ViewerRequest Post(string uri) => new("POST", uri);

    /// <summary>This request with one more query string parameter; this one is left as it is.</summary>
    public ViewerRequest WithQuery(string name, string value) => this with { Query = With(Query, name, value) };

    /// <summary>This request with one more cookie; this one is left as it is.</summary>
    public ViewerRequest WithCookie(string name, string value) => this with { Cookies = With(Cookies, name, value) };

    /// <summary>This request with one more header; this one is left as it is.</summary>
    public ViewerRequest WithHeader(string name, string value) => this with { Headers = With(Headers, name, value) };

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string>? entries, string name, string value) =>
        new(entries ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [name] = value };
}

/// <summary>Where a request ends up and what reaches the origin.</summary>
/// <param name="PathPattern">The cache behavior that matched, or <c>(default)</c>.</param>
/// <param name="Origin"><c>s3</c>, <c>lambda-url</c>, or <c>function</c> when the request function answered by itself (<see cref="Response"/>).</param>
/// <param name="MethodAllowed">Whether the behavior allows the method (CloudFront answers 403 otherwise).</param>
/// <param name="OriginUri">The URI the origin receives.</param>
/// <param name="OriginHeaders">The viewer headers the origin receives (with the origin request policy's forwarding).</param>
/// <param name="QueryStringsReachOrigin">Whether the query string reaches the origin.</param>
/// <param name="CookiesReachOrigin">Whether cookies reach the origin.</param>
/// <param name="DefaultTtl">The cache policy's default TTL in seconds, when known.</param>
/// <param name="ResponseHeadersPolicy">The response headers policy's ID (managed) or reference.</param>
/// <param name="Response">The response the request function generated, if it answered by itself.</param>
/// <param name="EdgeFunctionEvents">The Lambda@Edge events the behavior runs (<c>origin-request</c> in edge mode, where the server renders at the edge in front of the bucket).</param>
public sealed record RoutedRequest(
    string PathPattern,
    string Origin,
    bool MethodAllowed,
    string OriginUri,
    IReadOnlyDictionary<string, string> OriginHeaders,
    bool QueryStringsReachOrigin,
    bool CookiesReachOrigin,
    double? DefaultTtl,
    string? ResponseHeadersPolicy,
    FunctionResponse? Response = null,
    IReadOnlyList<string>? EdgeFunctionEvents = null)
{
    /// <summary>
    /// Whether the request reaches the site's server: the function URL origin, or in edge mode the Astro handler, the
    /// Lambda@Edge pair on origin requests and responses in front of the bucket. An origin-request function alone (the
    /// body signer of OriginAccessControlWithEdgeSigning) is no server: on a request routed to the bucket it only passes.
    /// </summary>
    public bool ReachesServer => Origin == "lambda-url" || (Origin == "s3" && (EdgeFunctionEvents ?? []).Contains("origin-request") && (EdgeFunctionEvents ?? []).Contains("origin-response"));

    /// <summary>Whether a file in the bucket answers, with no server in between.</summary>
    public bool ReachesBucket => Origin == "s3" && !ReachesServer;

    /// <summary>Whether CloudFront's request function answered by itself (e.g. a redirect), asking no origin.</summary>
    public bool AnsweredByFunction => Response is not null;
}

/// <summary>A response the viewer-request function generated itself (e.g. a redirect): no origin is asked.</summary>
/// <param name="StatusCode">Its status code.</param>
/// <param name="Headers">Its headers.</param>
public sealed record FunctionResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A model of CloudFront's request path, read from a synthesized template: it picks the cache behavior as CloudFront
/// does (first path pattern that matches, in order, else the default), checks the allowed methods, runs the real
/// viewer-request function code in Node, and names the origin that answers ("s3" or "lambda-url"), or "function" when
/// the function answers by itself (<see cref="RoutedRequest.Response"/>).
/// </summary>
public sealed class CloudFrontModel
{
    // Managed policy IDs published by AWS.
    private const string AllViewerExceptHost = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
    private const string CachingDisabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private const string CachingOptimized = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private const string BucketDomainMarker = "BUCKET.s3.eu-west-1.amazonaws.com";
    private const string StoreIdMarker = "STORE-ID";

    /// <summary>What an origin behind an always-signing Origin Access Control receives in <c>Authorization</c>.</summary>
    public const string CloudFrontSignature = "AWS4-HMAC-SHA256 Credential=(CloudFront's signature)";

    private static readonly IReadOnlyDictionary<string, string> NoEntries = new Dictionary<string, string>();

    private readonly JsonObject resources;
    private readonly JsonObject config;
    private readonly JsonObject? store;

    /// <param name="template">The synthesized template.</param>
    /// <param name="assemblyDirectory">The cloud assembly it was written to, where a route store's import file is staged; needed only when the template has a store.</param>
    public CloudFrontModel(JsonObject template, string? assemblyDirectory = null)
    {
        resources = template["Resources"]!.AsObject();
        var distribution = resources.Single(r => (string?)r.Value!["Type"] == "AWS::CloudFront::Distribution").Value!;
        config = distribution["Properties"]!["DistributionConfig"]!.AsObject();
        store = StoreContents(assemblyDirectory);
    }

    /// <summary>The key value store's contents, as CloudFront would import them: read from the file its ImportSource names in the assembly.</summary>
    public IReadOnlyDictionary<string, string> StoreEntries =>
        (store ?? []).ToDictionary(entry => entry.Key, entry => (string)entry.Value!, StringComparer.Ordinal);

    private JsonObject? StoreContents(string? assemblyDirectory)
    {
        var kvs = resources.SingleOrDefault(r => (string?)r.Value!["Type"] == "AWS::CloudFront::KeyValueStore").Value;
        if (kvs is null)
        {
            return null;
        }

        // The SourceArn is {"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":s3:::<bucket>/<hash>.json"]]}; CDK stages that object as asset.<hash>.json.
        var parts = kvs["Properties"]!["ImportSource"]!["SourceArn"]!["Fn::Join"]![1]!.AsArray();
        var arn = string.Concat(parts.OfType<JsonValue>().Select(part => (string)part!));
        var key = arn[(arn.LastIndexOf('/') + 1)..];
        var file = Path.Combine(assemblyDirectory ?? throw new InvalidOperationException("The template has a key value store: give the model the assembly directory."), "asset." + key);
        var data = JsonNode.Parse(File.ReadAllText(file))!["data"]!.AsArray();
        var entries = new JsonObject();
        foreach (var entry in data)
        {
            entries[(string)entry!["key"]!] = (string)entry["value"]!;
        }

        return entries;
    }

    /// <summary>The model of <paramref name="stack"/>'s site: synthesizes its app and reads the stack's template and the staged assets.</summary>
    /// <param name="stack">A stack that holds one CloudFront distribution.</param>
    public static CloudFrontModel For(Amazon.CDK.Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var assembly = ((Amazon.CDK.Stage)stack.Node.Root).Synth();
        var template = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(assembly.Directory, stack.TemplateFile)))!;
        return new CloudFrontModel(template, assembly.Directory);
    }

    /// <summary>Routes a GET for <paramref name="uri"/>.</summary>
    public RoutedRequest Get(string uri) => Route(new ViewerRequest("GET", uri));

    /// <summary>Routes a POST for <paramref name="uri"/>.</summary>
    public RoutedRequest Post(string uri) => Route(new ViewerRequest("POST", uri));

    /// <summary>Routes each request, running the request function once per batch of requests that share its code.</summary>
    public IReadOnlyList<RoutedRequest> Route(params ViewerRequest[] requests)
    {
        var behaviors = requests.Select(SelectBehavior).ToList();
        var functionRuns = RunFunctions(requests, behaviors);
        return [.. requests.Select((request, i) => Describe(request, behaviors[i], functionRuns[i]))];
    }

    /// <summary>Routes one request.</summary>
    public RoutedRequest Route(ViewerRequest request) => Route([request])[0];

    private (string Pattern, JsonObject Behavior) SelectBehavior(ViewerRequest request)
    {
        foreach (var behavior in (config["CacheBehaviors"] as JsonArray ?? []).Select(b => b!.AsObject()))
        {
            var pattern = (string)behavior["PathPattern"]!;
            if (PatternMatches(pattern, request.Uri))
            {
                return (pattern, behavior);
            }
        }

        return ("(default)", config["DefaultCacheBehavior"]!.AsObject());
    }

    /// <summary>CloudFront path patterns: case-sensitive, <c>*</c> any run of characters (slashes included), <c>?</c> one character.</summary>
    public static bool PatternMatches(string pattern, string path)
    {
        var normalised = pattern.StartsWith('/') ? pattern : "/" + pattern;
        var regex = "^" + Regex.Escape(normalised).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(path, regex, RegexOptions.CultureInvariant);
    }

    private List<JsonObject?> RunFunctions(ViewerRequest[] requests, List<(string Pattern, JsonObject Behavior)> behaviors)
    {
        var results = new JsonObject?[requests.Length];
        var groups = Enumerable.Range(0, requests.Length)
            .Select(i => (Index: i, Code: ViewerRequestCode(behaviors[i].Behavior)))
            .Where(x => x.Code is not null)
            .GroupBy(x => x.Code!);
        foreach (var group in groups)
        {
            var batch = group.ToList();
            var input = new JsonObject
            {
                ["code"] = group.Key,
                ["store"] = store?.DeepClone(),
                ["requests"] = new JsonArray([.. batch.Select(x => (JsonNode)ToJson(requests[x.Index]))]),
            };
            var output = RunNode(input.ToJsonString());
            for (var i = 0; i < batch.Count; i++)
            {
                results[batch[i].Index] = output[i]!.AsObject();
            }
        }

        return [.. results];
    }

    private string? ViewerRequestCode(JsonObject behavior)
    {
        var association = (behavior["FunctionAssociations"] as JsonArray ?? [])
            .Select(a => a!.AsObject())
            .SingleOrDefault(a => (string?)a["EventType"] == "viewer-request");
        if (association is null)
        {
            return null;
        }

        var logicalId = (string)association["FunctionARN"]!["Fn::GetAtt"]![0]!;
        return Flatten(resources[logicalId]!["Properties"]!["FunctionCode"]!);
    }

    // Turns the Fn::Join CDK writes for an inline code string holding the bucket's domain token back into text.
    private static string Flatten(JsonNode node) => node switch
    {
        JsonValue value => (string)value!,
        JsonObject join when join["Fn::Join"] is JsonArray parts => string.Join((string)parts[0]!, parts[1]!.AsArray().Select(p => Flatten(p!))),
        JsonObject getAtt when getAtt["Fn::GetAtt"] is JsonArray att && (string)att[1]! == "RegionalDomainName" => BucketDomainMarker,
        JsonObject getAtt when getAtt["Fn::GetAtt"] is JsonArray att && (string)att[1]! == "Id" => StoreIdMarker,
        _ => throw new InvalidOperationException("Unexpected function code part: " + node.ToJsonString()),
    };

    private static JsonObject ToJson(ViewerRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["host"] = ViewerRequest.Host };
        foreach (var (name, value) in request.Headers ?? NoEntries)
        {
            headers[name] = value;
        }

        return new JsonObject
        {
            ["method"] = request.Method,
            ["uri"] = request.Uri,
            ["querystring"] = ToObject(request.Query),
            ["headers"] = ToObject(headers),
            ["cookies"] = ToObject(request.Cookies),
        };
    }

    private static JsonObject ToObject(IReadOnlyDictionary<string, string>? values) =>
        new([.. (values ?? NoEntries).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)JsonValue.Create(kv.Value)))]);

    private static JsonArray RunNode(string input)
    {
        var start = new ProcessStartInfo(ViewerFunctionRunner.Node, [ViewerFunctionRunner.Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The viewer function failed in Node (exit {process.ExitCode}): {stderr}");
        }

        return JsonNode.Parse(stdout)!.AsArray();
    }

    private RoutedRequest Describe(ViewerRequest request, (string Pattern, JsonObject Behavior) selected, JsonObject? run)
    {
        var behavior = selected.Behavior;
        var allowed = (behavior["AllowedMethods"] as JsonArray)?.Select(m => (string)m!).ToList() ?? ["GET", "HEAD"];
        if (run?["request"] is JsonObject generated && generated["statusCode"] is not null)
        {
            var responseHeaders = (generated["headers"] as JsonObject ?? []).ToDictionary(h => h.Key, h => (string)h.Value!["value"]!, StringComparer.OrdinalIgnoreCase);
            return new RoutedRequest(
                selected.Pattern, "function", allowed.Contains(request.Method, StringComparer.Ordinal), request.Uri, new Dictionary<string, string>(), false, false, null,
                behavior["ResponseHeadersPolicyId"]?.ToJsonString().Trim('"'), new FunctionResponse((int)generated["statusCode"]!, responseHeaders));
        }

        var originRequest = run?["request"]?.AsObject();
        var update = run?["originUpdate"] as JsonObject;

        string origin;
        if (update is not null)
        {
            origin = (string?)update["domainName"] == BucketDomainMarker && (bool?)update["originAccessControlConfig"]?["enabled"] == true && (string?)update["originAccessControlConfig"]?["originType"] == "s3"
                ? "s3"
                : "unknown:" + update.ToJsonString();
        }
        else
        {
            origin = OriginKind((string)behavior["TargetOriginId"]!);
        }

        var headers = (originRequest?["headers"] as JsonObject ?? [])
            .ToDictionary(h => h.Key, h => (string)h.Value!["value"]!, StringComparer.OrdinalIgnoreCase);
        if (originRequest is null)
        {
            foreach (var (name, value) in request.Headers ?? NoEntries)
            {
                headers[name] = value;
            }
        }

        // An Origin Access Control that always signs overwrites the viewer's Authorization with CloudFront's SigV4
        // signature (OriginAccessControlConfig.SigningBehavior in the CloudFront API reference).
        var signedByOac = update is not null
            ? (bool?)update["originAccessControlConfig"]?["enabled"] == true && (string?)update["originAccessControlConfig"]?["signingBehavior"] == "always"
            : SignsAlways((string)behavior["TargetOriginId"]!);
        if (signedByOac)
        {
            headers["authorization"] = CloudFrontSignature;
        }

        var originRequestPolicy = behavior["OriginRequestPolicyId"]?.ToJsonString().Trim('"');
        var forwardsAll = originRequestPolicy == AllViewerExceptHost;
        var queryKept = originRequest is null || (originRequest["querystring"] as JsonObject)?.Count == (request.Query?.Count ?? 0);
        return new RoutedRequest(
            selected.Pattern,
            origin,
            allowed.Contains(request.Method, StringComparer.Ordinal),
            (string?)originRequest?["uri"] ?? request.Uri,
            forwardsAll ? headers.Where(h => !h.Key.Equals("host", StringComparison.OrdinalIgnoreCase)).ToDictionary(StringComparer.OrdinalIgnoreCase) : [],
            forwardsAll && queryKept,
            forwardsAll,
            DefaultTtl(behavior["CachePolicyId"]!),
            behavior["ResponseHeadersPolicyId"]?.ToJsonString().Trim('"'),
            EdgeFunctionEvents: [.. (behavior["LambdaFunctionAssociations"] as JsonArray ?? []).Select(a => (string)a!["EventType"]!)]);
    }

    private bool SignsAlways(string originId)
    {
        var origin = config["Origins"]!.AsArray().Select(o => o!.AsObject()).Single(o => (string)o["Id"]! == originId);
        var oacId = (string?)origin["OriginAccessControlId"]?["Fn::GetAtt"]?[0];
        return oacId is not null && (string?)resources[oacId]?["Properties"]?["OriginAccessControlConfig"]?["SigningBehavior"] == "always";
    }

    private string OriginKind(string originId)
    {
        var origin = config["Origins"]!.AsArray().Select(o => o!.AsObject()).Single(o => (string)o["Id"]! == originId);
        if (origin["S3OriginConfig"] is not null)
        {
            return "s3";
        }

        var domain = origin["DomainName"]!.ToJsonString();
        return domain.Contains("FunctionUrl", StringComparison.Ordinal) ? "lambda-url" : "unknown:" + domain;
    }

    private double? DefaultTtl(JsonNode cachePolicyId)
    {
        if (cachePolicyId is JsonValue managed)
        {
            return (string)managed! switch
            {
                CachingDisabled => 0,
                CachingOptimized => 86400,
                _ => null,
            };
        }

        var logicalId = (string)cachePolicyId["Ref"]!;
        return (double?)resources[logicalId]!["Properties"]!["CachePolicyConfig"]!["DefaultTTL"];
    }
}
