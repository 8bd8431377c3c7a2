using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.Route53.Targets;
using Astro.Aws.Domains;
using Constructs;
using DomainName = Amazon.CDK.AWS.Apigatewayv2.DomainName;

namespace Astro.Aws.Apis.Common;

/// <summary>The pieces a custom domain creates.</summary>
internal sealed record ApiDomainParts(IDomainName DomainName, ICertificate? Certificate, string? MappingKey, string Host)
{
    /// <summary>A WebSocket API's URL on the domain (<c>wss://host/</c> or <c>wss://host/path</c>); built from the name as given (the domain resource's name is a token).</summary>
    public string WebSocketUrl => $"wss://{Host}/{MappingKey}";

    /// <summary>
    /// An HTTP API's root on the domain. Under a base path it ends with a slash: <c>https://api.example.com/v1</c>
    /// reaches the API with an empty path, which no <c>GET /</c> route is documented to match, while
    /// <c>https://api.example.com/v1/</c> reaches its root (rule <c>apigateway/base-path-trailing-slash</c>).
    /// </summary>
    public string HttpUrl => MappingKey is null ? $"https://{Host}/" : $"https://{Host}/{MappingKey}/";

    /// <summary>Where a WebSocket API's management API answers on the domain: the base path, no stage, no trailing slash (the client appends <c>/@connections/{id}</c>).</summary>
    public string ManagementUrl => MappingKey is null ? $"https://{Host}" : $"https://{Host}/{MappingKey}";
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

        var name = domain.DomainName;
        if (!Token.IsUnresolved(name))
        {
            if (name.Contains('_', StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"{propName}: received '{name}', but API Gateway refuses underscores in custom domain names (AWS::ApiGatewayV2::DomainName). Use hyphens instead, e.g. '{name.Replace('_', '-')}'.",
                    propName);
            }

            if (!HostNames.IsHostName(name))
            {
                throw new ArgumentException($"{propName}: '{name}' is not a domain name. Give the host name alone, e.g. \"api.example.com\" (no scheme, no path, no trailing dot).", propName);
            }

            // API Gateway refuses upper-case letters (rule apigateway/domain-name); DNS names are case-insensitive, so lower-casing changes nothing else.
            name = name.ToLowerInvariant();
        }

        if (domain.Path is { } path && !Token.IsUnresolved(path) && !MappingKeys.IsValid(path))
        {
            throw new ArgumentException(
                $"{propName}.Path: received '{path}'. Give the base path without slashes at either end, of letters, digits and $-_.+!*'() (segments separated by '/'), e.g. \"v1\" or \"orders/v1\".",
                $"{propName}.Path");
        }

        if (domain.Existing is { } existing)
        {
            if (domain.Certificate is not null || domain.HostedZone is not null || apiZone is not null)
            {
                throw new ArgumentException(
                    $"{propName}: the domain '{name}' exists (ApiDomain.FromDomainName), so its certificate and DNS records are its owner's and only the API mapping is created. Remove the Certificate and HostedZone.",
                    propName);
            }

            return new ApiDomainParts(existing, null, domain.Path, name);
        }

        var zone = domain.HostedZone ?? apiZone;
        if (zone is null && domain.Certificate is null)
        {
            throw new ArgumentException(
                $"{propName}: '{name}' has no certificate and no hosted zone to make one in. Set {propsType}.HostedZone (e.g. HostedZone.FromHostedZoneAttributes(...)), "
                + "or give new ApiDomain { DomainName = ..., Certificate = ... } and point DNS at the API yourself.",
                propName);
        }

        var certificate = domain.Certificate ?? new Certificate(scope, "Certificate", new CertificateProps
        {
            DomainName = name,
            Validation = CertificateValidation.FromDns(zone),
        });
        var domainName = new DomainName(scope, "DomainName", new DomainNameProps
        {
            DomainName = name,
            Certificate = certificate,
            EndpointType = EndpointType.REGIONAL,
            SecurityPolicy = SecurityPolicy.TLS_1_2,
        });
        if (zone is not null)
        {
            var target = RecordTarget.FromAlias(new ApiGatewayv2DomainProperties(domainName.RegionalDomainName, domainName.RegionalHostedZoneId));
            var recordName = HostNames.AbsoluteRecordName(name);
            _ = new ARecord(scope, "AliasRecord", new ARecordProps { Zone = zone, RecordName = recordName, Target = target });
            _ = new AaaaRecord(scope, "AliasRecordIpv6", new AaaaRecordProps { Zone = zone, RecordName = recordName, Target = target });
        }

        return new ApiDomainParts(domainName, certificate, domain.Path, name);
    }
}
