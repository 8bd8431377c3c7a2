using System.Text.Json.Nodes;

namespace Astro.Aws.Preview.Assembly;

/// <summary>
/// Resolves the CloudFormation intrinsics a CDK template uses into the stand-in values the preview recognises again:
/// a resource's <c>Ref</c> is its logical ID, a bucket's regional domain is <c>&lt;id&gt;.s3.&lt;region&gt;.amazonaws.com</c>, a
/// function URL is <c>https://&lt;id&gt;.lambda-url.&lt;region&gt;.on.aws/</c>. Anything else is a <see cref="PreviewException"/>:
/// a guess would be a silent wrong answer.
/// </summary>
public sealed class Intrinsics(CloudAssembly assembly)
{
    public const string Account = "123456789012";

    public string Region => assembly.Region;

    public static string BucketDomain(string bucketId, string region) => $"{bucketId.ToLowerInvariant()}.s3.{region}.amazonaws.com";

    public static string FunctionUrl(string urlId, string region) => $"https://{urlId.ToLowerInvariant()}.lambda-url.{region}.on.aws/";

    public static string DistributionArn(string distributionId) => $"arn:aws:cloudfront::{Account}:distribution/{distributionId}";

    public string String(JsonNode? node, string where) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value => value.ToJsonString(),
        JsonObject o when o["Ref"] is JsonValue r => Ref((string)r!, where),
        JsonObject o when o["Fn::GetAtt"] is JsonArray att => GetAtt((string)att[0]!, (string)att[1]!, where),
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join((string)join[0]!, join[1]!.AsArray().Select(p => String(p, where))),
        JsonObject o when o["Fn::Select"] is JsonArray select => Select(select, where),
        JsonObject o when o["Fn::Sub"] is JsonValue sub => Sub((string)sub!, where),
        _ => throw new PreviewException($"{where}: the intrinsic {node?.ToJsonString()} cannot be resolved locally."),
    };

    private string Select(JsonArray select, string where)
    {
        var index = (int)select[0]!;
        var list = select[1] is JsonObject o && o["Fn::Split"] is JsonArray split
            ? String(split[1], where).Split((string)split[0]!)
            : [.. select[1]!.AsArray().Select(p => String(p, where))];
        return index < list.Length ? list[index] : throw new PreviewException($"{where}: Fn::Select index {index} is out of range.");
    }

    private string Sub(string text, string where) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\$\{([^}]+)\}", m =>
        {
            var name = m.Groups[1].Value;
            return name.Contains('.', StringComparison.Ordinal)
                ? GetAtt(name[..name.IndexOf('.', StringComparison.Ordinal)], name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..], where)
                : Ref(name, where);
        });

    private string Ref(string name, string where) => name switch
    {
        "AWS::Partition" => "aws",
        "AWS::Region" => Region,
        "AWS::AccountId" => Account,
        "AWS::URLSuffix" => "amazonaws.com",
        "AWS::StackName" => assembly.StackName,
        _ when assembly.Resources[name] is not null => name,
        _ => throw new PreviewException($"{where}: Ref {name} is a parameter or pseudo parameter the preview has no value for."),
    };

    private string GetAtt(string logicalId, string attribute, string where)
    {
        var type = (string?)assembly.Resource(logicalId)["Type"];
        return (type, attribute) switch
        {
            ("AWS::S3::Bucket", "RegionalDomainName") => BucketDomain(logicalId, Region),
            ("AWS::S3::Bucket", "DomainName") => $"{logicalId.ToLowerInvariant()}.s3.amazonaws.com",
            ("AWS::Lambda::Url", "FunctionUrl") => FunctionUrl(logicalId, Region),
            ("AWS::Lambda::Function", "Arn") => $"arn:aws:lambda:{Region}:{Account}:function:{logicalId}",
            ("AWS::CloudFront::Function", "FunctionARN") => $"arn:aws:cloudfront::{Account}:function/{logicalId}",
            ("AWS::CloudFront::KeyValueStore", "Arn") => $"arn:aws:cloudfront::{Account}:key-value-store/{logicalId}",
            ("AWS::CloudFront::KeyValueStore", "Id") => logicalId,
            ("AWS::CloudFront::OriginAccessControl", "Id") => logicalId,
            ("AWS::CloudFront::CachePolicy" or "AWS::CloudFront::OriginRequestPolicy" or "AWS::CloudFront::ResponseHeadersPolicy", "Id") => logicalId,
            _ => throw new PreviewException($"{where}: Fn::GetAtt {logicalId}.{attribute} ({type}) cannot be resolved locally."),
        };
    }
}
