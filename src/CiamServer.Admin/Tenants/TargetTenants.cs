using CiamServer.Core.Audit;
using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Admin.Tenants;

/// <summary>Work on a tenant other than the current one (the global admin API runs in the admin tenant): a new
/// service scope whose <see cref="ITenantContext"/> is set to the target, so its DbContext filters and stamps
/// rows of that tenant only, and its audit log writes there.</summary>
public sealed class TargetTenants(IServiceScopeFactory scopes, IHttpContextAccessor accessor)
{
    public AsyncServiceScope For(Tenant tenant)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant);
        return scope;
    }

    /// <summary>Records an admin write in <paramref name="tenant"/>'s audit log, with the caller as the actor.
    /// Called after the change is saved; <paramref name="data"/> never holds secrets.</summary>
    public Task AuditAsync(Tenant tenant, string action, object? data, CancellationToken cancellationToken) =>
        AuditAsync(tenant, action, tenant.Slug, data, cancellationToken);

    /// <summary>As above, about the tenant <paramref name="targetSlug"/> (which may be another one: a deleted tenant
    /// is recorded in the admin tenant's log).</summary>
    public async Task AuditAsync(Tenant tenant, string action, string targetSlug, object? data, CancellationToken cancellationToken)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("Admin writes are audited within a request.");
        await AuditAsync(tenant, AdminActor.Entry(context, action, "tenant", targetSlug, data), cancellationToken);
    }

    /// <summary>Records a prepared entry (a background job keeps the caller's entry from the request).</summary>
    public async Task AuditAsync(Tenant tenant, AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var scope = For(tenant);
        await scope.ServiceProvider.GetRequiredService<IAuditLog>().WriteAsync(entry, cancellationToken);
    }
}
