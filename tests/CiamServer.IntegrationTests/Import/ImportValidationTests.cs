using CiamServer.Import;

namespace CiamServer.IntegrationTests.Import;

[Trait("Category", "Import")]
public sealed class ImportValidationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string File = "import.json";

    private CiamTestServer Server => fixture.Server;

    public static TheoryData<string, string, string> InvalidTenants => new()
    {
        { """{ "slug": "Bad_Slug", "displayName": "Broken" }""", "$.tenants[1].slug", "lower-case letters, digits or dashes" },
        { """{ "slug": "broken\n", "displayName": "Broken" }""", "$.tenants[1].slug", "lower-case letters, digits or dashes" },
        { """{ "slug": "broken" }""", "$.tenants[1].displayName", "is required" },
        {
            """{ "slug": "broken", "displayName": "Broken", "branding": { "primaryColor": "#123456\n" } }""",
            "$.tenants[1].branding.primaryColor", "must be a hex colour"
        },
        {
            """{ "slug": "broken", "displayName": "Broken", "branding": { "accentColor": "teal" } }""",
            "$.tenants[1].branding.accentColor", "Use a hex colour"
        },
        {
            """{ "slug": "broken", "displayName": "Broken", "branding": { "customCss": ".card { color: #222; }\nbody { background: url(https://evil.example/x.png); }" } }""",
            "$.tenants[1].branding.customCss", "Line 2: The value of 'background' uses 'url'"
        },
        {
            Broken(Client("""{ "type": "confidential", "secret": "a-long-enough-secret", "redirectUris": ["http://app.example/callback"] }""")),
            "$.tenants[1].clients[0].redirectUris[0]", "http is allowed only for loopback"
        },
        {
            Broken(Client("""{ "type": "confidential", "secret": "a-long-enough-secret", "redirectUris": ["https://app.example/callback#done"] }""")),
            "$.tenants[1].clients[0].redirectUris[0]", "must not contain a fragment"
        },
        {
            Broken(Client("""{ "type": "confidential", "secret": "a-long-enough-secret", "scopes": ["openid", "orders.write"] }""")),
            "$.tenants[1].clients[0].scopes[1]", "'orders.write' is neither a standard scope nor one of the tenant's apiScopes"
        },
        {
            Broken(Client("""{ "type": "confidential" }""")),
            "$.tenants[1].clients[0].secret", "a confidential client needs a secret"
        },
        {
            Broken(Client("""{ "type": "public", "grantTypes": ["client_credentials"], "redirectUris": [] }""")),
            "$.tenants[1].clients[0].grantTypes", "client_credentials needs a confidential client"
        },
        {
            Broken(Client("""{ "type": "confidential", "secret": "a-long-enough-secret", "grantTypes": ["implicit"] }""")),
            "$.tenants[1].clients[0].grantTypes", "no implicit or password grant"
        },
        {
            Broken("""
                "roles": ["customer"],
                "users": [ { "email": "someone@example.com", "password": "a long enough passphrase", "roles": ["admin"] } ]
                """),
            "$.tenants[1].users[0].roles[0]", "'admin' is not one of the tenant's roles"
        },
        // The policy rules are TenantPolicyRules, shared with the admin API.
        { """{ "slug": "broken", "displayName": "Broken", "passwordPolicy": { "minLength": 7 } }""", "$.tenants[1].passwordPolicy.minLength", "between 8 and 64" },
        { """{ "slug": "broken", "displayName": "Broken", "mfa": { "mode": "2" } }""", "$.tenants[1].mfa.mode", "must be off, optional, required or adaptive" },
        { """{ "slug": "broken", "displayName": "Broken", "risk": { "stepUpAt": 60, "denyAt": 50 } }""", "$.tenants[1].risk.stepUpAt", "must not be above denyAt" },
        {
            // smsCode left out is off (its default): nothing is left to sign in with.
            """{ "slug": "broken", "displayName": "Broken", "signIn": { "password": false, "emailLink": false, "emailCode": false, "passkey": false } }""",
            "$.tenants[1].signIn", "must leave at least one way to sign in"
        },
        { "null", "$.tenants[1]", "must not be null" },
        { Broken(""" "users": [ null ] """), "$.tenants[1].users[0]", "must not be null" },
        { Broken(""" "clients": [ null ] """), "$.tenants[1].clients[0]", "must not be null" },
        {
            Broken("""
                "roles": ["customer"],
                "users": [ { "email": "someone@example.com", "roles": [null] } ]
                """),
            "$.tenants[1].users[0].roles[0]", "must not be null"
        },
        {
            Broken($$"""
                "users": [ { "email": "someone@example.com", "givenName": "{{new string('x', 101)}}" } ]
                """),
            "$.tenants[1].users[0].givenName", "at most 100 characters"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidTenants))]
    public async Task Import_InvalidTenant_RefusedNamingFilePathAndProblemAndNothingWritten(string invalidTenant, string path, string message)
    {
        var valid = ImportDocuments.NewSlug("valid");
        var before = await RowVersions.CountAllAsync(Server);

        var refused = await Assert.ThrowsAsync<ImportException>(() =>
            Server.ImportAsync(ImportDocuments.Document(ImportDocuments.Tenant(valid), invalidTenant)));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(File, problem.File);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Contains($"{File}: {path}: ", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await RowVersions.OfTenantAsync(Server, valid));
        Assert.Equal(before, await RowVersions.CountAllAsync(Server));
    }

    [Fact]
    public async Task Import_MalformedJson_RefusedNamingLineAndNothingWritten()
    {
        var valid = ImportDocuments.NewSlug("valid");
        var before = await RowVersions.CountAllAsync(Server);
        var document = $$"""
            {
              "tenants": [
                {{ImportDocuments.Tenant(valid).ReplaceLineEndings(" ")}},
                { "slug": "broken" "displayName": "Missing comma" }
              ]
            }
            """;

        var refused = await Assert.ThrowsAsync<ImportException>(() => Server.ImportAsync(document));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(File, problem.File);
        Assert.StartsWith("$.tenants", problem.Path, StringComparison.Ordinal);
        Assert.Contains("line 4,", problem.Message, StringComparison.Ordinal);
        Assert.Empty(await RowVersions.OfTenantAsync(Server, valid));
        Assert.Equal(before, await RowVersions.CountAllAsync(Server));
    }

    [Fact]
    public async Task Import_UnknownProperty_RefusedNamingIt()
    {
        var valid = ImportDocuments.NewSlug("valid");
        var misspelt = ImportDocuments.Tenant(valid).Replace("\"secret\":", "\"secrett\":", StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<ImportException>(() => Server.ImportAsync(ImportDocuments.Document(misspelt)));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(File, problem.File);
        Assert.Contains("secrett", problem.Path + problem.Message, StringComparison.Ordinal);
        Assert.Empty(await RowVersions.OfTenantAsync(Server, valid));
    }

    [Fact]
    public async Task Import_SeveralProblems_AllReportedAtOnce()
    {
        var invalid = """{ "slug": "-bad-", "clients": [ { "clientId": "x", "type": "public", "redirectUris": ["https://a.example/#f"], "grantTypes": ["authorization_code"] } ] }""";

        var refused = await Assert.ThrowsAsync<ImportException>(() => Server.ImportAsync(ImportDocuments.Document(invalid)));

        Assert.Equal(
            ["$.tenants[0].clients[0].redirectUris[0]", "$.tenants[0].displayName", "$.tenants[0].slug"],
            refused.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    /// <summary>A tenant "broken" with the given members besides its slug and display name.</summary>
    private static string Broken(string members) => $$"""{ "slug": "broken", "displayName": "Broken", {{members}} }""";

    /// <summary>A "clients" member with one client: sound defaults, overridden by the given properties.</summary>
    private static string Client(string overrides)
    {
        var client = new Dictionary<string, object?>
        {
            ["clientId"] = "web",
            ["redirectUris"] = new[] { "https://app.example/callback" },
            ["grantTypes"] = new[] { "authorization_code" },
            ["scopes"] = new[] { "openid" },
        };
        foreach (var property in System.Text.Json.JsonDocument.Parse(overrides).RootElement.EnumerateObject())
        {
            client[property.Name] = property.Value.Clone();
        }

        return "\"clients\": [ " + System.Text.Json.JsonSerializer.Serialize(client) + " ]";
    }
}
