using CiamServer.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CiamServer.Core.Data;

/// <summary>Gives new tenant-owned rows the current tenant, and refuses a write into another tenant.</summary>
internal static class TenantStamp
{
    public static void Apply(ChangeTracker changeTracker, ITenantContext tenantContext)
    {
        foreach (var entry in changeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var current = tenantContext.Tenant?.Id;
            if (entry.Entity.TenantId == Guid.Empty)
            {
                entry.Entity.TenantId = current
                    ?? throw new InvalidOperationException($"A {entry.Entity.GetType().Name} was saved outside any tenant.");
            }
            else if (current is { } tenantId && entry.Entity.TenantId != tenantId)
            {
                throw new InvalidOperationException($"A {entry.Entity.GetType().Name} of another tenant was written.");
            }
        }
    }
}
