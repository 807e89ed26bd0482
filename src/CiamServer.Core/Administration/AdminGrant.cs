namespace CiamServer.Core.Administration;

/// <summary>What an administrator (a user of the admin tenant) may manage: every tenant (super-admin, when
/// <see cref="TenantId"/> is null) or one tenant (tenant admin). Not tenant-owned: it links the admin tenant's
/// users to other tenants, so it is read only by the admin module.</summary>
public sealed class AdminGrant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>A user of the admin tenant.</summary>
    public Guid UserId { get; init; }

    /// <summary>The tenant managed, or null for all tenants.</summary>
    public Guid? TenantId { get; init; }

    public DateTime CreatedAt { get; init; }

    public bool IsSuperAdmin => TenantId is null;
}

public static class AdminRoles
{
    public const string SuperAdmin = "super-admin";
    public const string TenantAdmin = "tenant-admin";
}
