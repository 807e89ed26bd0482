using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CiamServer.Testing;

/// <summary>A self-signed TLS certificate for localhost and 127.0.0.1, made once per test run, so the
/// server runs over real HTTPS (__Host- cookies, Secure, HSTS) exactly as in production.</summary>
public static class TestCertificate
{
    private static readonly Lazy<X509Certificate2> Certificate = new(Create);

    public static X509Certificate2 Instance => Certificate.Value;

    /// <summary>The password of the .pfx files tests write from <see cref="Instance"/> (test-only).</summary>
    public const string ExportPassword = "test-only";

    /// <summary>For HttpClientHandler/SocketsHttpHandler: trust this certificate and no other.</summary>
    public static bool Validate(X509Certificate2? certificate) =>
        certificate is not null && certificate.Thumbprint == Instance.Thumbprint;

    private static X509Certificate2 Create()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Re-import as PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
