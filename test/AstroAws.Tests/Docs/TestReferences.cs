using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Sdk;

namespace Astro.Aws.Tests.Docs;

/// <summary>A test a docs page names: <c>`Site.BadInputTests.Memory_out_of_range(100)`</c>, relative to Astro.Aws.Tests.</summary>
internal sealed record TestReference(string Text, string Class, string Method, string? Value);

/// <summary>Finds the tests a docs page names and says what is wrong with each (no such class, method or theory value).</summary>
internal static partial class TestReferences
{
    private const string Namespace = "Astro.Aws.Tests.";
    private static readonly JsonSerializerOptions Literal = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every test reference in <paramref name="text"/>.</summary>
    public static List<TestReference> In(string text) =>
        [.. Anywhere().Matches(text).Select(m => new TestReference(m.Value, m.Groups["class"].Value, m.Groups["method"].Value, m.Groups["value"].Success ? m.Groups["value"].Value : null))];

    /// <summary>Whether <paramref name="cell"/> is exactly one test reference.</summary>
    public static bool IsOne(string cell) => Exactly().IsMatch(cell);

    /// <summary>What is wrong with the reference, or null when the test exists (with the value, for a theory).</summary>
    public static string? Problem(TestReference reference)
    {
        var type = typeof(TestReferences).Assembly.GetType(Namespace + reference.Class);
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

    /// <summary>A data value as the pages write it: strings as JSON literals, numbers invariant, enums as Type.Member.</summary>
    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s, Literal),
        Enum e => $"{e.GetType().Name}.{e}",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    [GeneratedRegex(@"^`(?<class>(?:[A-Za-z]\w*\.)*\w*Tests)\.(?<method>\w+)(?:\((?<value>.*)\))?`$")]
    private static partial Regex Exactly();

    [GeneratedRegex(@"`(?<class>(?:[A-Za-z]\w*\.)*\w*Tests)\.(?<method>\w+)(?:\((?<value>[^`]*)\))?`")]
    private static partial Regex Anywhere();
}
