using CiamServer.Core.Administration;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CiamServer.Admin.Access;

/// <summary>Reads administrators' grants, once per request: they are checked on every page and API call (not
/// kept in the cookie or token), so removing a grant takes effect at the next request.</summary>
internal sealed class AdminAccess(CiamDbContext db, ITenantContext tenantContext, IOptions<AdminOptions> options)
{
    private readonly Dictionary<Guid, AdminGrants> _byUser = [];

    /// <summary>The tenant the request came in through is the admin tenant (the console and the cross-tenant API
    /// exist only there).</summary>
    public bool InAdminTenant => tenantContext.Tenant is { } tenant && IsAdminTenant(tenant);

    public bool IsAdminTenant(Tenant tenant) => string.Equals(tenant.Slug, options.Value.TenantSlug, StringComparison.Ordinal);

    public async Task<AdminGrants> GrantsOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (_byUser.TryGetValue(userId, out var known))
        {
            return known;
        }

        var tenantIds = await db.AdminGrants.Where(g => g.UserId == userId).Select(g => g.TenantId).ToListAsync(cancellationToken);
        var grants = tenantIds.Count == 0
            ? AdminGrants.None
            : new AdminGrants(tenantIds.Contains(null), tenantIds.OfType<Guid>().ToHashSet());
        _byUser[userId] = grants;
        return grants;
    }
}
