using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Astro.Aws.Rules.Lambda;

/// <summary>Environment variable keys Lambda accepts: its syntax, and none of the keys it reserves.</summary>
internal sealed partial class EnvironmentKeysRule : AwsRule
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
        "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    public override string Id => "lambda/environment-keys";

    public override string Summary => "Environment variable keys start with a letter, have at least two characters of letters, digits and '_', and are not keys Lambda reserves (AWS_REGION, _HANDLER, ...).";

    public override string Source => "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html (\"The keys for these environment variables are reserved and cannot be set in your function configuration\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template) =>
        from function in template.OfType("AWS::Lambda::Function")
        from key in (function.Property("Environment", "Variables") as JsonObject ?? []).Select(v => v.Key)
        where !KeySyntax().IsMatch(key) || Reserved.Contains(key)
        select new RuleFinding(function.LogicalId, Reserved.Contains(key)
            ? $"environment variable {key} is reserved by Lambda; pick another name."
            : $"environment variable key '{key}' is not a valid key: start with a letter, use letters, digits and '_', at least two characters.");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]+$")]
    private static partial Regex KeySyntax();
}
