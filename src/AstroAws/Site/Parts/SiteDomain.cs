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

    private SiteDomain(string[] names, ICertificate certificate, IHostedZone? zone, bool redirect)
    {
        Names = names;
        Certificate = certificate;
        Zone = zone;
        Redirect = redirect;
    }

    public string[] Names { get; }

    public string Primary => Names[0];

    public ICertificate Certificate { get; }

    public IHostedZone? Zone { get; }

    public bool Redirect { get; }

    /// <summary>The redirect the request function performs, or null.</summary>
    public HostRedirect? HostRedirect => Redirect ? new HostRedirect(Primary, Names[1..]) : null;

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
            throw Refuse("Certificate", $"nothing, but DomainNames is [{string.Join(", ", names)}]",
                "CloudFront serves a custom name only with a certificate for it: give an ACM certificate in us-east-1, e.g. Certificate.FromCertificateArn(scope, \"Cert\", \"arn:aws:acm:us-east-1:...\")");
        }

        CheckCertificateRegion(props.Certificate);

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

        return new SiteDomain(names, props.Certificate, props.HostedZone, props.RedirectToPrimaryDomain);
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
