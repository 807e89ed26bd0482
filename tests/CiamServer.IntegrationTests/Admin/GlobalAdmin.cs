using System.Net;
using System.Security.Claims;
using CiamServer.Admin.Tenants;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Admin;

/// <summary>Calls the global admin services (tenants, keys) as their endpoints do: in the admin tenant, within a
/// request whose caller is a super-admin's token. Used until the console shell maps the global API group.</summary>
internal static class GlobalAdmin
{
    public const string ActorId = "super-admin-tool";

    public static async Task EnsureAdminTenantAsync(this CiamTestServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        if (!await db.Tenants.AnyAsync(t => t.Slug == TenantAdmin.AdminTenantSlug))
        {
            db.Tenants.Add(new Tenant { Slug = TenantAdmin.AdminTenantSlug, DisplayName = "Administration" });
            await db.SaveChangesAsync();
        }
    }

    public static async Task<T> CallAsync<TService, T>(this CiamTestServer server, Func<TService, Task<T>> call)
        where TService : notnull
    {
        var accessor = server.Services.GetRequiredService<IHttpContextAccessor>();
        await using var scope = await server.ForTenantAsync(TenantAdmin.AdminTenantSlug);
        var context = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("client_id", ActorId)], "Bearer")),
        };
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        var previous = accessor.HttpContext;
        accessor.HttpContext = context;
        try
        {
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }

    /// <summary>The admin entries of a tenant's audit log with this action.</summary>
    public static async Task<List<AuditEvent>> AuditAsync(this CiamTestServer server, string tenant, string action)
    {
        await using var scope = await server.ForTenantAsync(tenant);
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.ActorType == "admin" && e.Action == action).OrderBy(e => e.CreatedAt).ToListAsync();
    }

    public static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
