using System.Net.Http.Headers;
using System.Text.Json;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.Core.Users;
using CiamServer.IntegrationTests.Sessions;
using CiamServer.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Admin;

/// <summary>What the clients, scopes and roles API tests share: an admin client of a tenant, JSON and problem
/// answers, the audit log, and the refusals every admin endpoint gives without a token or the admin scope.</summary>
internal static class AdminApiKit
{
    public static async Task<HttpClient> AdminAsync(CiamTestServer server, string tenant) =>
        (await AdminClients.CreateAsync(new OidcFlow(server, server.CreateBrowser(), tenant), AdminSessionsApiTests.AdminSecret)).Client;

    /// <summary>An API client with a token of the "machine" client, which has orders.read but not ciam.admin.</summary>
    public static async Task<HttpClient> WithoutAdminScopeAsync(CiamTestServer server, string tenant)
    {
        var flow = new OidcFlow(server, server.CreateBrowser(), tenant);
        var token = (await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "machine", ["client_secret"] = TestTenants.MachineSecret, ["scope"] = "orders.read",
        })).AccessToken;
        var api = flow.ApiClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    /// <summary>A token of the tenant without the ciam.admin scope: 401 today, because such a token is not for the
    /// ciam.admin audience either (the validation refuses it before the policy looks at the scope); 403 if it were.</summary>
    public static void AssertRefused(System.Net.HttpStatusCode status) =>
        Assert.True(status is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden, status.ToString());

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text.Length == 0 ? "null" : text).RootElement;
    }

    /// <summary>The messages of one field of a 400 problem answer (RFC 9457 with "errors").</summary>
    public static async Task<string[]> FieldErrorsAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}");
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }

    public static async Task<List<AuditEvent>> AuditAsync(CiamTestServer server, string tenant, string action, string targetId)
    {
        await using var scope = await server.ForTenantAsync(tenant);
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == action && e.TargetId == targetId).ToListAsync();
    }

    public static async Task<Guid> UserIdAsync(CiamTestServer server, string tenant, string email)
    {
        await using var scope = await server.ForTenantAsync(tenant);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().FindByEmailAsync(email))!.Id;
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
