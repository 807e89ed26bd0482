using Microsoft.Extensions.Time.Testing;

namespace CiamServer.IntegrationTests.Mfa;

/// <summary>A server on a fake clock (TOTP steps, remembered days) with tenants for each MFA mode: "mfareq"
/// (required; "support" role too), "adaptive" (risk steps up from a score of 10) and acme (off), each with an
/// admin client for the sign-ins API.</summary>
public sealed class MfaSignInFixture : ServerFixture
{
    public const string Required = "mfareq";
    public const string Adaptive = "adaptive";
    public const string AdminSecret = "test-only-admin-client-secret";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override TestServerOptions Options()
    {
        var options = new TestServerOptions { Clock = Clock };
        options.ImportDocuments.Clear();
        options.ImportDocuments.Add($$"""
            { "tenants": [
              {{Tenant(TestTenants.Acme, null)}},
              {{Tenant(Required, "\"mfa\": { \"mode\": \"required\" },")}},
              {{Tenant(Adaptive, "\"mfa\": { \"mode\": \"adaptive\" }, \"risk\": { \"stepUpAt\": 10, \"denyAt\": 101 },")}}
            ] }
            """);
        return options;
    }

    private static string Tenant(string slug, string? settings) => TestTenants.Tenant(slug, slug)
        .Replace($"\"slug\": \"{slug}\",", $"\"slug\": \"{slug}\", {settings}", StringComparison.Ordinal)
        .Replace("\"apiScopes\": [", "\"apiScopes\": [ { \"name\": \"ciam.admin\", \"audiences\": [\"ciam.admin\"] },", StringComparison.Ordinal)
        .Replace("\"clients\": [",
            "\"clients\": [ { \"clientId\": \"admin-tool\", \"type\": \"confidential\", \"secret\": \"" + AdminSecret + "\", \"grantTypes\": [\"client_credentials\"], \"scopes\": [\"ciam.admin\"] },",
            StringComparison.Ordinal);
}
