using System.Reflection;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Docs;

/// <summary>
/// Every member of the site's props and override types documents its default in its own words, and none inherits a
/// CDK remark that would show CDK's default where ours differs (an inheritdoc takes only CDK's summary).
/// </summary>
public sealed class PropsDefaultsDocsTests
{
    private static readonly Lazy<XDocument> Xml = new(() => XDocument.Load(Path.Combine(AppContext.BaseDirectory, "AstroAws.xml")));

    public static TheoryData<string> PropsTypes => new()
    {
        nameof(AstroAwsProps),
        nameof(AstroAwsCdkProps),
        nameof(AstroAwsDistributionProps),
        nameof(AstroAwsBucketDeploymentOptions),
        nameof(AstroAwsFunctionOptions),
    };

    [Theory]
    [MemberData(nameof(PropsTypes))]
    public void Every_member_declared_here_states_its_default(string typeName)
    {
        var type = typeof(AstroAws).Assembly.GetType($"Astro.Aws.{typeName}")!;
        var undocumented = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(property => !StatesDefault(Member(type, property.Name)))
            .Select(property => property.Name);

        undocumented.Should().BeEmpty($"each member of {typeName} says what happens when it is not set");
    }

    [Theory]
    [MemberData(nameof(PropsTypes))]
    public void No_member_inherits_cdks_remarks(string typeName)
    {
        var type = typeof(AstroAws).Assembly.GetType($"Astro.Aws.{typeName}")!;
        var inheriting = type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(property => Member(type, property.Name)?.Element("inheritdoc") is { } inherit && (string?)inherit.Attribute("path") != "/summary")
            .Select(property => property.Name);

        inheriting.Should().BeEmpty("CDK's remarks carry CDK's defaults, which are not ours");
    }

    [Theory]
    [InlineData("Architecture", "ARM_64")]
    [InlineData("MemorySize", "1024")]
    [InlineData("Timeout", "25 seconds")]
    public void Function_options_show_our_default_where_cdks_differs(string member, string ours)
    {
        var value = Member(typeof(AstroAwsFunctionOptions), member)?.Element("value")?.ToString();

        value.Should().Contain(ours);
    }

    private static XElement? Member(Type type, string property) =>
        Xml.Value.Descendants("member").SingleOrDefault(m => (string?)m.Attribute("name") == $"P:{type.FullName}.{property}");

    private static bool StatesDefault(XElement? member) =>
        member?.Element("value")?.Value.TrimStart().StartsWith("Default", StringComparison.Ordinal) == true;
}
