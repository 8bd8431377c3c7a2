using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Astro.Aws.Preview.Server;

/// <summary>
/// The preview's own development certificate: self-signed, for localhost and 127.0.0.1, made at start and kept in
/// memory; its public part is written under the OS temp folder so a browser or test can trust exactly it.
/// </summary>
internal static class Certificate
{
    public static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=astroaws preview (localhost)", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        // A round trip through PKCS#12 gives a certificate whose private key TLS (SslStream) can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Writes the certificate's public part (PEM) and returns the file's path.</summary>
    public static string WritePublicPart(X509Certificate2 certificate)
    {
        var path = Path.Combine(Path.GetTempPath(), $"astroaws-preview-{Environment.ProcessId}.crt");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
