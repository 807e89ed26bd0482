using Microsoft.Extensions.Time.Testing;

namespace CiamServer.IntegrationTests.Passwordless;

/// <summary>A server on a fake clock (code expiry) with tenants that offer different ways to sign in:
/// acme (the defaults: password, email link and code, passkeys), "phones" (no password, text messages on),
/// "codeonly" (email codes, no links), "linkonly" (links, no codes) and "pwdonly" (passwords only).</summary>
public sealed class PasswordlessFixture : ServerFixture
{
    public const string Phones = "phones";
    public const string CodeOnly = "codeonly";
    public const string LinkOnly = "linkonly";
    public const string PasswordOnly = "pwdonly";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The standard test tenant (clients, users) with text messages on and passwords off.</summary>
    private static string PhonesTenant => TestTenants.Tenant(Phones, "Phones Inc").Replace(
        $"\"slug\": \"{Phones}\",", $"\"slug\": \"{Phones}\", \"signIn\": {{ \"password\": false, \"smsCode\": true }},", StringComparison.Ordinal);

    protected override TestServerOptions Options()
    {
        var options = new TestServerOptions { Clock = Clock };
        options.ImportDocuments.Add($$"""
            { "tenants": [
              {{PhonesTenant}},
              { "slug": "{{CodeOnly}}", "displayName": "Code Only", "signIn": { "emailLink": false } },
              { "slug": "{{LinkOnly}}", "displayName": "Link Only", "signIn": { "emailCode": false, "password": false } },
              { "slug": "{{PasswordOnly}}", "displayName": "Passwords", "signIn": { "emailLink": false, "emailCode": false, "passkey": false } }
            ] }
            """);
        return options;
    }
}
