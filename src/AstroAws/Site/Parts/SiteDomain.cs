using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.Route53.Targets;
using Astro.Aws.Domains;
using Astro.Aws.Routing;
using Constructs;

namespace Astro.Aws.Parts;

/// <summary>The site's custom domain, checked: names (the first is primary), certificate, optional zone and redirect.</summary>
internal sealed class SiteDomain
{
    private const string CertificateRegion = "us-east-1";

    private SiteDomain(string[] names, ICertificate? certificate, IHostedZone? zone, bool redirect, DefaultDomainAccess defaultDomain)
    {
        Names = names;
        Certificate = certificate;
        Zone = zone;
        Redirect = redirect;
        DefaultDomain = defaultDomain;
    }

    /// <summary>What a request to the distribution's *.cloudfront.net name gets.</summary>
    public DefaultDomainAccess DefaultDomain { get; }

    public string[] Names { get; }

    public string Primary => Names[0];

    /// <summary>The caller's certificate; null when the site creates one (<see cref="CreateCertificate"/>).</summary>
    public ICertificate? Certificate { get; }

    public IHostedZone? Zone { get; }

    public bool Redirect { get; }

    /// <summary>The redirect the request function performs, or null.</summary>
    public HostRedirect? HostRedirect => Redirect || DefaultDomain != DefaultDomainAccess.Serve
        ? new HostRedirect(Primary, Redirect ? Names[1..] : [], DefaultDomain)
        : null;

    /// <summary>
    /// The DNS-validated certificate for every name, in the site's stack, which is in us-east-1 (<see cref="From"/>
    /// refuses any other region): ACM validates it through records it writes in the hosted zone.
    /// </summary>
    public ICertificate CreateCertificate(Construct scope) => new Certificate(scope, SiteIds.Certificate, new CertificateProps
    {
        DomainName = Primary,
        SubjectAlternativeNames = Names.Length > 1 ? Names[1..] : null,
        Validation = CertificateValidation.FromDns(Zone!),
    });

