namespace Astro.Aws;

/// <summary>
/// What the site does with a request to its distribution's own <c>*.cloudfront.net</c> name once it has custom
/// domain names (<see cref="AstroAwsProps.DomainNames"/>). See <c>docs/hardening.md</c>.
/// </summary>
public enum DefaultDomainAccess
{
    /// <summary>Serve it like the custom names: the site answers at both, which search engines see as duplicates.</summary>
    Serve,

    /// <summary>Answer it with a 301 to the same path and query at the primary custom name.</summary>
    Redirect,

    /// <summary>Answer it with a 403: only the custom names serve the site.</summary>
    Refuse,
}
