using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Testing.Passkeys;

/// <summary>Users and tenant settings for passkey tests: a fresh user per test (passkeys stay on that user),
/// and sign-in policies the import format does not carry, set in the database.</summary>
public static class PasskeyTestData
{
    /// <summary>Imports a verified user with the test password into the tenant (its standard document, so
    /// re-importing the rest changes nothing) and returns the email.</summary>
    public static async Task<string> ImportUserAsync(CiamTestServer server, string tenant, string? displayName = null)
    {
        var email = $"passkey-{Guid.NewGuid():N}@example.com";
        var user = $$"""{ "email": "{{email}}", "password": "{{TestTenants.Password}}", "emailVerified": true, "givenName": "Pat", "familyName": "Key" },""";
        var document = TestTenants.Tenant(tenant, displayName ?? (tenant == TestTenants.Acme ? "Acme Corp" : tenant == TestTenants.Globex ? "Globex" : tenant));
        await server.ImportAsync($$"""{ "tenants": [ {{document.Replace("\"users\": [", "\"users\": [ " + user, StringComparison.Ordinal)}} ] }""");
        return email;
    }

    /// <summary>Changes a tenant's sign-in policy and drops it from this node's tenant cache.</summary>
    public static async Task SetSignInPolicyAsync(CiamTestServer server, string tenant, Action<TenantSignInPolicy> change)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var row = await db.Tenants.SingleAsync(t => t.Slug == tenant);
        change(row.SignIn);
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<ITenantDirectory>().Invalidate(tenant);
    }

    /// <summary>Changes a user directly (e.g. removes the password to make a passkey-only account).</summary>
    public static async Task UpdateUserAsync(CiamTestServer server, string tenant, string email, Action<CiamUser> change)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var tenantId = await db.Tenants.Where(t => t.Slug == tenant).Select(t => t.Id).SingleAsync();
        var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.TenantId == tenantId && u.NormalizedEmail == email.ToUpperInvariant());
        change(user);
        await db.SaveChangesAsync();
    }
}
