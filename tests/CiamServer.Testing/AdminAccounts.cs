using CiamServer.Core.Administration;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CiamServer.Testing;

/// <summary>Administrators for tests: users of the admin tenant with a super-admin or tenant admin grant, created
/// straight in the database (what a super-admin would do in the console).</summary>
public static class AdminAccounts
{
    public const string Password = "test-only admin password 42";

    /// <summary>The admin tenant's slug (the console lives at /t/{slug}/console).</summary>
    public static string AdminTenant(this CiamTestServer server) =>
        server.Services.GetRequiredService<IOptions<AdminOptions>>().Value.TenantSlug;

    /// <summary>Creates (or reuses) the admin tenant user <paramref name="email"/> and grants it every tenant
    /// (<paramref name="tenants"/> empty) or the tenants named.</summary>
    public static async Task<Guid> CreateAdminAsync(this CiamTestServer server, string email, params string[] tenants) =>
        await server.CreateAdminTenantUserAsync(email, grant: true, tenants);

    /// <summary>A user of the admin tenant; with <paramref name="grant"/> false, one with no administrator role.</summary>
    public static async Task<Guid> CreateAdminTenantUserAsync(this CiamTestServer server, string email, bool grant = false, params string[] tenants)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CiamDbContext>();
        var admin = await db.Tenants.SingleAsync(t => t.Slug == server.AdminTenant());
        services.GetRequiredService<ITenantContext>().Set(admin);
        var users = services.GetRequiredService<UserManager<CiamUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new CiamUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }

        if (!grant)
        {
            return user.Id;
        }

        var tenantIds = tenants.Length == 0
            ? [null]
            : (await db.Tenants.Where(t => tenants.Contains(t.Slug)).Select(t => t.Id).ToListAsync()).Select(id => (Guid?)id).ToList();
        foreach (var tenantId in tenantIds.Where(id => !db.AdminGrants.Any(g => g.UserId == user.Id && g.TenantId == id)))
        {
            db.AdminGrants.Add(new AdminGrant { UserId = user.Id, TenantId = tenantId, CreatedAt = DateTime.UtcNow });
        }

        await db.SaveChangesAsync();
        return user.Id;
    }
}
