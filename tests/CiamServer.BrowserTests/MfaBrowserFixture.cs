namespace CiamServer.BrowserTests;

/// <summary>A server (real clock) with a tenant for each MFA mode: acme (off; step-up only when a client asks),
/// "mfareq" (required), "mfaopt" (optional) and "adaptive" (risk steps up from a score of 10).</summary>
public sealed class MfaBrowserFixture : ServerFixture
{
    public const string Required = "mfareq";
    public const string Optional = "mfaopt";
    public const string Adaptive = "adaptive";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        [TestTenants.Acme] = null,
        [Required] = "\"mfa\": { \"mode\": \"required\" },",
        [Optional] = "\"mfa\": { \"mode\": \"optional\" },",
        [Adaptive] = "\"mfa\": { \"mode\": \"adaptive\" }, \"risk\": { \"stepUpAt\": 10, \"denyAt\": 101 },",
    };

    /// <summary>Imports a new verified user with the test password into the tenant (its whole document again, MFA
    /// settings included, so nothing else changes) and returns the email.</summary>
    public async Task<string> NewUserAsync(string tenant, string prefix)
    {
        var email = $"{prefix}-{Guid.NewGuid():N}@example.com";
        var user = $$"""{ "email": "{{email}}", "password": "{{TestTenants.Password}}", "emailVerified": true },""";
        var document = Tenant(tenant).Replace("\"users\": [", "\"users\": [ " + user, StringComparison.Ordinal);
        await Server.ImportAsync($$"""{ "tenants": [ {{document}} ] }""");
        return email;
    }

    protected override TestServerOptions Options()
    {
        var options = new TestServerOptions();
        options.ImportDocuments.Clear();
        options.ImportDocuments.Add($$"""{ "tenants": [ {{string.Join(", ", Settings.Keys.Select(Tenant))}} ] }""");
        return options;
    }

    private static string Tenant(string slug) =>
        TestTenants.Tenant(slug, slug == TestTenants.Acme ? "Acme Corp" : slug)
            .Replace($"\"slug\": \"{slug}\",", $"\"slug\": \"{slug}\", {Settings[slug]}", StringComparison.Ordinal);
}
