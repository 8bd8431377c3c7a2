using System.Text.RegularExpressions;

namespace Astro.Aws.Rules.Logs;

/// <summary>Log groups: retention values CloudWatch has, names it accepts, and no retained fixed name that would block the next deploy.</summary>
internal sealed partial class LogGroupRule : AwsRule
{
    private static readonly int[] Retentions = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public override string Id => "logs/log-group";

    public override string Summary => "A log group's RetentionInDays is one of CloudWatch's 22 values, its name is 1-512 characters of letters, digits and _-/.#, and a log group that outlives its stack (Retain) has no name fixed at synthesis, since the next stack with that name would fail with \"already exists\".";

    public override string Source => "CloudWatch Logs API reference, LogGroup.retentionInDays (\"Possible values are: 1, 3, 5, 7, 14, 30, 60, 90, ...\"); https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudwatch-log-group-log-stream-naming-for-cloudtrail.html (name characters, 512); https://github.com/aws-solutions/amazon-marketing-cloud-uploader-from-aws/issues/167 (\"already exists\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var group in template.OfType("AWS::Logs::LogGroup"))
        {
            if (CfnTemplate.Number(group.Property("RetentionInDays")) is { } days && !Retentions.Contains((int)days))
            {
                yield return new RuleFinding(group.LogicalId, $"its RetentionInDays is {days}; CloudWatch accepts {string.Join(", ", Retentions)}.");
            }

            var name = group.Property("LogGroupName");
            if (CfnTemplate.Flatten(name, "x") is { } flat && !Name().IsMatch(flat))
            {
                yield return new RuleFinding(group.LogicalId, $"its name '{flat}' is not a log group name (1-512 of letters, digits, '_', '-', '/', '.', '#').");
            }

            if (name is not null && group.DeletionPolicy == "Retain" && !CfnTemplate.Mentions(name, "AWS::StackId"))
            {
                yield return new RuleFinding(group.LogicalId, $"it is retained when the stack is deleted and named {name.ToJsonString()} at synthesis, so deploying the stack again fails with \"already exists\". Leave the name to CloudFormation, make it unique per stack (AWS::StackId), or do not retain it.");
            }
        }

        foreach (var function in template.OfType("AWS::Lambda::Function"))
        {
            if (CfnTemplate.Text(function.Property("LoggingConfig", "LogGroup")) is { } custom && custom.StartsWith("aws/", StringComparison.Ordinal))
            {
                yield return new RuleFinding(function.LogicalId, $"its log group '{custom}' begins with aws/, which Lambda refuses for a custom log group.");
            }
        }
    }

    [GeneratedRegex(@"^[.\-_/#A-Za-z0-9]{1,512}$")]
    private static partial Regex Name();
}
