namespace Astro.Aws.Rules.Lambda;

/// <summary>The handler string's length limit (one less for .NET zip packages, which the runtime truncates) and no whitespace.</summary>
internal sealed class HandlerRule : AwsRule
{
    public override string Id => "lambda/handler";

    public override string Summary => "A function's Handler has at most 128 characters (127 for .NET runtimes, which cut the 128th) and no whitespace.";

    public override string Source => "Lambda API CreateFunction, Handler (\"Maximum length of 128\", quoted in https://github.com/hashicorp/terraform-provider-aws/issues/12410); https://github.com/aws/aws-lambda-dotnet/issues/1642";

    public override IEnumerable<RuleFinding> Check(CfnTemplate template)
    {
        foreach (var function in template.OfType("AWS::Lambda::Function"))
        {
            if (CfnTemplate.Text(function.Property("Handler")) is not { } handler)
            {
                continue;
            }

            var max = CfnTemplate.Text(function.Property("Runtime"))?.StartsWith("dotnet", StringComparison.Ordinal) == true ? 127 : 128;
            if (handler.Length > max)
            {
                yield return new RuleFinding(function.LogicalId, $"Handler has {handler.Length} characters; the limit is {max}. Shorten the namespace or type name.");
            }

            if (handler.Any(char.IsWhiteSpace))
            {
                yield return new RuleFinding(function.LogicalId, $"Handler '{handler}' contains whitespace, which Lambda refuses.");
            }
        }
    }
}
