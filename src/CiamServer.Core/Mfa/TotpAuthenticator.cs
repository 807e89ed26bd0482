using CiamServer.Core.Tenancy;

namespace CiamServer.Core.Mfa;

/// <summary>An authenticator app (TOTP, RFC 6238) of one user. The shared secret is stored encrypted with Data
/// Protection (keys in the database, themselves protected by the configured certificate).</summary>
public sealed class TotpAuthenticator : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid UserId { get; init; }

    /// <summary>The base32 secret, encrypted (IDataProtector, purpose "CiamServer.Mfa.Totp").</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>The last 30-second step whose code was accepted: a code is taken once per step, and never one of
    /// an earlier step (no replay inside the clock window).</summary>
    public long LastUsedStep { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>Set when the user proved the app works by typing a code; until then it is not a factor.</summary>
    public DateTime? ConfirmedAt { get; set; }
}
