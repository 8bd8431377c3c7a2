using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;

namespace Astro.Aws.Preview.Origins;

/// <summary>A statement of a function's resource policy (an <c>AWS::Lambda::Permission</c>).</summary>
public sealed record PermissionStatement(string LogicalId, string Action, string Principal, string? FunctionUrlAuthType, bool InvokedViaFunctionUrl, string? SourceArn);

/// <summary>A function URL and the function behind it, read from the template.</summary>
public sealed class LambdaFunction
{
    private LambdaFunction(string urlId, string functionId, string authType, string invokeMode, string handler, string assetFolder, int timeout, Dictionary<string, string> environment, IReadOnlyList<PermissionStatement> permissions, IReadOnlyList<string> warnings)
    {
        Timeout = timeout;
        UrlId = urlId;
        FunctionId = functionId;
        AuthType = authType;
        InvokeMode = invokeMode;
        Handler = handler;
        AssetFolder = assetFolder;
        Environment = environment;
        Permissions = permissions;
        Warnings = warnings;
    }

    public string UrlId { get; }

    public string FunctionId { get; }

    /// <summary><c>NONE</c> or <c>AWS_IAM</c>.</summary>
    public string AuthType { get; }

    /// <summary><c>BUFFERED</c> or <c>RESPONSE_STREAM</c>.</summary>
    public string InvokeMode { get; }

    public string Handler { get; }

    public string AssetFolder { get; }

    /// <summary>The template's <c>Timeout</c> in seconds (Lambda's default 3): how long Lambda lets one invocation run.</summary>
    public int Timeout { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public IReadOnlyList<PermissionStatement> Permissions { get; }

    public IReadOnlyList<string> Warnings { get; }

    public static LambdaFunction Read(CloudAssembly assembly, string urlId)
    {
        var url = assembly.Resource(urlId)["Properties"]!;
        var functionId = (string?)url["TargetFunctionArn"]?["Fn::GetAtt"]?[0] ?? (string?)url["TargetFunctionArn"]?["Ref"]
            ?? throw new PreviewException($"{urlId}: TargetFunctionArn {url["TargetFunctionArn"]?.ToJsonString()} is not a function of this stack.");
        if (url["Qualifier"] is not null)
        {
            throw new PreviewException($"{urlId} points at a qualified function (alias or version): not emulated yet by astroaws preview.");
        }

        return ReadFunction(assembly, functionId, urlId, (string?)url["AuthType"] ?? "NONE", (string?)url["InvokeMode"] ?? "BUFFERED");
    }

    /// <summary>A function of the stack without a URL (API Gateway's integrations invoke it directly): <see cref="UrlId"/> is empty.</summary>
    public static LambdaFunction ReadFunction(CloudAssembly assembly, string functionId) => ReadFunction(assembly, functionId, string.Empty, "NONE", "BUFFERED");

    /// <summary>The same function with other environment variables (the preview points a WebSocket route's callback URL at itself).</summary>
    internal LambdaFunction WithEnvironment(IReadOnlyDictionary<string, string> environment) =>
        new(UrlId, FunctionId, AuthType, InvokeMode, Handler, AssetFolder, Timeout, new Dictionary<string, string>(environment, StringComparer.Ordinal), Permissions, Warnings);

    private static LambdaFunction ReadFunction(CloudAssembly assembly, string functionId, string urlId, string authType, string invokeMode)
    {
        var intrinsics = new Intrinsics(assembly);
        var function = assembly.Resource(functionId)["Properties"]!;
        var runtime = (string?)function["Runtime"] ?? string.Empty;
        if (!runtime.StartsWith("nodejs", StringComparison.Ordinal))
        {
            throw new PreviewException($"{functionId} runs {runtime}; astroaws preview runs Node.js functions only.");
        }

        var warnings = new List<string>();
        StagedAsset asset;
        if (function["Code"]?["ZipFile"] is JsonValue inline)
        {
            asset = Inline(assembly, functionId, (string)inline!);
        }
        else
        {
            var key = function["Code"]?["S3Key"] is { } s3Key
                ? intrinsics.String(s3Key, functionId)
                : throw new PreviewException($"{functionId} has no staged code (an image is not emulated).");
            asset = assembly.Asset(key);
        }

        if (!asset.IsFolder)
        {
            throw new PreviewException($"{functionId}'s code {asset.Path} is a file, not a staged folder: not emulated yet by astroaws preview.");
        }

        var timeout = (int?)function["Timeout"] ?? 3;
        var memory = (int?)function["MemorySize"] ?? 128;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_REGION"] = assembly.Region,
            ["AWS_DEFAULT_REGION"] = assembly.Region,
            ["AWS_LAMBDA_FUNCTION_NAME"] = functionId,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = memory.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_FUNCTION_TIMEOUT"] = timeout.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_EXECUTION_ENV"] = "AWS_Lambda_" + runtime,
            ["LAMBDA_TASK_ROOT"] = asset.Path,
            ["TZ"] = ":UTC",
            ["ASTROAWS_FUNCTION_ARN"] = $"arn:aws:lambda:{assembly.Region}:{Intrinsics.Account}:function:{functionId}",
        };
        foreach (var (name, value) in function["Environment"]?["Variables"] as JsonObject ?? [])
        {
            try
            {
                environment[name] = intrinsics.String(value, $"{functionId} environment {name}");
            }
            catch (PreviewException e)
            {
                warnings.Add($"{functionId}: environment variable {name} is left unset: {e.Message}");
            }
        }

