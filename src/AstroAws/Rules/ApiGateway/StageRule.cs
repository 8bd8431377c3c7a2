using System.Text.RegularExpressions;

namespace Astro.Aws.Rules.ApiGateway;

/// <summary>Stage names, and access log formats that carry the request ID.</summary>
internal sealed partial class StageRule : AwsRule
{
    public override string Id => "apigateway/stage";

    public override string Summary => "A stage is named $default (HTTP) or 1-128 letters, digits, '-' and '_', and its access log format includes $context.requestId (or $context.extendedRequestId).";

    public override string Source => "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html (\"Stage names can only contain alphanumeric characters, hyphens, and underscores. Maximum length is 128 characters\"); AWS::ApiGatewayV2::Stage AccessLogSettings.Format (\"The format must include at least $context.requestId\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var stage in template.OfType("AWS::ApiGatewayV2::Stage"))
        {
            if (CfnTemplate.Text(stage.Property("StageName")) is { } name && name != "$default" && !StageName().IsMatch(name))
            {
                yield return new RuleFinding(stage.LogicalId, $"its name '{name}' is not a stage name API Gateway accepts (letters, digits, '-', '_', at most 128).");
            }

            if (CfnTemplate.Text(stage.Property("AccessLogSettings", "Format")) is { } format
                && !format.Contains("$context.requestId", StringComparison.Ordinal) && !format.Contains("$context.extendedRequestId", StringComparison.Ordinal))
            {
                yield return new RuleFinding(stage.LogicalId, "its access log format has no $context.requestId, which API Gateway requires to enable access logging.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex StageName();
}
