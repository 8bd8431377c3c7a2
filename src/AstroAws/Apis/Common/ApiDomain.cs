using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;

namespace Astro.Aws;

/// <summary>
/// A custom domain of an API. As a string (<c>CustomDomain = "api.example.com"</c>) it needs the API's
/// <c>HostedZone</c>: a DNS-validated certificate and A + AAAA alias records are created in it. As an object you may
/// bring your own certificate (then DNS is yours unless you also give a hosted zone) and map the API under a path.
/// With <see cref="FromDomainName"/> the API is only mapped onto a domain that exists, so several APIs share one
/// domain under different base paths.
/// </summary>
public sealed record ApiDomain
{
    /// <summary>The domain name, e.g. <c>api.example.com</c>.</summary>
    public required string DomainName { get; init; }

    /// <summary>The hosted zone that holds the domain: the certificate is validated and the alias records written there.</summary>
    /// <value>Default: the API's <c>HostedZone</c>; with neither, a <see cref="Certificate"/> is required and no DNS records are written.</value>
    public IHostedZone? HostedZone { get; init; }

    /// <summary>A certificate for the domain, in the API's region.</summary>
    /// <value>Default: a DNS-validated certificate created in <see cref="HostedZone"/>.</value>
    public ICertificate? Certificate { get; init; }

    /// <summary>A base path the API is mapped under, e.g. <c>v1</c> (no slashes at the ends).</summary>
    /// <value>Default: the API answers at the domain's root.</value>
    public string? Path { get; init; }

    /// <summary>A domain that exists (<c>new DomainName(...)</c>, another API's <c>DomainName</c>, or <c>DomainName.FromDomainNameAttributes(...)</c>): only the API mapping is created.</summary>
    /// <value>Default: the domain is created.</value>
    public IDomainName? Existing { get; init; }

    /// <summary>
    /// Maps the API onto a domain that exists, under <paramref name="path"/>; its certificate and DNS records are its
    /// owner's. API Gateway takes one mapping per path on a domain, and no WebSocket API beside HTTP APIs.
    /// </summary>
    /// <param name="domainName">The domain.</param>
    /// <param name="path">The base path, e.g. <c>v1</c>; null maps the domain's root.</param>
    public static ApiDomain FromDomainName(IDomainName domainName, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(domainName);
        return new() { DomainName = domainName.Name, Existing = domainName, Path = path };
    }

    /// <summary>A domain name whose hosted zone is the API's <c>HostedZone</c>.</summary>
    public static implicit operator ApiDomain(string domainName) => new() { DomainName = domainName };
}
