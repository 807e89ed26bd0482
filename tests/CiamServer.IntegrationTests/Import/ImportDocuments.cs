namespace CiamServer.IntegrationTests.Import;

/// <summary>Import files for one tenant of a test's own (a fresh slug), so tests never share rows.</summary>
internal static class ImportDocuments
{
    public const string WebSecret = "first-test-only-web-secret";
    public const string MachineSecret = "first-test-only-machine-secret";

    public static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];

    public static string Tenant(string slug, string displayName = "Imported Tenant", string redirectUri = "https://app.example/callback",
        string webSecret = WebSecret, string machineSecret = MachineSecret) => $$"""
        {
          "slug": "{{slug}}",
          "displayName": "{{displayName}}",
          "branding": { "primaryColor": "#336699", "logoUrl": "https://app.example/logo.png" },
          "passwordPolicy": { "minLength": 10 },
          "sessionPolicy": { "idleTimeoutMinutes": 20, "absoluteLifetimeMinutes": 600 },
          "apiScopes": [ { "name": "orders.read", "displayName": "Read orders", "description": "Read your orders", "audiences": ["orders-api"] } ],
          "roles": ["customer", "support"],
          "clients": [
            { "clientId": "web", "displayName": "Web", "type": "confidential", "secret": "{{webSecret}}",
              "redirectUris": ["{{redirectUri}}"], "postLogoutRedirectUris": ["https://app.example/signed-out"],
              "grantTypes": ["authorization_code", "refresh_token"], "scopes": ["openid", "profile", "email", "orders.read"] },
            { "clientId": "spa", "displayName": "SPA", "type": "public",
              "redirectUris": ["http://127.0.0.1:7890/callback", "com.example.app:/callback"], "grantTypes": ["authorization_code"],
              "scopes": ["openid", "profile"] },
            { "clientId": "machine", "displayName": "Machine", "type": "confidential", "secret": "{{machineSecret}}",
              "grantTypes": ["client_credentials"], "scopes": ["orders.read"] }
          ],
          "users": [
            { "email": "owner@example.com", "password": "{{TestTenants.Password}}", "emailVerified": true,
              "givenName": "Olive", "familyName": "Owner", "roles": ["customer", "support"] },
            { "email": "nopassword@example.com", "emailVerified": false }
          ]
        }
        """;

    public static string Document(params string[] tenants) => $$"""{ "tenants": [ {{string.Join(", ", tenants)}} ] }""";
}
