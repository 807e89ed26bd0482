using CiamServer.Core.Tenancy;

namespace CiamServer.Core.Mfa;

/// <summary>One of a user's single-use recovery codes (shown once, stored as a SHA-256 hash).</summary>
public sealed class RecoveryCode : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid UserId { get; init; }

    public required string CodeHash { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? UsedAt { get; set; }
}
