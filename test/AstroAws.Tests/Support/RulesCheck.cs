using Amazon.CDK;
using Astro.Aws.Rules;
using FluentAssertions;

namespace Astro.Aws.Tests.Support;

/// <summary>
/// Runs the AWS rules (docs/aws-rules.md) on every template an app wrote. Every template the tests synthesize passes
/// through here (<see cref="SiteStacks.Template"/>, <see cref="SiteStacks.Json"/>), so a test that builds a combination
/// AWS would refuse fails even if it asserts something else.
/// </summary>
internal static class RulesCheck
{
    public static void Passes(Stack stack) => PassesAssembly(((Stage)stack.Node.Root).Outdir);

    public static void PassesAssembly(string cloudAssemblyDirectory)
    {
        var violations = AwsRules.CheckAssembly(cloudAssemblyDirectory);
        violations.Should().BeEmpty("every synthesized template must keep the AWS rules of docs/aws-rules.md:\n" + string.Join("\n", violations));
    }
}