        if (function["Layers"] is JsonArray { Count: > 0 } layers)
        {
            var nodePath = new List<string>();
            foreach (var layer in layers)
            {
                if (StagedLayer(assembly, intrinsics, layer, functionId) is { } folder)
                {
                    // Lambda's NODE_PATH order: the runtime-specific folder, then nodejs/node_modules (rule lambda/layer-node-path).
                    nodePath.Add(Path.Combine(folder, "nodejs", "node22", "node_modules"));
                    nodePath.Add(Path.Combine(folder, "nodejs", "node_modules"));
                }
                else
                {
                    warnings.Add($"{functionId}: a layer that is not in this assembly ({layer?.ToJsonString()}) is not mounted (code that needs it fails locally).");
                }
            }

            var existing = nodePath.Where(Directory.Exists).ToList();
            if (HostNativePackages.For(existing, warnings, functionId) is { } hostBuilds)
            {
                existing.Insert(0, hostBuilds);
            }

            environment["NODE_PATH"] = string.Join(':', existing);
        }

        var arn = environment["ASTROAWS_FUNCTION_ARN"];
        var permissions = new List<PermissionStatement>();
        foreach (var (logicalId, permission) in assembly.ResourcesOfType("AWS::Lambda::Permission"))
        {
            var p = permission["Properties"]!;
            var target = p["FunctionName"];
            var targetsThis = (string?)target?["Fn::GetAtt"]?[0] == functionId || (string?)target?["Ref"] == functionId
                || (target is JsonValue literal && ((string?)literal == arn || (string?)literal == functionId));
            if (!targetsThis)
            {
                continue;
            }

            string? sourceArn = null;
            if (p["SourceArn"] is { } source)
            {
                sourceArn = intrinsics.String(source, logicalId);
            }

            permissions.Add(new PermissionStatement(
                logicalId,
                (string)p["Action"]!,
                intrinsics.String(p["Principal"], logicalId),
                (string?)p["FunctionUrlAuthType"],
                (bool?)p["InvokedViaFunctionUrl"] == true,
                sourceArn));
        }

