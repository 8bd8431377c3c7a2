using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.Lambda;
using Astro.Aws.Overrides;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Overrides;

public class PropsMergeTests
{
    [Fact]
    public void What_the_caller_set_wins_and_the_rest_keeps_our_default()
    {
        var merged = PropsMerge.Overlay(
            new FunctionUrlOptions { AuthType = FunctionUrlAuthType.NONE, InvokeMode = InvokeMode.BUFFERED },
            (IFunctionUrlOptions)new FunctionUrlOptions { InvokeMode = InvokeMode.RESPONSE_STREAM });

        merged.AuthType.Should().Be(FunctionUrlAuthType.NONE);
        merged.InvokeMode.Should().Be(InvokeMode.RESPONSE_STREAM);
    }

    [Fact]
    public void Combining_never_touches_the_callers_array()
    {
        string[] ours = ["a"];
        string[] theirs = ["b"];

        var combined = PropsMerge.Combine(ours, theirs);

        combined.Should().Equal("a", "b");
        theirs.Should().Equal("b");
        ours.Should().Equal("a");
        combined.Should().NotBeSameAs(theirs);
    }

    [Fact]
    public void Interface_contracts_include_inherited_members()
    {
        PropsMerge.ContractProperties(typeof(IFunctionOptions)).Select(p => p.Name)
            .Should().Contain(["MemorySize", "MaxEventAge", "OnFailure"]);
    }

    [Fact]
    public void A_property_without_a_twin_is_a_library_bug_not_a_silent_drop()
    {
        var act = () => PropsMerge.Overlay(new FunctionUrlOptions(), (IAddBehaviorOptions)new AddBehaviorOptions { Compress = true });

        act.Should().Throw<InvalidOperationException>().WithMessage("*Compress*");
    }
}
