using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Astro.Aws.Tests.Support;
using FluentAssertions;
using Xunit;
using Xunit.Sdk;

namespace Astro.Aws.Tests.Docs;

/// <summary>
/// docs/bad-input.md cannot drift from the tests: it has at least 40 rows, and every test it names (in the table or
/// the prose) exists as a [Fact] or [Theory], with the named value among the theory's data.
/// </summary>
public partial class BadInputTableTests
{
    private const string Namespace = "Astro.Aws.Tests.";
    private static readonly string[] Columns = ["construct", "prop", "example bad value", "the message tells you to", "test"];
    private static readonly JsonSerializerOptions Literal = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Page => Path.Combine(TestPaths.RepoRoot, "docs", "bad-input.md");

    [Fact]
    public void The_table_has_at_least_forty_rows_each_naming_one_test()
    {
        var rows = Rows();

        rows.Should().HaveCountGreaterThanOrEqualTo(40);
        rows.Should().OnlyContain(r => r.Length == Columns.Length, "every row has the five columns construct | prop | example bad value | the message tells you to | test");
        rows.Select(r => r[^1]).Where(test => !TestReference().Match(test).Success).Should().BeEmpty("the test column holds one `Class.Method` or `Class.Method(value)`");
        rows.Select(r => r[^1].Trim()).Should().OnlyHaveUniqueItems("one row per proven input");
    }

    [Fact]
    public void Every_test_the_page_names_exists_with_its_value()
    {
        var references = TestReferenceAnywhere().Matches(File.ReadAllText(Page)).Select(m => (Text: m.Value, Class: m.Groups["class"].Value, Method: m.Groups["method"].Value, Value: m.Groups["value"].Success ? m.Groups["value"].Value : null)).ToList();
        references.Should().HaveCountGreaterThanOrEqualTo(40);

        var problems = references.Select(Problem).OfType<string>().ToList();

        problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("`Site.BadInputTests.Nope`", "no method")]
    [InlineData("`Site.NoSuchTests.Empty_out_dir`", "no class")]
    [InlineData("`Site.BadInputTests.Memory_out_of_range(99)`", "99 is not among")]
    [InlineData("`Site.BadInputTests.Memory_out_of_range`", "a theory: name the value")]
    [InlineData("`Site.BadInputTests.Empty_out_dir(\"\")`", "not a theory")]
    public void The_checker_itself_catches_drift(string reference, string problem)
    {
        var match = TestReferenceAnywhere().Match(reference);

        Problem((match.Value, match.Groups["class"].Value, match.Groups["method"].Value, match.Groups["value"].Success ? match.Groups["value"].Value : null))
            .Should().Contain(problem);
    }

    /// <summary>The table rows (header and separator lines excluded), split into cells.</summary>
    private static List<string[]> Rows() =>
        [.. File.ReadAllLines(Page)
            .Where(line => line.StartsWith('|'))
            .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => !cells.SequenceEqual(Columns) && !cells.All(cell => cell.Trim('-', ' ', ':').Length == 0))];

    private static string? Problem((string Text, string Class, string Method, string? Value) reference)
    {
        var type = typeof(BadInputTableTests).Assembly.GetType(Namespace + reference.Class);
        if (type is null)
        {
            return $"{reference.Text}: no class {Namespace}{reference.Class}";
        }

        var method = type.GetMethod(reference.Method, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
        var isFact = method?.GetCustomAttribute<FactAttribute>() is not null;
        var isTheory = method?.GetCustomAttribute<TheoryAttribute>() is not null;
        if (method is null || !isFact)
        {
            return $"{reference.Text}: no method {reference.Method} with [Fact] or [Theory] in {type.FullName}";
        }

        if (!isTheory)
        {
            return reference.Value is null ? null : $"{reference.Text}: {reference.Method} is not a theory, so it has no value ({reference.Value}) to name";
        }

        if (reference.Value is null)
        {
            return $"{reference.Text}: {reference.Method} is a theory: name the value the row is about, e.g. {reference.Method}(...)";
        }

        var values = method.GetCustomAttributes<DataAttribute>().SelectMany(data => data.GetData(method)).Select(row => Format(row[0])).ToList();
        return values.Contains(reference.Value, StringComparer.Ordinal)
            ? null
            : $"{reference.Text}: {reference.Value} is not among the first values of its data ({string.Join(", ", values)})";
    }

    /// <summary>A data value as the page writes it: strings as JSON literals, numbers invariant, enums as Type.Member.</summary>
    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s, Literal),
        Enum e => $"{e.GetType().Name}.{e}",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    // `Site.BadInputTests.Memory_out_of_range(100)`: a class path relative to Astro.Aws.Tests, the method, the value.
    [GeneratedRegex(@"^`(?<class>(?:[A-Za-z]\w*\.)*\w*Tests)\.(?<method>\w+)(?:\((?<value>.*)\))?`$")]
    private static partial Regex TestReference();

    [GeneratedRegex(@"`(?<class>(?:[A-Za-z]\w*\.)*\w*Tests)\.(?<method>\w+)(?:\((?<value>[^`]*)\))?`")]
    private static partial Regex TestReferenceAnywhere();
}