    /// <summary>Reads and checks the domain props; null when none is set. Unresolved tokens are never judged.</summary>
    public static SiteDomain? From(Construct scope, AstroAwsProps props)
    {
        var overrides = props.Cdk?.CloudfrontDistribution;
        var firstClass = props.DomainNames is not null || props.Certificate is not null;
        if (firstClass && overrides?.DomainNames is not null)
        {
            throw Refuse("DomainNames", "both AstroAwsProps.DomainNames/Certificate and AstroAwsCdkProps.CloudfrontDistribution.DomainNames are set",
                "Set the domain in one place: keep AstroAwsProps.DomainNames (which also writes DNS records and redirects) and remove CloudfrontDistribution.DomainNames");
        }

        if (firstClass && overrides?.Certificate is not null)
        {
            throw Refuse("Certificate", "both AstroAwsProps.DomainNames/Certificate and AstroAwsCdkProps.CloudfrontDistribution.Certificate are set",
                "Set the certificate in one place: keep AstroAwsProps.Certificate and remove CloudfrontDistribution.Certificate");
        }

        if (!firstClass && overrides?.DomainNames is { Length: > 0 } aliases && overrides.Certificate is null)
        {
            throw new ArgumentException(
                $"AstroAwsCdkProps.CloudfrontDistribution.DomainNames: received {string.Join(", ", aliases)} without a certificate; CloudFront serves other names only with a certificate that covers them. "
                + "Use AstroAwsProps.DomainNames with AstroAwsProps.Certificate (a us-east-1 ACM certificate), or also set CloudfrontDistribution.Certificate.",
                "AstroAwsCdkProps.CloudfrontDistribution.DomainNames");
        }

        if (props.DomainNames is null)
        {
            if (props.Certificate is not null)
            {
                throw Refuse("Certificate", $"a certificate ({Describe(props.Certificate)}) but no DomainNames", "Set AstroAwsProps.DomainNames to the names the certificate covers, or remove Certificate");
            }

            if (props.HostedZone is not null)
            {
                throw Refuse("HostedZone", "a hosted zone but no DomainNames", "Set AstroAwsProps.DomainNames (and Certificate), or remove HostedZone");
            }

            if (props.RedirectToPrimaryDomain)
            {
                throw Refuse("RedirectToPrimaryDomain", "true, but no DomainNames", "Set AstroAwsProps.DomainNames to the primary name first and the names to redirect after it, or remove RedirectToPrimaryDomain");
            }

            if (props.DefaultDomain is { } access and not DefaultDomainAccess.Serve)
            {
                throw Refuse("DefaultDomain", $"{access}, but no DomainNames, so the *.cloudfront.net name is the site's only one", "Set AstroAwsProps.DomainNames, or remove DefaultDomain");
            }

            return null;
        }

        var names = props.DomainNames;
        if (names.Length == 0)
        {
            throw Refuse("DomainNames", "an empty list", "Give at least one host name, e.g. [\"www.example.com\"], or leave DomainNames unset");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            var name = names[i];
            if (Token.IsUnresolved(name))
            {
                continue;
            }

            if (!HostNames.IsHostName(name))
            {
                throw Refuse($"DomainNames[{i}]", $"'{name}', which is not a host name", "Give a bare host name such as \"www.example.com\": no scheme, port, path or spaces, at least one dot");
            }

            if (!seen.Add(name))
            {
                throw Refuse($"DomainNames[{i}]", $"'{name}' a second time", "List each name once (CloudFront refuses duplicate alternate domain names)");
            }
        }

        if (props.Certificate is null)
        {
            CheckCreatableCertificate(scope, props.HostedZone, names);
        }
        else
        {
            CheckCertificateRegion(props.Certificate);
        }

        if (props.RedirectToPrimaryDomain)
        {
            if (names.Length < 2)
            {
                throw Refuse("RedirectToPrimaryDomain", $"true, but DomainNames has only the primary name ('{names[0]}'), so nothing would redirect",
                    "Add the names to redirect after the primary one, e.g. [\"www.example.com\", \"example.com\"], or remove RedirectToPrimaryDomain");
            }

            if (names[0].StartsWith('*'))
            {
                throw Refuse("DomainNames[0]", $"the wildcard '{names[0]}' as the primary name, but RedirectToPrimaryDomain needs one host to redirect to",
                    "Put a concrete host name first, e.g. [\"www.example.com\", \"*.example.com\"]");
            }
        }

        var wildcardPrimary = names[0].StartsWith('*');
        if (wildcardPrimary && props.DefaultDomain == DefaultDomainAccess.Redirect)
        {
            throw Refuse("DefaultDomain", $"Redirect, but the primary name '{names[0]}' is a wildcard, which no request can be sent to",
                "Put a concrete host name first, e.g. [\"www.example.com\", \"*.example.com\"], or set DefaultDomain = Refuse or Serve");
        }

        var defaultDomain = props.DefaultDomain ?? (wildcardPrimary || Token.IsUnresolved(names[0]) ? DefaultDomainAccess.Serve : DefaultDomainAccess.Redirect);
        return new SiteDomain(names, props.Certificate, props.HostedZone, props.RedirectToPrimaryDomain, defaultDomain);
    }

    /// <summary>An A and (unless IPv6 is off) an AAAA alias record per name, each under a child named after the name.</summary>
    public (ARecord[] A, AaaaRecord[] Aaaa) CreateRecords(Construct scope, Distribution distribution, bool ipv6)
    {
        if (Zone is null)
        {
            return ([], []);
        }

        // One child per name, named after it (not after its position), so reordering DomainNames does not replace records:
        // CloudFormation would create the new record before deleting the old one, and Route 53 refuses the duplicate.
        var records = new Construct(scope, SiteIds.DomainRecords);
        var target = RecordTarget.FromAlias(new CloudFrontTarget(distribution));
        var a = new List<ARecord>();
        var aaaa = new List<AaaaRecord>();
        for (var i = 0; i < Names.Length; i++)
        {
            var name = Names[i];
            var perName = new Construct(records, Token.IsUnresolved(name) ? i.ToString(CultureInfo.InvariantCulture) : name);

            var recordName = HostNames.AbsoluteRecordName(name);
            a.Add(new ARecord(perName, SiteIds.AliasRecordA, new ARecordProps { Zone = Zone, RecordName = recordName, Target = target }));
            if (ipv6)
            {
                aaaa.Add(new AaaaRecord(perName, SiteIds.AliasRecordAaaa, new AaaaRecordProps { Zone = Zone, RecordName = recordName, Target = target }));
            }
        }

        return ([.. a], [.. aaaa]);
    }

