using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Astro.Aws.Rules.CloudFront;

/// <summary>What CloudFront requires of a Lambda@Edge association and of the function behind it.</summary>
internal sealed partial class EdgeFunctionRule : AwsRule
{
    private const string EdgeRegion = "us-east-1";

    public override string Id => "cloudfront/lambda-edge";

    public override string Summary => "A Lambda@Edge association names a numbered version (not $LATEST, an alias or the function) of a function in us-east-1 that runs on x86_64, with no environment variables, layers or VPC, a timeout of at most 5 s on viewer events and 30 s on origin events, and at most 128 MB on viewer events.";

    public override string Source => "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-at-edge-function-restrictions.html (\"You must use a numbered version of the Lambda function, not $LATEST or aliases\"; \"must be in the US East (N. Virginia) Region\"); CloudFront quotas for Lambda@Edge (timeouts, memory); https://github.com/opennextjs/opennextjs-aws/issues/47 (\"Lambda@Edge does not support functions with an architecture of arm64\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var behavior in Distributions.Behaviors(template))
        {
            foreach (var association in behavior.LambdaAssociations)
            {
                var eventType = CfnTemplate.Text(association["EventType"]) ?? "?";
                var arn = association["LambdaFunctionARN"];
                var target = template.Target(arn);
                if (CfnTemplate.Text(arn) is { } literal && !NumberedVersion().IsMatch(literal))
                {
                    yield return new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} associates '{literal}' on {eventType}, which is not a numbered version ARN (arn:...:function:name:3).");
                }

                if (target?.Type is "AWS::Lambda::Function" or "AWS::Lambda::Alias")
                {
                    yield return new RuleFinding(behavior.Distribution.LogicalId, $"{behavior.Where} associates {target.LogicalId} ({target.Type}) on {eventType}; Lambda@Edge needs a numbered version (function.CurrentVersion).");
                }

                if (target?.Type != "AWS::Lambda::Version" || template.Target(target.Property("FunctionName")) is not { } function)
                {
                    continue;
                }

                foreach (var problem in Problems(template, function, eventType))
                {
                    yield return new RuleFinding(function.LogicalId, $"it runs as Lambda@Edge ({behavior.Where}, {eventType}), but {problem}.");
                }
            }
        }
    }

    private static IEnumerable<string> Problems(CfnTemplate template, CfnResourceView function, string eventType)
    {
        if (template.Region is { } region && region != EdgeRegion)
        {
            yield return $"its stack is in {region}; Lambda@Edge functions must be created in {EdgeRegion}";
        }

        if (CfnTemplate.Texts(function.Property("Architectures")).Any(a => a != "x86_64"))
        {
            yield return "its architecture is not x86_64";
        }

        if (function.Property("Environment", "Variables") is JsonObject { Count: > 0 })
        {
            yield return "it has environment variables";
        }

        if (function.Property("Layers") is JsonArray { Count: > 0 })
        {
            yield return "it has layers";
        }

        if (function.Property("VpcConfig") is not null)
        {
            yield return "it is attached to a VPC";
        }

        var viewer = eventType.StartsWith("viewer-", StringComparison.Ordinal);
        var timeoutLimit = viewer ? 5 : 30;
        if (CfnTemplate.Number(function.Property("Timeout")) is { } timeout && timeout > timeoutLimit)
        {
            yield return $"its timeout is {timeout} s, over the {timeoutLimit} s limit of {eventType}";
        }

        if (viewer && CfnTemplate.Number(function.Property("MemorySize")) is { } memory && memory > 128)
        {
            yield return $"its memory is {memory} MB, over the 128 MB limit of viewer events";
        }
    }

    [GeneratedRegex(@"^arn:[^:]+:lambda:[^:]+:\d{12}:function:[^:]+:\d+$")]
    private static partial Regex NumberedVersion();
}
