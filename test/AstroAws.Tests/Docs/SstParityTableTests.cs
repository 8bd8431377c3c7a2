using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Docs;

/// <summary>
/// docs/sst-parity.md has one row per test case of SST v2's Api.test.ts (101) and WebSocketApi.test.ts (55), each
/// with a status; a and b rows name their tests, c rows say why, and every test named exists.
/// </summary>
public sealed class SstParityTableTests
{
    private static string Page => Path.Combine(TestPaths.RepoRoot, "docs", "sst-parity.md");

    [Theory]
    [InlineData("## HTTP API", 101)]
    [InlineData("## WebSocket API", 55)]
    public void Every_sst_case_has_one_row_with_a_status(string section, int cases)
    {
        var rows = Rows(section);

        rows.Should().HaveCount(cases);
        rows.Select(r => r.Title).Should().OnlyHaveUniqueItems();
        rows.Should().OnlyContain(r => r.Status == "a" || r.Status == "b" || r.Status == "c" || r.Status.StartsWith("**d", StringComparison.Ordinal), "a status is a, b, c or a bold d");
    }

    [Theory]
    [InlineData("## HTTP API")]
    [InlineData("## WebSocket API")]
    public void Rows_a_and_b_name_their_tests_b_rows_a_parity_test_and_c_rows_a_reason(string section)
    {
        var rows = Rows(section);

        rows.Where(r => r.Status is "a" or "b" && TestReferences.In(r.Why).Count == 0).Select(r => r.Title)
            .Should().BeEmpty("an a or b row names the test that proves the behaviour");
        rows.Where(r => r.Status == "b" && !TestReferences.In(r.Why).Any(t => t.Class.StartsWith("Apis.SstParity.", StringComparison.Ordinal))).Select(r => r.Title)
            .Should().BeEmpty("a b row's test was written for this page");
        rows.Where(r => r.Status == "c" && r.Why.Length < 40).Select(r => r.Title).Should().BeEmpty("a c row says why we differ");
    }

    [Fact]
    public void Every_test_the_page_names_exists()
    {
        var references = TestReferences.In(File.ReadAllText(Page));

        references.Should().HaveCountGreaterThanOrEqualTo(100);
        references.Select(TestReferences.Problem).OfType<string>().Should().BeEmpty();
    }

    private static List<(string Title, string Status, string Why)> Rows(string section)
    {
        var lines = File.ReadAllLines(Page);
        var start = Array.FindIndex(lines, l => l.StartsWith(section, StringComparison.Ordinal));
        start.Should().BeGreaterThanOrEqualTo(0, $"the page has a section {section}");
        return [.. lines.Skip(start + 1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.Length > 2 && l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2]))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => (c[1], c[2], string.Join("|", c.Skip(3))))];
    }
}