    /// <summary>
    /// Without a certificate, the site creates one, validated through the hosted zone; CloudFront takes certificates
    /// only from us-east-1, so that must be the stack's region. Elsewhere the fix is a small us-east-1 stack.
    /// </summary>
    private static void CheckCreatableCertificate(Construct scope, IHostedZone? zone, string[] names)
    {
        var list = string.Join(", ", names);
        if (zone is null)
        {
            throw Refuse("Certificate", $"nothing, but DomainNames is [{list}] and there is no HostedZone to validate a new certificate in",
                "Give AstroAwsProps.HostedZone (the site then creates a DNS-validated certificate), or an ACM certificate in us-east-1, e.g. Certificate.FromCertificateArn(scope, \"Cert\", \"arn:aws:acm:us-east-1:...\")");
        }

        var region = Stack.Of(scope).Region;
        if (Token.IsUnresolved(region) || region != CertificateRegion)
        {
            var where = Token.IsUnresolved(region) ? "has no explicit region" : $"is in {region}";
            throw Refuse("Certificate", $"nothing, with DomainNames [{list}] and a HostedZone, but the stack {where}, and CloudFront takes certificates only from us-east-1",
                "Create the certificate in a us-east-1 stack and pass it: `var certs = new Stack(app, \"Certificates\", new StackProps { Env = new Amazon.CDK.Environment { Account = ..., Region = \"us-east-1\" }, CrossRegionReferences = true });` "
                + "with `new Certificate(certs, \"Site\", new CertificateProps { DomainName = ..., Validation = CertificateValidation.FromDns(zone) })`, give the site's stack `CrossRegionReferences = true`, "
                + "and set AstroAwsProps.Certificate (docs/hardening.md#a-certificate-from-another-stack). Or deploy the site's stack to us-east-1");
        }

        if (!Token.IsUnresolved(zone.ZoneName) && names.FirstOrDefault(n => !Token.IsUnresolved(n) && !InZone(n, zone.ZoneName)) is { } outside)
        {
            throw Refuse("Certificate", $"nothing, and the site would validate a new certificate in the zone '{zone.ZoneName}', but '{outside}' is not in it",
                "Give a certificate of your own that covers every name, or keep DomainNames within the hosted zone");
        }
    }

    private static bool InZone(string name, string zoneName)
    {
        var host = name.TrimStart('*', '.').TrimEnd('.').ToLowerInvariant();
        var zone = zoneName.TrimEnd('.').ToLowerInvariant();
        return host == zone || host.EndsWith("." + zone, StringComparison.Ordinal);
    }

    private static void CheckCertificateRegion(ICertificate certificate)
    {
        string? region = null;
        string source;
        if (!Token.IsUnresolved(certificate.CertificateArn))
        {
            var parts = certificate.CertificateArn.Split(':');
            region = parts.Length > 3 ? parts[3] : null;
            source = $"'{certificate.CertificateArn}'";
        }
        else if (certificate is Certificate created && !Token.IsUnresolved(Stack.Of(created).Region))
        {
            // A certificate resource created by CDK lives in its stack's region.
            region = Stack.Of(created).Region;
            source = $"a certificate created in stack {Stack.Of(created).StackName}";
        }
        else
        {
            return;
        }

        if (region is not null && region != CertificateRegion)
        {
            throw Refuse("Certificate", $"{source}, which is in {region}",
                "CloudFront only uses ACM certificates in us-east-1: request or import the certificate there (e.g. a stack with Env.Region = \"us-east-1\" and CrossRegionReferences = true) and pass that one");
        }
    }

    private static string Describe(ICertificate certificate) =>
        Token.IsUnresolved(certificate.CertificateArn) ? "a certificate" : certificate.CertificateArn;

    private static ArgumentException Refuse(string property, string received, string fix) =>
        new($"AstroAwsProps.{property}: received {received}. {fix}.", $"AstroAwsProps.{property}");
}
