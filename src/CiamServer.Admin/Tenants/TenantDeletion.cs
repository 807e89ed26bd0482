using System.Reflection;
using CiamServer.Core.Administration;
using CiamServer.Core.Data;
using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CiamServer.Admin.Tenants;

/// <summary>Deletes a tenant and every row it owns. What it removes is found from the model (every
/// <see cref="ITenantOwned"/> entity), so a module's new table is covered without changing this class; the
/// users' role memberships, claims, logins and Identity tokens go with the users (cascade).</summary>
public sealed class TenantDeletion(CiamDbContext db, ITenantDirectory directory, TargetTenants scopes, IOptions<AdminOptions> options)
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["AspNetUsers"] = "users",
        ["AspNetRoles"] = "roles",
        ["OpenIddictApplications"] = "clients",
        ["OpenIddictScopes"] = "API scopes",
        ["OpenIddictAuthorizations"] = "authorizations (consents and token families)",
        ["OpenIddictTokens"] = "tokens",
        ["user_sessions"] = "sessions",
        ["audit_events"] = "audit events",
        ["sign_in_attempts"] = "sign-in attempts",
        ["passkey_credentials"] = "passkeys",
        ["totp_authenticators"] = "authenticator apps",
        ["recovery_codes"] = "recovery codes",
        ["remembered_devices"] = "remembered devices",
        ["one_time_codes"] = "one-time codes",
    };

    private static readonly MethodInfo CountMethod = typeof(TenantDeletion).GetMethod(nameof(CountOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo DeleteMethod = typeof(TenantDeletion).GetMethod(nameof(DeleteAllOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<TenantResult<TenantDeletionPreview>> PreviewAsync(string slug, CancellationToken cancellationToken)
    {
        var tenant = await FindAsync(slug, cancellationToken);
        if (tenant is null)
        {
            return TenantResult<TenantDeletionPreview>.NotFound();
        }

        if (slug == options.Value.TenantSlug)
        {
            return TenantResult<TenantDeletionPreview>.Refused("The admin tenant cannot be deleted.");
        }

        await using var scope = scopes.For(tenant);
        var target = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var rows = new List<TenantRows>();
        foreach (var entityType in DeletionOrder(target.Model))
        {
            var count = await (Task<int>)CountMethod.MakeGenericMethod(entityType.ClrType).Invoke(null, [target, cancellationToken])!;
            var table = entityType.GetTableName() ?? entityType.ClrType.Name;
            rows.Add(new TenantRows(Names.GetValueOrDefault(table, table), table, count));
        }

        var openSessions = await target.Sessions.CountAsync(s => s.EndedAt == null, cancellationToken);
        return TenantResult<TenantDeletionPreview>.Done(new TenantDeletionPreview(tenant.Slug, tenant.DisplayName, openSessions,
            [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal)]));
    }

    /// <summary>Disables the tenant (its issuer answers 404 from now on, so nobody signs in meanwhile), ends its
    /// open sessions (revoking their tokens, as a sign-out does), then deletes its rows and the tenant in one
    /// transaction. <paramref name="confirm"/> must repeat the slug. Audited in the current (admin) tenant's log,
    /// since the tenant's own log is deleted with it.</summary>
    public async Task<TenantResult<TenantDeletionPreview>> DeleteAsync(string slug, string? confirm, CancellationToken cancellationToken)
    {
        var preview = await PreviewAsync(slug, cancellationToken);
        if (preview.Outcome != TenantOutcome.Done)
        {
            return preview;
        }

        if (confirm != slug)
        {
            return TenantResult<TenantDeletionPreview>.Invalid("confirm", "must repeat the tenant's slug to confirm the deletion.");
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Slug == slug, cancellationToken);
        var wasEnabled = tenant.Enabled;
        tenant.Enabled = false;
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate(slug);
        try
        {
            var ended = await EndSessionsAsync(tenant, cancellationToken);
            await DeleteRowsAsync(tenant, cancellationToken);
            directory.Invalidate(slug);
            // In the admin tenant's log, whatever the current tenant (a console page of the tenant has switched to it).
            var adminTenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == options.Value.TenantSlug, CancellationToken.None);
            await scopes.AuditAsync(adminTenant, "admin.tenants.deleted", slug, new
            {
                before = TenantResource.From(tenant, options.Value.TenantSlug) with { Enabled = wasEnabled },
                endedSessions = ended,
                rows = preview.Value!.Rows.Where(r => r.Count > 0).ToDictionary(r => r.Table, r => r.Count),
            }, cancellationToken);
            return preview;
        }
        catch
        {
            // Nothing was deleted (one transaction): give the tenant back its state. Sessions ended stay ended.
            db.ChangeTracker.Clear();
            await db.Tenants.Where(t => t.Id == tenant.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Enabled, wasEnabled), CancellationToken.None);
            directory.Invalidate(slug);
            throw;
        }
    }

    private async Task<int> EndSessionsAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        await using var scope = scopes.For(tenant);
        var target = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var sessions = scope.ServiceProvider.GetRequiredService<ISessionManager>();
        var users = await target.Sessions.Where(s => s.EndedAt == null).Select(s => s.UserId).Distinct().ToListAsync(cancellationToken);
        var count = await target.Sessions.CountAsync(s => s.EndedAt == null, cancellationToken);
        foreach (var userId in users)
        {
            await sessions.EndAllForUserAsync(userId, SessionEndReasons.Administrator, cancellationToken);
        }

        return count;
    }

    private async Task DeleteRowsAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        await using var scope = scopes.For(tenant);
        var target = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var strategy = target.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
            foreach (var entityType in DeletionOrder(target.Model))
            {
                await (Task<int>)DeleteMethod.MakeGenericMethod(entityType.ClrType).Invoke(null, [target, cancellationToken])!;
            }

            await target.Tenants.Where(t => t.Id == tenant.Id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>The tenant-owned entity types, each after every tenant-owned type that references it (tokens
    /// before authorizations before clients, factors before users).</summary>
    internal static IReadOnlyList<IEntityType> DeletionOrder(IModel model)
    {
        var remaining = model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null && !t.IsOwned())
            .OrderBy(t => t.GetTableName(), StringComparer.Ordinal)
            .ToList();
        var order = new List<IEntityType>();
        while (remaining.Count > 0)
        {
            // A type nothing left references; on a cycle (none today) the first one, and the database says no.
            var next = remaining.FirstOrDefault(t => !remaining.Any(other => other != t && other.GetForeignKeys().Any(fk => fk.PrincipalEntityType == t)))
                ?? remaining[0];
            order.Add(next);
            remaining.Remove(next);
        }

        return order;
    }

    private Task<Tenant?> FindAsync(string slug, CancellationToken cancellationToken) =>
        TenantSlug.IsValid(slug)
            ? db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken)
            : Task.FromResult<Tenant?>(null);

    // The target scope's query filter limits both to the tenant's rows.
    private static Task<int> CountOfAsync<T>(CiamDbContext target, CancellationToken cancellationToken)
        where T : class => target.Set<T>().CountAsync(cancellationToken);

    private static Task<int> DeleteAllOfAsync<T>(CiamDbContext target, CancellationToken cancellationToken)
        where T : class => target.Set<T>().ExecuteDeleteAsync(cancellationToken);
}