        return new LambdaFunction(urlId, functionId, authType, invokeMode, (string)function["Handler"]!, asset.Path, timeout, environment, permissions, warnings);
    }

    /// <summary>
    /// Why Lambda would refuse a request CloudFront sends to this URL (it answers 403 before the function runs), or null
    /// when the resource policy allows it: see docs/aws-rules.md rows lambda/url-invoke-function and lambda/url-oac-permissions.
    /// </summary>
    /// <param name="signedByCloudFront">Whether CloudFront signs the request (an Origin Access Control that signs it).</param>
    /// <param name="distributionArn">The distribution the request comes from.</param>
    /// <param name="bodyHashed">For a request with a body, whether it carries x-amz-content-sha256 (CloudFront does not hash bodies for Lambda).</param>
    public string? Refusal(bool signedByCloudFront, string distributionArn, bool hasBody, bool bodyHashed)
    {
        static bool Grants(PermissionStatement s, string action) => s.Action == action || s.Action == "lambda:*";
        if (AuthType == "NONE")
        {
            var url = Permissions.Any(s => Grants(s, "lambda:InvokeFunctionUrl") && s.Principal == "*" && s.FunctionUrlAuthType == "NONE");
            var invoke = Permissions.Any(s => Grants(s, "lambda:InvokeFunction") && s.Principal == "*");
            return (url, invoke) switch
            {
                (true, true) => null,
                (false, _) => "no resource-policy statement lets principal * call lambda:InvokeFunctionUrl with FunctionUrlAuthType NONE",
                (_, false) => "no resource-policy statement lets principal * call lambda:InvokeFunction (InvokedViaFunctionUrl); since October 2025 a NONE URL needs both",
            };
        }

        if (AuthType != "AWS_IAM")
        {
            return $"unknown AuthType {AuthType}";
        }

        if (!signedByCloudFront)
        {
            return "the URL's AuthType is AWS_IAM but CloudFront does not sign the request (no Origin Access Control that signs it)";
        }

        if (hasBody && !bodyHashed)
        {
            return "the request has a body but no x-amz-content-sha256 header: CloudFront's SigV4 signature for a Lambda origin does not cover the body, so Lambda refuses it";
        }

        bool FromCloudFront(PermissionStatement s) => s.Principal == "cloudfront.amazonaws.com" && (s.SourceArn is null || s.SourceArn == distributionArn);
        var urlGrant = Permissions.Any(s => Grants(s, "lambda:InvokeFunctionUrl") && FromCloudFront(s) && s.FunctionUrlAuthType == "AWS_IAM");
        var invokeGrant = Permissions.Any(s => Grants(s, "lambda:InvokeFunction") && FromCloudFront(s));
        return (urlGrant, invokeGrant) switch
        {
            (true, true) => null,
            (false, _) => "no resource-policy statement lets cloudfront.amazonaws.com (from this distribution) call lambda:InvokeFunctionUrl with FunctionUrlAuthType AWS_IAM",
            (_, false) => "no resource-policy statement lets cloudfront.amazonaws.com (from this distribution) call lambda:InvokeFunction",
        };
    }

    // CloudFormation writes a Node.js function's inline ZipFile code to a file named index.js (AWS::Lambda::Function Code).
    private static StagedAsset Inline(CloudAssembly assembly, string functionId, string code)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"astroaws-inline-{System.Environment.ProcessId}", assembly.StackName, functionId);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "index.js"), code);
        // Lambda loads index.js as CommonJS; a package.json further up (type: module) must not change that here.
        File.WriteAllText(Path.Combine(folder, "package.json"), "{\"type\":\"commonjs\"}");
        return new StagedAsset(functionId, folder, "inline");
    }

    /// <summary>The staged folder of a layer of this stack (<c>{"Ref": "Layer"}</c> to an AWS::Lambda::LayerVersion with staged content), or null.</summary>
    private static string? StagedLayer(CloudAssembly assembly, Intrinsics intrinsics, JsonNode? layer, string functionId)
    {
        var layerId = (string?)layer?["Ref"];
        var resource = assembly.ResourcesOfType("AWS::Lambda::LayerVersion").Where(r => r.LogicalId == layerId).Select(r => r.Resource).FirstOrDefault();
        if (layerId is null || resource is null)
        {
            return null;
        }

        var key = resource["Properties"]?["Content"]?["S3Key"] is { } s3Key ? intrinsics.String(s3Key, $"{functionId} layer {layerId}") : null;
        return key is not null && assembly.Asset(key) is { IsFolder: true } asset ? asset.Path : null;
    }
}
