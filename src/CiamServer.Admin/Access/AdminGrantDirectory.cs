using CiamServer.Core.Administration;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CiamServer.Admin.Access;

/// <summary>Who administers what: lists, adds and removes grants. Administrators are users of the admin tenant
/// (created, invited, reset like any tenant's users); this only links them to tenants. Writes are audited in the
/// admin tenant.</summary>
public sealed class AdminGrantDirectory(CiamDbContext db, ITenantDirectory tenants, ITenantContext tenantContext,
    IOptions<AdminOptions> options, AdminAudit audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<AdminGrantView>> ListAsync(Guid? tenantId, CancellationToken cancellationToken)
    {
        var adminTenant = await AdminTenantAsync(cancellationToken);
        var query = from g in db.AdminGrants
                    join u in db.Users.IgnoreQueryFilters() on g.UserId equals u.Id
                    join t in db.Tenants on g.TenantId equals t.Id into tenantsOfGrant
                    from t in tenantsOfGrant.DefaultIfEmpty()
                    where u.TenantId == adminTenant.Id
                    select new { g.Id, g.UserId, u.Email, g.TenantId, Slug = (string?)t.Slug, g.CreatedAt };
        if (tenantId is { } id)
        {
            // The admins of one tenant: its tenant admins and every super-admin.
            query = query.Where(g => g.TenantId == id || g.TenantId == null);
        }

        var rows = await query.OrderBy(g => g.Email).ThenBy(g => g.Slug).Take(1000).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AdminGrantView(r.Id, r.UserId, r.Email ?? string.Empty,
            r.TenantId is null ? AdminRoles.SuperAdmin : AdminRoles.TenantAdmin, r.Slug, r.CreatedAt))];
    }

    /// <summary>Grants <paramref name="role"/> to the admin tenant user with <paramref name="email"/>; for a tenant admin,
    /// on the tenant <paramref name="tenantSlug"/>. Errors are by field, for a form or a problem document.</summary>
    public async Task<(AdminGrantView? Grant, Dictionary<string, string[]> Errors)> AddAsync(string? email, string? role, string? tenantSlug,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var adminTenant = await AdminTenantAsync(cancellationToken);
        var normalized = email?.Trim().ToUpperInvariant();
        var user = string.IsNullOrEmpty(normalized) ? null
            : await db.Users.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.TenantId == adminTenant.Id && u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            errors["email"] = [$"No user of the admin tenant has this email. Create the account first (tenant \"{adminTenant.Slug}\", Users)."];
        }

        Tenant? target = null;
        if (role == AdminRoles.TenantAdmin)
        {
            target = string.IsNullOrWhiteSpace(tenantSlug) ? null : await tenants.FindBySlugAsync(tenantSlug.Trim(), cancellationToken);
            if (target is null)
            {
                errors["tenant"] = ["Name an existing tenant by its slug."];
            }
            else if (target.Id == adminTenant.Id)
            {
                errors["tenant"] = ["The admin tenant is managed by super-admins only."];
            }
        }
        else if (role != AdminRoles.SuperAdmin)
        {
            errors["role"] = [$"The role is \"{AdminRoles.SuperAdmin}\" or \"{AdminRoles.TenantAdmin}\"."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var tenantId = target?.Id;
        if (await db.AdminGrants.AnyAsync(g => g.UserId == user!.Id && g.TenantId == tenantId, cancellationToken))
        {
            return (null, new() { ["email"] = ["This administrator already has this role."] });
        }

        var grant = new AdminGrant { UserId = user!.Id, TenantId = tenantId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.AdminGrants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        var view = new AdminGrantView(grant.Id, user.Id, user.Email ?? string.Empty, role!, target?.Slug, grant.CreatedAt);
        await AuditInAdminTenantAsync("admin.grants.added", view, cancellationToken);
        return (view, errors);
    }

    /// <summary>Removes a grant; the last super-admin cannot be removed (nobody could manage the server then).</summary>
    public async Task<RemoveGrantResult> RemoveAsync(Guid grantId, CancellationToken cancellationToken)
    {
        var grant = await db.AdminGrants.SingleOrDefaultAsync(g => g.Id == grantId, cancellationToken);
        if (grant is null)
        {
            return RemoveGrantResult.NotFound;
        }

        if (grant.TenantId is null && await db.AdminGrants.CountAsync(g => g.TenantId == null, cancellationToken) == 1)
        {
            return RemoveGrantResult.LastSuperAdmin;
        }

        var view = (await ListAsync(null, cancellationToken)).Single(g => g.Id == grantId);
        db.AdminGrants.Remove(grant);
        await db.SaveChangesAsync(cancellationToken);
        await AuditInAdminTenantAsync("admin.grants.removed", view, cancellationToken);
        return RemoveGrantResult.Removed;
    }

    private async Task<Tenant> AdminTenantAsync(CancellationToken cancellationToken) =>
        await tenants.FindBySlugAsync(options.Value.TenantSlug, cancellationToken)
        ?? throw new InvalidOperationException("The admin tenant has not been created.");

    /// <summary>Grants belong to the admin tenant's audit log, whatever tenant page they were changed from.</summary>
    private async Task AuditInAdminTenantAsync(string action, AdminGrantView grant, CancellationToken cancellationToken)
    {
        var current = tenantContext.Tenant;
        tenantContext.Set(await AdminTenantAsync(cancellationToken));
        try
        {
            await audit.WriteAsync(action, "admin_grant", grant.Id.ToString(),
                new { grant.UserId, grant.Email, grant.Role, tenant = grant.TenantSlug }, cancellationToken);
        }
        finally
        {
            if (current is not null)
            {
                tenantContext.Set(current);
            }
        }
    }
}

public sealed record AdminGrantView(Guid Id, Guid UserId, string Email, string Role, string? TenantSlug, DateTime CreatedAt);

public enum RemoveGrantResult
{
    Removed,
    NotFound,
    LastSuperAdmin,
}
