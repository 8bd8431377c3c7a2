namespace Astro.Aws.Apis.Common;

/// <summary>"Did you mean": the known word nearest a mistyped one, by edits of single characters (case ignored).</summary>
internal static class Suggestions
{
    /// <summary>
    /// The nearest of <paramref name="known"/> to <paramref name="typed"/>, or null when none is near: one edit per four
    /// characters, at least one (so GETT suggests GET, $defualt $default, but FETCH no PATCH).
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        var maxEdits = Math.Max(1, typed.Length / 4);
        return known.Select(word => (Word: word, Edits: Distance(typed.ToUpperInvariant(), word.ToUpperInvariant())))
            .Where(candidate => candidate.Edits <= maxEdits)
            .OrderBy(candidate => candidate.Edits)
            .Select(candidate => candidate.Word)
            .FirstOrDefault();
    }

    // Levenshtein distance with one row: insertions, deletions and substitutions each count one, transpositions two.
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
