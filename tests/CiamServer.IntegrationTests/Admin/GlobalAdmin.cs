using System.Net.Http.Json;
using System.Text.Json;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Admin;

/// <summary>The admin tenant's global API (tenants, keys) as a super-admin calls it: a real token from the code
/// flow against the admin tenant.</summary>
internal static class GlobalAdmin
{
    public static async Task<HttpClient> SuperAdminAsync(this CiamTestServer server, string email = "root-global@admin.test")
    {
        await server.CreateAdminAsync(email);
        return (await server.ForAdminAsync(email)).Client;
    }

    /// <summary><c>/t/admin/admin/api/{path}</c></summary>
    public static Uri GlobalUrl(this CiamTestServer server, string path) => server.Url(server.AdminTenant(), "admin/api/" + path);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The field names of a 400 problem's <c>errors</c>.</summary>
    public static async Task<List<string>> ErrorFieldsAsync(this HttpResponseMessage response) =>
        [.. (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    /// <summary>The admin entries of a tenant's audit log with this action.</summary>
    public static async Task<List<AuditEvent>> AuditAsync(this CiamTestServer server, string tenant, string action)
    {
        await using var scope = await server.ForTenantAsync(tenant);
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.ActorType == "admin" && e.Action == action).OrderBy(e => e.CreatedAt).ToListAsync();
    }

    public static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
