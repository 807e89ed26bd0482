namespace CiamServer.Core.DataProtection;

/// <summary><c>Ciam:DataProtection</c>: the certificate that encrypts ASP.NET Core Data Protection keys at
/// rest. Those keys protect cookies and the signing-key ring, and live in the database: without a
/// certificate, whoever reads the database can read them too. Set it in production.</summary>
public sealed class KeyProtectionOptions
{
    public const string Section = "Ciam:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file with a private key, mounted as a secret.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }
}
