namespace CiamServer.Testing;

/// <summary>The tenants most tests run against. "acme" and "globex" register the same client ids and a
/// user with the same email, so tests can prove that nothing crosses from one tenant to the other.</summary>
public static class TestTenants
{
    public const string Acme = "acme";
    public const string Globex = "globex";

    /// <summary>Redirect URIs of the test clients; nothing listens there, tests read the Location header.</summary>
    public const string WebRedirectUri = "https://client.example/callback";
    public const string WebPostLogoutUri = "https://client.example/signed-out";
    public const string SpaRedirectUri = "http://127.0.0.1:7890/callback";

    public const string WebSecret = "test-only-web-client-secret";
    public const string MachineSecret = "test-only-machine-client-secret";
    public const string ApiSecret = "test-only-api-introspection-secret";
    public const string Password = "test-only correct horse battery";

    public static string Standard => $$"""
        { "tenants": [ {{Tenant(Acme, "Acme Corp")}}, {{Tenant(Globex, "Globex")}} ] }
        """;

    public static string Tenant(string slug, string name) => $$"""
        {
          "slug": "{{slug}}",
          "displayName": "{{name}}",
          "branding": { "primaryColor": "#123456" },
          "apiScopes": [ { "name": "orders.read", "displayName": "Read orders", "description": "Read your orders", "audiences": ["orders-api"] } ],
          "roles": ["customer", "support"],
          "clients": [
            { "clientId": "web", "displayName": "Acme Web", "type": "confidential", "secret": "{{WebSecret}}",
              "redirectUris": ["{{WebRedirectUri}}"], "postLogoutRedirectUris": ["{{WebPostLogoutUri}}"],
              "grantTypes": ["authorization_code", "refresh_token"],
              "scopes": ["openid", "profile", "email", "phone", "offline_access", "roles", "orders.read"] },
            { "clientId": "spa", "displayName": "Acme SPA", "type": "public",
              "redirectUris": ["{{SpaRedirectUri}}"], "grantTypes": ["authorization_code", "refresh_token"],
              "scopes": ["openid", "profile", "email", "offline_access", "orders.read"] },
            { "clientId": "third-party", "displayName": "Partner App", "type": "confidential", "secret": "{{WebSecret}}",
              "redirectUris": ["{{WebRedirectUri}}"], "grantTypes": ["authorization_code"],
              "scopes": ["openid", "profile", "email"], "consentRequired": true },
            { "clientId": "machine", "displayName": "Batch job", "type": "confidential", "secret": "{{MachineSecret}}",
              "grantTypes": ["client_credentials"], "scopes": ["orders.read"] },
            { "clientId": "orders-api", "displayName": "Orders API", "type": "confidential", "secret": "{{ApiSecret}}",
              "grantTypes": ["client_credentials"], "scopes": [] }
          ],
          "users": [
            { "email": "alice@example.com", "password": "{{Password}}", "emailVerified": true,
              "givenName": "Alice", "familyName": "Liddell", "roles": ["customer"] },
            { "email": "unverified@example.com", "password": "{{Password}}", "emailVerified": false }
          ]
        }
        """;
}
