using System.Text.RegularExpressions;
using Astro.Aws.Rules;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Astro.Aws.Tests.Docs;

/// <summary>
/// docs/aws-rules.md is the list of AWS rules the constructs rely on: at least 30 rows, each with a source link, an
/// enforcement and tests that exist; every template rule of <see cref="AwsRules"/> has a row whose summary it shares.
/// </summary>
public sealed partial class AwsRulesTableTests
{
    private static readonly string[] Columns = ["id", "rule", "source", "enforced", "tests"];

    private static string Page => Path.Combine(TestPaths.RepoRoot, "docs", "aws-rules.md");

    [Fact]
    public void At_least_thirty_rules_each_with_a_source_an_enforcement_and_tests()
    {
        var rows = Rows();

        rows.Should().HaveCountGreaterThanOrEqualTo(30);
        rows.Should().OnlyContain(r => r.Length == Columns.Length, "every row has id | rule | source | enforced | tests");
        rows.Select(r => r[0]).Should().OnlyHaveUniqueItems().And.OnlyContain(id => RuleId().IsMatch(id), "ids look like `service/rule-name`");
        rows.Where(r => !r[2].Contains("](https://", StringComparison.Ordinal) && !r[2].Contains("API reference", StringComparison.Ordinal))
            .Select(r => r[0]).Should().BeEmpty("every rule links the AWS page or public report it comes from");
        rows.Where(r => r[3].Length == 0).Select(r => r[0]).Should().BeEmpty("every rule says how it is enforced");
        rows.Where(r => TestReferences.In(r[4]).Count == 0 && r[4] != "planted template").Select(r => r[0])
            .Should().BeEmpty("every rule names its tests (or, for a template rule tested only there, \"planted template\")");
    }

    [Fact]
    public void Every_template_rule_has_a_row_marked_template_and_every_row_marked_template_is_a_rule()
    {
        var rows = Rows().ToDictionary(r => r[0].Trim('`'), r => r);
        var rules = AwsRules.Rules.Select(r => r.Id).ToList();

        rules.Should().OnlyContain(id => rows.ContainsKey(id), "each template rule is documented");
        rules.Should().OnlyContain(id => rows[id][3].StartsWith("template", StringComparison.Ordinal));
        rows.Where(r => r.Value[3].StartsWith("template", StringComparison.Ordinal)).Select(r => r.Key).Should().BeSubsetOf(rules, "a row marked template names a rule the check applies");
        rows.Where(r => r.Value[4] == "planted template").Select(r => r.Key).Should().BeSubsetOf(rules);
    }

    [Fact]
    public void Every_test_the_page_names_exists_with_its_value()
    {
        var references = TestReferences.In(File.ReadAllText(Page));

        references.Should().HaveCountGreaterThanOrEqualTo(30);
        references.Select(TestReferences.Problem).OfType<string>().Should().BeEmpty();
    }

    [Fact]
    public void Every_rule_the_code_and_the_docs_cite_is_on_the_page()
    {
        var ids = Rows().Select(r => r[0].Trim('`')).ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md"));

        var cited = files.SelectMany(f => Citation().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Id: m.Groups["id"].Value))).ToList();

        cited.Should().NotBeEmpty();
        cited.Where(c => !ids.Contains(c.Id)).Should().BeEmpty("a comment or page that cites a rule cites one docs/aws-rules.md has");
    }

    // "rule <c>x/y</c>", "rule `x/y`" or "rule x/y", as the code's comments and the docs cite rules.
    [GeneratedRegex(@"\brules? (?:<c>|`)?(?<id>[a-z0-9]+/[a-z0-9-]+)")]
    private static partial Regex Citation();

    private static List<string[]> Rows() =>
        [.. File.ReadAllLines(Page)
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => SplitCells(line.Trim().Trim('|')).Select(cell => cell.Trim()).ToArray())];

    // Cells are split on '|' outside backticks (a route like "GET /{proxy+}" never holds one, but keep it honest).
    private static IEnumerable<string> SplitCells(string line)
    {
        var cell = new System.Text.StringBuilder();
        var code = false;
        foreach (var c in line)
        {
            if (c == '`')
            {
                code = !code;
            }

            if (c == '|' && !code)
            {
                yield return cell.ToString();
                cell.Clear();
                continue;
            }

            cell.Append(c);
        }

        yield return cell.ToString();
    }

    [GeneratedRegex("^`[a-z0-9]+/[a-z0-9-]+`$")]
    private static partial Regex RuleId();
}
