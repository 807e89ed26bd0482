using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Support;

/// <summary>Reaching into the running server's services the way a request would: a scope with a tenant set.</summary>
internal static class TenantScopes
{
    public static async Task<AsyncServiceScope> ForTenantAsync(this CiamTestServer server, string slug)
    {
        var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug);
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant);
        return scope;
    }

    /// <summary>A verified account made directly with Identity (for tests that are not about sign-up).</summary>
    public static async Task CreateVerifiedUserAsync(this CiamTestServer server, string tenant, string email, string password)
    {
        await using var scope = await server.ForTenantAsync(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>();
        var result = await users.CreateAsync(new CiamUser { UserName = email, Email = email, EmailConfirmed = true }, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Every user row with this email, in all tenants (query filters off).</summary>
    public static async Task<List<CiamUser>> UsersInAllTenantsAsync(this CiamTestServer server, string email)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var normalized = email.ToUpperInvariant();
        return await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.NormalizedEmail == normalized).ToListAsync();
    }
}
