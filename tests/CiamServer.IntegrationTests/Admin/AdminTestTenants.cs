using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Admin;

/// <summary>A fresh tenant per test (the standard one plus an "admin-tool" client with the ciam.admin scope), so a
/// test that changes a tenant's settings never changes what another test sees.</summary>
internal static class AdminTestTenants
{
    public const string AdminSecret = "test-only-admin-client-secret";

    /// <summary>Imports a new tenant; <paramref name="settings"/> is JSON inserted after its slug (e.g. <c>"mfa": {...},</c>).</summary>
    public static async Task<string> CreateAsync(CiamTestServer server, string prefix, string? settings = null)
    {
        var slug = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 40)];
        await server.ImportAsync($$"""{ "tenants": [ {{Json(slug, settings)}} ] }""");
        return slug;
    }

    public static string Json(string slug, string? settings = null) => TestTenants.Tenant(slug, slug)
        .Replace($"\"slug\": \"{slug}\",", $"\"slug\": \"{slug}\", {settings}", StringComparison.Ordinal)
        .Replace("\"apiScopes\": [", "\"apiScopes\": [ { \"name\": \"ciam.admin\", \"audiences\": [\"ciam.admin\"] },", StringComparison.Ordinal)
        .Replace("\"clients\": [",
            "\"clients\": [ { \"clientId\": \"admin-tool\", \"type\": \"confidential\", \"secret\": \"" + AdminSecret +
            "\", \"grantTypes\": [\"client_credentials\"], \"scopes\": [\"ciam.admin\"] },",
            StringComparison.Ordinal);

    public static async Task<HttpClient> AdminAsync(CiamTestServer server, string tenant, string scope = "ciam.admin") =>
        (await AdminClients.CreateAsync(new OidcFlow(server, server.CreateBrowser(), tenant), AdminSecret, scope)).Client;
}
