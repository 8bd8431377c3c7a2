using System.Reflection;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;
using Astro.Aws.Overrides;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Overrides;

/// <summary>
/// Every settable property of every override type, found by reflection, must have a row in the tables
/// (<c>OverrideTables.*.cs</c>), and each row proves that the value it sets reached the synthesized template, or
/// CDK itself. Each row is also run a second time with the property removed, and must then fail: that is what our
/// merge dropping the property would look like, so no row can pass on our defaults alone.
/// </summary>
public class OverrideEnumerationTests
{
    /// <summary>An ssr-mode build (client/, lambda/, metadata.json).</summary>
    public static string SampleDist => Support.TestPaths.Fixture("ssr");

    private static readonly Lazy<IReadOnlyList<OverrideGroup>> LazyGroups = new(() =>
    [
        new("S3Bucket", typeof(IBucketProps), cdk => cdk.S3Bucket, OverrideTables.Bucket()),
        new("S3BucketDeployment", typeof(AstroAwsBucketDeploymentOptions), cdk => cdk.S3BucketDeployment, OverrideTables.Deployment()),
        new("S3Origin", typeof(IS3BucketOriginWithOACProps), cdk => cdk.S3Origin, OverrideTables.S3Origin()),
        new("LambdaFunction", typeof(AstroAwsFunctionOptions), cdk => cdk.LambdaFunction, OverrideTables.Function()),
        new("LambdaFunctionUrl", typeof(IFunctionUrlOptions), cdk => cdk.LambdaFunctionUrl, OverrideTables.FunctionUrl()),
        new("LambdaFunctionOrigin", typeof(IFunctionUrlOriginProps), cdk => cdk.LambdaFunctionOrigin, OverrideTables.FunctionOrigin()),
        new("CloudfrontDistribution", typeof(AstroAwsDistributionProps), cdk => cdk.CloudfrontDistribution, OverrideTables.Distribution()),
        new("DefaultBehavior", typeof(IAddBehaviorOptions), cdk => cdk.CloudfrontDistribution?.DefaultBehavior, OverrideTables.Behavior(OverrideTables.BehaviorKind.Default)),
        new("ApiBehavior", typeof(IAddBehaviorOptions), cdk => cdk.CloudfrontDistribution?.ApiBehavior, OverrideTables.Behavior(OverrideTables.BehaviorKind.Api)),
    ]);

    public static TheoryData<string> GroupNames => [.. Groups.Select(group => group.Name)];

    public static TheoryData<string, string> Entries
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var group in Groups)
            {
                foreach (var entry in group.Cases)
                {
                    data.Add(group.Name, entry.Property);
                }
            }

            return data;
        }
    }

    private static IReadOnlyList<OverrideGroup> Groups => LazyGroups.Value;

    [Theory]
    [MemberData(nameof(GroupNames))]
    public void Every_property_of_the_override_type_has_exactly_one_entry(string groupName)
    {
        var group = Group(groupName);
        var properties = PropsMerge.ContractProperties(group.Contract).Select(property => property.Name).ToList();
        var entries = group.Cases.Select(entry => entry.Property).ToList();

        properties.Should().NotBeEmpty();
        entries.Should().OnlyHaveUniqueItems();
        properties.Except(entries).Should().BeEmpty($"every property of {group.Contract.Name} needs an entry in the {groupName} table");
        entries.Except(properties).Should().BeEmpty($"every entry of the {groupName} table must name a property of {group.Contract.Name}");
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void The_overridden_value_reaches_CDK(string groupName, string property)
    {
        var group = Group(groupName);
        var entry = group.Cases.Single(candidate => candidate.Property == property);

        var outcome = Run(group, entry, dropProperty: false);
        outcome.Should().BeNull("the value must reach CDK");

        var control = Run(group, entry, dropProperty: true);
        control.Should().NotBeNull("the same evidence without the property must fail, or the entry could not tell that our merge dropped it");
    }

    /// <summary>Our viewer-request function routes every request, so a caller's viewer-request handler is refused, not dropped.</summary>
    [Theory]
    [InlineData("DefaultBehavior")]
    [InlineData("ApiBehavior")]
    public void A_viewer_request_function_association_is_refused(string behavior)
    {
        var stack = SiteStacks.NewStack();
        var theirs = new AddBehaviorOptions
        {
            FunctionAssociations =
            [
                new FunctionAssociation
                {
                    EventType = FunctionEventType.VIEWER_REQUEST,
                    Function = new Amazon.CDK.AWS.CloudFront.Function(stack, "UserViewerRequest", new Amazon.CDK.AWS.CloudFront.FunctionProps
                    {
                        Code = FunctionCode.FromInline("function handler(event) { return event.request; }"),
                    }),
                },
            ],
        };
        var distribution = behavior == "DefaultBehavior" ? new AstroAwsDistributionProps { DefaultBehavior = theirs } : new AstroAwsDistributionProps { ApiBehavior = theirs };

        var act = () => new AstroAws(stack, "Site", new AstroAwsProps { OutDir = SampleDist, Cdk = new AstroAwsCdkProps { CloudfrontDistribution = distribution } });

        act.Should().Throw<ArgumentException>().WithMessage($"AstroAwsCdkProps.CloudfrontDistribution.{behavior}.FunctionAssociations: received a VIEWER_REQUEST handler*");
    }

    /// <summary>Builds the site with the entry's overrides and checks its evidence; returns why that failed, or null.</summary>
    private static string? Run(OverrideGroup group, OverrideCase entry, bool dropProperty)
    {
        var stack = SiteStacks.NewStack();
        var cdk = entry.Arrange(stack);
        var overrides = group.Extract(cdk) ?? throw new InvalidOperationException($"The {group.Name} entry for {entry.Property} does not set the {group.Name} override.");
        var set = PropsMerge.ContractProperties(group.Contract).Where(p => p.GetValue(overrides) is not null).Select(p => p.Name);
        set.Should().BeEquivalentTo([entry.Property, .. entry.Companions], "an entry sets only its own property (and documented companions)");
        if (dropProperty)
        {
            // The first writable one: a member an options class restates with `new` (to document our default) has the name
            // twice, and both write the same value.
            var setter = overrides.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).First(p => p.Name == entry.Property && p.CanWrite);
            setter.SetValue(overrides, null);
        }

        Synthesized synthesized;
        try
        {
            var site = new AstroAws(stack, "Site", new AstroAwsProps { OutDir = entry.OutDir?.Invoke() ?? SampleDist, Cdk = cdk });
            entry.After?.Invoke(site);
            synthesized = new Synthesized(stack, site, SiteStacks.Template(stack));
        }
        catch (Exception ex)
        {
            return entry.CdkError is null ? $"the site did not synthesize: {ex.Message}"
                : ex.Message.Contains(entry.CdkError, StringComparison.Ordinal) ? null
                : $"expected CDK's error containing \"{entry.CdkError}\", got: {ex.Message}";
        }

        if (entry.CdkError is not null)
        {
            return $"expected CDK's error containing \"{entry.CdkError}\", but the site synthesized";
        }

        try
        {
            entry.Verify!(synthesized);
            return null;
        }
        catch (Exception ex)
        {
            return ex.Message;
        }
    }

    private static OverrideGroup Group(string name) => Groups.Single(group => group.Name == name);
}
