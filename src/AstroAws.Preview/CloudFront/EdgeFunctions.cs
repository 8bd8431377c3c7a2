using System.Text.Json.Nodes;
using Astro.Aws.Preview.Assembly;
using Astro.Aws.Preview.Origins;

namespace Astro.Aws.Preview.CloudFront;

/// <summary>A Lambda@Edge function on a behavior's origin-request or origin-response event.</summary>
public sealed record EdgeAssociation(string EventType, bool IncludeBody, LambdaFunction Function);

/// <summary>
/// Finds the function behind a behavior's <c>LambdaFunctionARN</c>: a <c>Ref</c> to an <c>AWS::Lambda::Version</c> of this
/// stack, or (CDK's EdgeFunction from a stack outside us-east-1) a <c>Custom::CrossRegionStringParameterReader</c> whose
/// SSM parameter a us-east-1 support stack of the same assembly writes with that version's <c>Ref</c>.
/// </summary>
internal static class EdgeFunctions
{
    public static EdgeAssociation Read(CloudAssembly assembly, string where, JsonObject association)
    {
        var eventType = (string?)association["EventType"] ?? string.Empty;
        if (eventType is not ("origin-request" or "origin-response"))
        {
            throw new PreviewException($"{where} runs Lambda@Edge on {eventType}: astroaws preview emulates origin-request and origin-response only.");
        }

        var arn = association["LambdaFunctionARN"];
        var (home, versionId) = Version(assembly, where, arn);
        var functionId = (string?)home.Resource(versionId)["Properties"]?["FunctionName"]?["Ref"]
            ?? throw new PreviewException($"{where}: the version {versionId} does not name a function of {home.StackName} by Ref.");
        var function = LambdaFunction.ReadFunction(home, functionId);
        if (function.Timeout > EdgeLimits.MaxOriginEventTimeoutSeconds)
        {
            // CloudFront refuses the association, so the distribution would not deploy (rule cloudfront/lambda-edge-limits).
            throw new PreviewException($"{where}: {functionId} has a Timeout of {function.Timeout} s; Lambda@Edge on {eventType} allows at most {EdgeLimits.MaxOriginEventTimeoutSeconds} s.");
        }

        return new EdgeAssociation(eventType, (bool?)association["IncludeBody"] == true, function);
    }

    private static (CloudAssembly Home, string VersionId) Version(CloudAssembly assembly, string where, JsonNode? arn)
    {
        if ((string?)arn?["Ref"] is { } reference && (string?)assembly.Resource(reference)["Type"] == "AWS::Lambda::Version")
        {
            return (assembly, reference);
        }

        var readerId = (string?)arn?["Fn::GetAtt"]?[0];
        var reader = readerId is null ? null : assembly.Resource(readerId);
        if (reader is null || (string?)reader["Type"] != "Custom::CrossRegionStringParameterReader")
        {
            throw new PreviewException($"{where}: the Lambda@Edge ARN {arn?.ToJsonString()} is neither a version of this stack nor CDK's cross-region reference.");
        }

        var parameterName = (string?)reader["Properties"]?["ParameterName"] ?? throw new PreviewException($"{where}: {readerId} has no ParameterName.");
        foreach (var stack in CloudAssembly.StackNames(assembly.Directory).Where(s => s != assembly.StackName))
        {
            var other = CloudAssembly.Read(assembly.Directory, stack);
            foreach (var (_, parameter) in other.ResourcesOfType("AWS::SSM::Parameter"))
            {
                if ((string?)parameter["Properties"]?["Name"] == parameterName && (string?)parameter["Properties"]?["Value"]?["Ref"] is { } version)
                {
                    return (other, version);
                }
            }
        }

        throw new PreviewException($"{where}: no stack of the assembly writes the SSM parameter {parameterName} that {readerId} reads (CDK's EdgeFunction support stack is missing).");
    }
}
