namespace CiamServer.Core.DataProtection;

/// <summary><c>Ciam:DataProtection</c>: the certificate that encrypts ASP.NET Core Data Protection keys at
/// rest. Those keys protect cookies and the signing-key ring, and live in the database: without a
/// certificate, whoever reads the database can read them too. Required unless plain-HTTP development or
/// <see cref="AllowUnencryptedKeys"/>.</summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "Ciam:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with a private key, mounted as a secret.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Accept keys in the clear when serving HTTPS without a certificate (e.g. the database is encrypted
    /// at rest by other means). Off: such a start is refused. Plain-HTTP development needs neither.</summary>
    public bool AllowUnencryptedKeys { get; set; }
}
