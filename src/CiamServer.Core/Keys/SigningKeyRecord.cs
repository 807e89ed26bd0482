namespace CiamServer.Core.Keys;

/// <summary>A key of the server's key ring, its private part encrypted with ASP.NET Core Data Protection.</summary>
public sealed class SigningKeyRecord
{
    /// <summary>The key id (<c>kid</c>) published in JWKS.</summary>
    public required string Id { get; init; }

    /// <summary><see cref="KeyUses.Signing"/> or <see cref="KeyUses.Encryption"/>.</summary>
    public required string Use { get; init; }

    public required string Algorithm { get; init; }

    /// <summary>The PKCS#8 private key, protected by Data Protection (so the database alone cannot sign).</summary>
    public required string ProtectedPrivateKey { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>When the key starts signing; published in JWKS before that so caches learn it first.</summary>
    public DateTime ActivatesAt { get; set; }

    /// <summary>When the key stops signing; it stays published until <see cref="ExpiresAt"/>.</summary>
    public DateTime? RetiredAt { get; set; }

    /// <summary>When the key leaves JWKS: after the longest lifetime of a token it signed.</summary>
    public DateTime? ExpiresAt { get; set; }
}

public static class KeyUses
{
    public const string Signing = "sig";
    public const string Encryption = "enc";
}
