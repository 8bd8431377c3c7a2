namespace Astro.Aws.Domains;

/// <summary>The host names the site and the APIs accept as custom domains, and the Route 53 record names they get.</summary>
internal static class HostNames
{
    /// <summary>
    /// A bare host name: letters, digits, hyphens and dots, at least one dot, at most 253 characters, and at most one
    /// <c>*</c>, as a whole first label (<c>*.example.com</c>). No scheme, port, path or trailing dot.
    /// </summary>
    public static bool IsHostName(string name) =>
        name.Length is > 0 and <= 253
        && name.Contains('.', StringComparison.Ordinal)
        && !name.StartsWith('.')
        && !name.EndsWith('.')
        && !name.Contains("..", StringComparison.Ordinal)
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '*')
        && (name.IndexOf('*', StringComparison.Ordinal) is -1 || (name.StartsWith("*.", StringComparison.Ordinal) && name.LastIndexOf('*') == 0));

    /// <summary>
    /// The name with a trailing dot, which makes it absolute: aws-cdk-lib's records append the zone's name to any name
    /// without one, a token included (rule <c>route53/alias-records</c>), so <c>api.example.com</c> would become
    /// <c>api.example.com.example.com.</c> whenever the name is not literally inside the zone.
    /// </summary>
    public static string AbsoluteRecordName(string name) => name.EndsWith('.') ? name : name + ".";
}
