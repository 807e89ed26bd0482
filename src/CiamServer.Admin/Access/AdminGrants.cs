namespace CiamServer.Admin.Access;

/// <summary>What one caller may manage: every tenant (super-admin) or the listed ones (tenant admin).</summary>
internal sealed record AdminGrants(bool IsSuperAdmin, IReadOnlySet<Guid> TenantIds)
{
    public static readonly AdminGrants None = new(false, new HashSet<Guid>());

    /// <summary>A client of the admin tenant holding the ciam.admin scope: a machine super-admin (service account).</summary>
    public static readonly AdminGrants ServiceAccount = new(true, new HashSet<Guid>());

    public bool IsAdmin => IsSuperAdmin || TenantIds.Count > 0;

    public bool CanManage(Guid tenantId) => IsSuperAdmin || TenantIds.Contains(tenantId);
}
