namespace Astro.Aws.Rules.Lambda;

/// <summary>Lambda's limits on a function's timeout, memory and ephemeral storage.</summary>
internal sealed class FunctionLimitsRule : AwsRule
{
    public override string Id => "lambda/function-limits";

    public override string Summary => "A function's Timeout is 1-900 s, its MemorySize 128-10,240 MB and its EphemeralStorage 512-10,240 MB.";

    public override string Source => "https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html (\"up to a maximum value of 900 seconds\"); https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (\"up to 10,240 MB of memory\")";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var function in template.OfType("AWS::Lambda::Function"))
        {
            foreach (var (value, name, min, max, unit) in new[]
            {
                (CfnTemplate.Number(function.Property("Timeout")), "Timeout", 1d, 900d, "s"),
                (CfnTemplate.Number(function.Property("MemorySize")), "MemorySize", 128d, 10240d, "MB"),
                (CfnTemplate.Number(function.Property("EphemeralStorage", "Size")), "EphemeralStorage.Size", 512d, 10240d, "MB"),
            })
            {
                if (value is { } v && (v < min || v > max))
                {
                    yield return new RuleFinding(function.LogicalId, $"{name} is {v} {unit}; Lambda accepts {min}-{max} {unit}.");
                }
            }
        }
    }
}
