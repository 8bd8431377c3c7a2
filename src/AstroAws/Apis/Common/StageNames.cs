using System.Text.RegularExpressions;

namespace Astro.Aws.Apis.Common;

/// <summary>API Gateway stage names: letters, digits, '-' and '_' (no spaces), at most 128 characters.</summary>
internal static partial class StageNames
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex Pattern();
}
