using Amazon.CDK;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Site;

/// <summary>
/// Values CloudFormation resolves only at deploy time are never validated: a memory size from a parameter passes to the
/// template as a reference, although the same prop with a literal out of range is refused.
/// </summary>
public class UnresolvedTokenTests
{
    [Fact]
    public void Lambda_memory_size_from_a_parameter_is_not_validated()
    {
        var (stack, _) = SiteStacks.ForFixture("ssr", build: scope => new AstroAwsProps
        {
            OutDir = TestPaths.Fixture("ssr"),
            Cdk = new AstroAwsCdkProps
            {
                LambdaFunction = new AstroAwsFunctionOptions { MemorySize = Token.AsNumber(new CfnParameter(scope, "ServerMemory", new CfnParameterProps { Type = "Number" }).ValueAsNumber) },
            },
        });

        var functions = TemplateQueries.OfType(SiteStacks.Json(stack), "AWS::Lambda::Function")
            .Where(f => f.Value!["Properties"]!["Handler"]?.GetValue<string>() == "entry.handler")
            .ToList();

        functions.Should().ContainSingle().Which.Value!["Properties"]!["MemorySize"]!.ToJsonString().Should().Be("{\"Ref\":\"ServerMemory\"}");
    }

    [Fact]
    public void Api_function_timeout_and_reserved_concurrency_from_parameters_are_not_validated()
    {
        var (stack, _) = ApiStacks.Http(scope => new AstroHttpApiProps
        {
            Defaults = ApiStacks.Defaults(),
            Routes = new Dictionary<string, ApiRoute>
            {
                ["GET /x"] = ApiRoute.FromHandler("src/list.main") with
                {
                    FunctionProps = new ApiFunctionProps
                    {
                        Timeout = Duration.Seconds(new CfnParameter(scope, "Timeout", new CfnParameterProps { Type = "Number" }).ValueAsNumber),
                        ReservedConcurrentExecutions = new CfnParameter(scope, "Reserved", new CfnParameterProps { Type = "Number" }).ValueAsNumber,
                    },
                },
            },
        });

        var function = TemplateQueries.OfType(SiteStacks.Json(stack), "AWS::Lambda::Function").Single().Value!["Properties"]!;

        function["Timeout"]!.ToJsonString().Should().Be("{\"Ref\":\"Timeout\"}");
        function["ReservedConcurrentExecutions"]!.ToJsonString().Should().Be("{\"Ref\":\"Reserved\"}");
    }
}
