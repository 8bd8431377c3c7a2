using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.Route53.Targets;
using Constructs;
using DomainName = Amazon.CDK.AWS.Apigatewayv2.DomainName;

namespace Astro.Aws.Apis.Common;

/// <summary>The pieces a custom domain creates.</summary>
internal sealed record ApiDomainParts(DomainName DomainName, ICertificate Certificate, string? MappingKey, string Host)
{
    /// <summary>The URL the API answers at on the domain, with the base path; built from the name as given (the domain resource's name is a token).</summary>
    public string Url(string scheme) => $"{scheme}://{Host}/{MappingKey}";
}

/// <summary>Creates a custom domain: the certificate (DNS-validated unless given), the domain, and A + AAAA aliases.</summary>
internal static class ApiDomainFactory
{
    public static ApiDomainParts? Create(Construct scope, ApiDomain? domain, IHostedZone? apiZone, string propsType)
    {
        if (domain is null)
        {
            return null;
        }

        var propName = $"{propsType}.CustomDomain";
        if (string.IsNullOrWhiteSpace(domain.DomainName))
        {
            throw new ArgumentException($"{propName}: received an empty domain name. Give the full name, e.g. \"api.example.com\".", propName);
        }

        if (!Token.IsUnresolved(domain.DomainName) && (domain.DomainName.Contains("://", StringComparison.Ordinal) || domain.DomainName.Contains('/') || !domain.DomainName.Contains('.')))
        {
            throw new ArgumentException($"{propName}: '{domain.DomainName}' is not a domain name. Give the host name alone, e.g. \"api.example.com\" (no scheme, no path).", propName);
        }

        if (domain.Path is { } path && (path.StartsWith('/') || path.EndsWith('/') || path.Length == 0))
        {
            throw new ArgumentException($"{propName}.Path: received '{path}'. Give the base path without slashes at either end, e.g. \"v1\".", $"{propName}.Path");
        }

        var zone = domain.HostedZone ?? apiZone;
        if (zone is null && domain.Certificate is null)
        {
            throw new ArgumentException(
                $"{propName}: '{domain.DomainName}' has no certificate and no hosted zone to make one in. Set {propsType}.HostedZone (e.g. HostedZone.FromHostedZoneAttributes(...)), "
                + "or give new ApiDomain { DomainName = ..., Certificate = ... } and point DNS at the API yourself.",
                propName);
        }

        var certificate = domain.Certificate ?? new Certificate(scope, "Certificate", new CertificateProps
        {
            DomainName = domain.DomainName,
            Validation = CertificateValidation.FromDns(zone),
        });
        var domainName = new DomainName(scope, "DomainName", new DomainNameProps
        {
            DomainName = domain.DomainName,
            Certificate = certificate,
            EndpointType = EndpointType.REGIONAL,
            SecurityPolicy = SecurityPolicy.TLS_1_2,
        });
        if (zone is not null)
        {
            var target = RecordTarget.FromAlias(new ApiGatewayv2DomainProperties(domainName.RegionalDomainName, domainName.RegionalHostedZoneId));
            _ = new ARecord(scope, "AliasRecord", new ARecordProps { Zone = zone, RecordName = domain.DomainName, Target = target });
            _ = new AaaaRecord(scope, "AliasRecordIpv6", new AaaaRecordProps { Zone = zone, RecordName = domain.DomainName, Target = target });
        }

        return new ApiDomainParts(domainName, certificate, domain.Path, domain.DomainName);
    }
}
