namespace Astro.Aws.Apis.Common;

/// <summary>API mapping keys (a custom domain's base path), as API Gateway accepts them.</summary>
internal static class MappingKeys
{
    private const int MaxLength = 300;

    /// <summary>
    /// Segments of letters, digits and <c>$-_.+!*'()</c> separated by single slashes, none at either end, at most 300
    /// characters (rule <c>apigateway/mapping-key</c>).
    /// </summary>
    public static bool IsValid(string key) =>
        key.Length is > 0 and <= MaxLength
        && key.Split('/').All(segment => segment.Length > 0 && segment.All(c => char.IsAsciiLetterOrDigit(c) || "$-_.+!*'()".Contains(c)));
}
