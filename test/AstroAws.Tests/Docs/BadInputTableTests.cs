using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Docs;

/// <summary>
/// docs/bad-input.md cannot drift from the tests: it has at least 40 rows, and every test it names (in the table or
/// the prose) exists as a [Fact] or [Theory], with the named value among the theory's data.
/// </summary>
public class BadInputTableTests
{
    private static readonly string[] Columns = ["construct", "prop", "example bad value", "the message tells you to", "test"];

    private static string Page => Path.Combine(TestPaths.RepoRoot, "docs", "bad-input.md");

    [Fact]
    public void The_table_has_at_least_forty_rows_each_naming_one_test()
    {
        var rows = Rows();

        rows.Should().HaveCountGreaterThanOrEqualTo(40);
        rows.Should().OnlyContain(r => r.Length == Columns.Length, "every row has the five columns construct | prop | example bad value | the message tells you to | test");
        rows.Select(r => r[^1]).Where(test => !TestReferences.IsOne(test)).Should().BeEmpty("the test column holds one `Class.Method` or `Class.Method(value)`");
        rows.Select(r => r[^1].Trim()).Should().OnlyHaveUniqueItems("one row per proven input");
    }

    [Fact]
    public void Every_test_the_page_names_exists_with_its_value()
    {
        var references = TestReferences.In(File.ReadAllText(Page));
        references.Should().HaveCountGreaterThanOrEqualTo(40);

        references.Select(TestReferences.Problem).OfType<string>().Should().BeEmpty();
    }

    [Theory]
    [InlineData("`Site.BadInputTests.Nope`", "no method")]
    [InlineData("`Site.NoSuchTests.Empty_out_dir`", "no class")]
    [InlineData("`Site.BadInputTests.Memory_out_of_range(99)`", "99 is not among")]
    [InlineData("`Site.BadInputTests.Memory_out_of_range`", "a theory: name the value")]
    [InlineData("`Site.BadInputTests.Empty_out_dir(\"\")`", "not a theory")]
    public void The_checker_itself_catches_drift(string reference, string problem) =>
        TestReferences.Problem(TestReferences.In(reference).Single()).Should().Contain(problem);

    /// <summary>The table rows (header and separator lines excluded), split into cells.</summary>
    private static List<string[]> Rows() =>
        [.. File.ReadAllLines(Page)
            .Where(line => line.StartsWith('|'))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => !cells.SequenceEqual(Columns) && !cells.All(cell => cell.Trim('-', ' ', ':').Length == 0))];
}
