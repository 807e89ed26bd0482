using CiamServer.Core.Tenancy;

namespace CiamServer.Core.Mfa;

/// <summary>"Remember this device": a browser that passed a second factor and may skip it until
/// <see cref="ExpiresAt"/>. The browser holds a random token in a signed cookie; only its hash is stored, so
/// the user can see and revoke each one.</summary>
public sealed class RememberedDevice : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid UserId { get; init; }

    public required string TokenHash { get; init; }

    /// <summary>What the user sees in the list ("Chrome on Windows").</summary>
    public string? Description { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
