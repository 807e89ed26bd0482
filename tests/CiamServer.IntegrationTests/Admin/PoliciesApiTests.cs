using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.IntegrationTests.Mfa;
using CiamServer.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Admin;

[Trait("Category", "Admin")]
public sealed class PoliciesApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Action = "admin.policies.updated";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Get_ReturnsTheFiveGroupsAsImported()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-get", """
            "passwordPolicy": { "minLength": 12 }, "sessionPolicy": { "idleTimeoutMinutes": 20, "absoluteLifetimeMinutes": 600 },
            "signIn": { "emailLink": false }, "mfa": { "mode": "adaptive", "requiredForRoles": ["support"] }, "risk": { "stepUpAt": 30, "denyAt": 80 },
            """);
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var policies = await GetAsync(admin, tenant);

        Assert.Equal(12, policies.GetProperty("password").GetProperty("minLength").GetInt32());
        Assert.Equal(256, policies.GetProperty("password").GetProperty("maxLength").GetInt32());
        Assert.False(policies.GetProperty("signIn").GetProperty("emailLink").GetBoolean());
        Assert.True(policies.GetProperty("signIn").GetProperty("password").GetBoolean());
        Assert.Equal("adaptive", policies.GetProperty("mfa").GetProperty("mode").GetString());
        Assert.Equal(["support"], policies.GetProperty("mfa").GetProperty("requiredForRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal((30, 80), (policies.GetProperty("risk").GetProperty("stepUpAt").GetInt32(), policies.GetProperty("risk").GetProperty("denyAt").GetInt32()));
        Assert.Equal(20, policies.GetProperty("sessions").GetProperty("idleTimeoutMinutes").GetInt32());
        Assert.Equal(600, policies.GetProperty("sessions").GetProperty("absoluteLifetimeMinutes").GetInt32());
        Assert.True(policies.GetProperty("smsConfigured").GetBoolean()); // the test server writes text messages to a folder
    }

    [Fact]
    public async Task PutPassword_Saved_ReadBack_AndAuditedWithBeforeAndAfter()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-audit");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var response = await admin.PutAsJsonAsync(Server.Url(tenant, "admin/api/policies/password"), new { minLength = 12 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(12, (await JsonAsync(response)).GetProperty("minLength").GetInt32());
        Assert.Equal(12, (await GetAsync(admin, tenant)).GetProperty("password").GetProperty("minLength").GetInt32());
        var entry = Assert.Single(await AuditAsync(tenant));
        Assert.Equal(("admin", "admin-tool"), (entry.ActorType, entry.ActorId));
        Assert.Equal(("policy", "password"), (entry.TargetType, entry.TargetId));
        var data = JsonDocument.Parse(entry.DataJson!).RootElement;
        Assert.Equal(8, data.GetProperty("before").GetProperty("minLength").GetInt32());
        Assert.Equal(12, data.GetProperty("after").GetProperty("minLength").GetInt32());
    }

    [Fact]
    public async Task Put_SameValues_NeitherSavedNorAudited()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-same");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var response = await admin.PutAsJsonAsync(Server.Url(tenant, "admin/api/policies/risk"), new { stepUpAt = 40, denyAt = 90 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await AuditAsync(tenant));
    }

    [Fact]
    public async Task PutEachGroup_SavedAndReadBack()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-all");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        await PutOkAsync(admin, tenant, "sign-in", new
        {
            password = true, emailLink = false, emailCode = true, smsCode = true, passkey = false, passkeyRecoveryByEmail = false, requirePasskeyAttestation = true,
        });
        await PutOkAsync(admin, tenant, "mfa", new
        {
            mode = "Optional", requiredForRoles = new[] { "support", " customer " }, allowTotp = true, allowWebAuthn = false, allowSms = true, allowEmail = true,
            rememberDeviceDays = 0,
        });
        await PutOkAsync(admin, tenant, "risk", new { stepUpAt = 50, denyAt = 101 });
        await PutOkAsync(admin, tenant, "sessions", new { idleTimeoutMinutes = 15, absoluteLifetimeMinutes = 90 });

        var policies = await GetAsync(admin, tenant);
        var signIn = policies.GetProperty("signIn");
        Assert.Equal((true, false, true, true, false, false, true), (signIn.GetProperty("password").GetBoolean(), signIn.GetProperty("emailLink").GetBoolean(),
            signIn.GetProperty("emailCode").GetBoolean(), signIn.GetProperty("smsCode").GetBoolean(), signIn.GetProperty("passkey").GetBoolean(),
            signIn.GetProperty("passkeyRecoveryByEmail").GetBoolean(), signIn.GetProperty("requirePasskeyAttestation").GetBoolean()));
        var mfa = policies.GetProperty("mfa");
        Assert.Equal("optional", mfa.GetProperty("mode").GetString());
        Assert.Equal(["support", "customer"], mfa.GetProperty("requiredForRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal((true, false, true, true, 0), (mfa.GetProperty("allowTotp").GetBoolean(), mfa.GetProperty("allowWebAuthn").GetBoolean(),
            mfa.GetProperty("allowSms").GetBoolean(), mfa.GetProperty("allowEmail").GetBoolean(), mfa.GetProperty("rememberDeviceDays").GetInt32()));
        Assert.Equal(101, policies.GetProperty("risk").GetProperty("denyAt").GetInt32());
        Assert.Equal(90, policies.GetProperty("sessions").GetProperty("absoluteLifetimeMinutes").GetInt32());
        Assert.Equal(["mfa", "risk", "sessions", "sign-in"], (await AuditAsync(tenant)).Select(e => e.TargetId).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        { "password", """{ "minLength": 7 }""", "minLength", "Must be between 8 and 64." },
        { "password", """{ "minLength": 65 }""", "minLength", "Must be between 8 and 64." },
        { "password", """{ }""", "minLength", "Is required." },
        { "sign-in", SignIn(password: false, emailLink: false, emailCode: false, passkey: false), "signIn", "Must leave at least one way to sign in." },
        { "sign-in", SignIn(password: false, emailLink: false, emailCode: false, passkey: true), "signIn", "Passkeys need emailCode or emailLink" },
        { "sign-in", """{ "password": true }""", "emailLink", "Is required." },
        { "mfa", Mfa("\"sometimes\""), "mode", "Must be off, optional, required or adaptive." },
        { "mfa", Mfa("\"2\""), "mode", "Must be off, optional, required or adaptive." },
        { "mfa", Mfa("\"required\"", remember: 366), "rememberDeviceDays", "Must be between 0 (off) and 365." },
        { "mfa", Mfa("\"required\"", roles: """["no-such-role"]"""), "requiredForRoles", "'no-such-role' is not one of the tenant's roles." },
        { "mfa", Mfa("\"required\"", roles: """["a,b"]"""), "requiredForRoles", "no commas" },
        { "mfa", Mfa("\"required\"", factors: false), "mfa", "Must allow at least one second factor" },
        { "mfa", Mfa("\"off\"", factors: false, roles: """["support"]"""), "mfa", "Must allow at least one second factor" },
        { "risk", """{ "stepUpAt": 0, "denyAt": 90 }""", "stepUpAt", "Must be between 1 and 101 (101: never)." },
        { "risk", """{ "stepUpAt": 40, "denyAt": 102 }""", "denyAt", "Must be between 1 and 101 (101: never)." },
        { "risk", """{ "stepUpAt": 60, "denyAt": 50 }""", "stepUpAt", "Must not be above denyAt." },
        { "risk", """{ "stepUpAt": 60 }""", "denyAt", "Is required." },
        { "sessions", """{ "idleTimeoutMinutes": 0, "absoluteLifetimeMinutes": 60 }""", "idleTimeoutMinutes", "Must be between 1 and 43200." },
        { "sessions", """{ "idleTimeoutMinutes": 30, "absoluteLifetimeMinutes": 525601 }""", "absoluteLifetimeMinutes", "Must be between 1 and 525600." },
        { "sessions", """{ "idleTimeoutMinutes": 120, "absoluteLifetimeMinutes": 60 }""", "idleTimeoutMinutes", "Must not be above absoluteLifetimeMinutes." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Put_BadValue_400WithTheField_NothingSavedOrAudited(string group, string body, string field, string message)
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-bad");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);
        var before = (await GetAsync(admin, tenant)).GetRawText();

        var response = await admin.PutAsync(Server.Url(tenant, $"admin/api/policies/{group}"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for {field}: {errors}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, (await GetAsync(admin, tenant)).GetRawText());
        Assert.Empty(await AuditAsync(tenant));
    }

    [Theory]
    [InlineData("{ \"minLength\": ")]
    [InlineData("{ \"minLength\": \"twelve\" }")]
    [InlineData("")]
    public async Task Put_MalformedBody_400(string body)
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-json");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var response = await admin.PutAsync(Server.Url(tenant, "admin/api/policies/password"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await AuditAsync(tenant));
    }

    [Fact]
    public async Task Put_ChangesOnlyTheCallersTenant()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-mine");
        var other = await AdminTestTenants.CreateAsync(Server, "pol-other");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);
        using var otherAdmin = await AdminTestTenants.AdminAsync(Server, other);

        await PutOkAsync(admin, tenant, "password", new { minLength = 20 });

        Assert.Equal(8, (await GetAsync(otherAdmin, other)).GetProperty("password").GetProperty("minLength").GetInt32());
        Assert.Empty(await AuditAsync(other));
    }

    [Fact]
    public async Task PutSignIn_PasswordOff_TheNextLoginPageHasNoPasswordField()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-signin");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);
        using var browser = Server.CreateBrowser();
        // The login page is served once first, so the tenant is in the cache when the policy changes.
        Assert.NotNull(await PasswordFieldAsync(browser, tenant));

        await PutOkAsync(admin, tenant, "sign-in", new
        {
            password = false, emailLink = true, emailCode = true, smsCode = false, passkey = true, passkeyRecoveryByEmail = true, requirePasskeyAttestation = false,
        });

        Assert.Null(await PasswordFieldAsync(browser, tenant));
    }

    [Fact]
    public async Task PutPassword_RaisedMinLength_SignUpRefusesAShorterPassword()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-pwd");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);
        const string FifteenCharacters = "violet-kayak-42";
        using (var before = Server.CreateBrowser())
        {
            // Accepted before the change (and the tenant is now cached).
            Assert.Equal(HttpStatusCode.SeeOther,
                (await AccountPages.RegisterAsync(Server, before, tenant, AccountPages.UniqueEmail("before"), FifteenCharacters)).StatusCode);
        }

        await PutOkAsync(admin, tenant, "password", new { minLength = 16 });

        using var browser = Server.CreateBrowser();
        var refused = await AccountPages.RegisterAsync(Server, browser, tenant, AccountPages.UniqueEmail("after"), FifteenCharacters);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Use at least 16 characters.", await AccountPages.FieldErrorAsync(refused, "Input.Password"));
    }

    [Fact]
    public async Task PutMfa_Required_SignInAsksAUserWithoutAFactorToSetOneUp()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-mfa");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);
        using (var before = Server.CreateBrowser())
        {
            await AccountPages.SignInSuccessfullyAsync(Server, before, tenant, "alice@example.com", TestTenants.Password);
            Assert.True(await AccountPages.IsSignedInAsync(Server, before, tenant));
        }

        await PutOkAsync(admin, tenant, "mfa", new
        {
            mode = "required", requiredForRoles = Array.Empty<string>(), allowTotp = true, allowWebAuthn = true, allowSms = false, allowEmail = false, rememberDeviceDays = 30,
        });

        using var browser = Server.CreateBrowser();
        var afterPassword = await AccountPages.SignInAsync(Server, browser, tenant, "alice@example.com", TestTenants.Password);
        Assert.True(MfaChallengePages.IsChallenge(browser, afterPassword));
        var enrol = await browser.FollowAsync(afterPassword);
        Assert.Contains("Set up two-step verification", await AccountPages.MainTextAsync(enrol), StringComparison.Ordinal);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, tenant));
    }

    [Fact]
    public async Task PutSessions_AbsoluteLifetime_SetsTheNextSessionsEnd()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-sess");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);
        using (var before = Server.CreateBrowser())
        {
            await AccountPages.SignInSuccessfullyAsync(Server, before, tenant, "alice@example.com", TestTenants.Password);
        }

        await PutOkAsync(admin, tenant, "sessions", new { idleTimeoutMinutes = 10, absoluteLifetimeMinutes = 90 });
        using var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, tenant, "alice@example.com", TestTenants.Password);

        await using var scope = await Server.ForTenantAsync(tenant);
        var lifetimes = await scope.ServiceProvider.GetRequiredService<CiamDbContext>().Sessions.AsNoTracking()
            .OrderBy(s => s.CreatedAt).Select(s => new { s.CreatedAt, s.ExpiresAt }).ToListAsync();
        Assert.Equal([TimeSpan.FromHours(12), TimeSpan.FromMinutes(90)], lifetimes.Select(s => s.ExpiresAt - s.CreatedAt));
    }

    [Fact]
    public async Task Policies_WithoutToken_401()
    {
        using var api = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme).ApiClient();

        var get = await api.GetAsync(Server.Url(TestTenants.Acme, "admin/api/policies"));
        var put = await api.PutAsJsonAsync(Server.Url(TestTenants.Acme, "admin/api/policies/password"), new { minLength = 12 });

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (get.StatusCode, put.StatusCode));
    }

    [Fact]
    public async Task Policies_TokenWithoutTheAdminScope_401()
    {
        var flow = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme);
        using var api = flow.ApiClient();
        var token = (await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "machine", ["client_secret"] = TestTenants.MachineSecret, ["scope"] = "orders.read",
        })).AccessToken;
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var put = await api.PutAsJsonAsync(Server.Url(TestTenants.Acme, "admin/api/policies/password"), new { minLength = 12 });
        var get = await api.GetAsync(Server.Url(TestTenants.Acme, "admin/api/policies"));

        // Refused by the audience check (the ciam.admin audience comes only with the ciam.admin scope) before the scope
        // check could answer 403.
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (put.StatusCode, get.StatusCode));
    }

    [Fact]
    public async Task Policies_AnotherTenantsAdminToken_401()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-foreign");
        using var admin = await AdminTestTenants.AdminAsync(Server, tenant);

        var put = await admin.PutAsJsonAsync(Server.Url(TestTenants.Acme, "admin/api/policies/password"), new { minLength = 12 });

        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
    }

    [Fact]
    public async Task CrossTenant_AdminOfTheTenant_ReadsAndChangesIt_AnotherTenantsAdmin403()
    {
        var tenant = await AdminTestTenants.CreateAsync(Server, "pol-cross");
        await Server.CreateAdminAsync("policies-admin@admin.test", tenant);
        await Server.CreateAdminAsync("other-admin@admin.test", TestTenants.Globex);
        var (admin, _) = await Server.ForAdminAsync("policies-admin@admin.test");
        var (other, _) = await Server.ForAdminAsync("other-admin@admin.test");
        using var __ = admin;
        using var ___ = other;
        var url = Server.Url(Server.AdminTenant(), $"admin/api/tenants/{tenant}/policies");

        var put = await admin.PutAsJsonAsync(url + "/password", new { minLength = 14 });
        var read = await admin.GetAsync(url);
        var refused = await other.PutAsJsonAsync(url + "/password", new { minLength = 20 });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden), (put.StatusCode, read.StatusCode, refused.StatusCode));
        Assert.Equal(14, (await JsonAsync(read)).GetProperty("password").GetProperty("minLength").GetInt32());
        using var own = await AdminTestTenants.AdminAsync(Server, tenant);
        Assert.Equal(14, (await GetAsync(own, tenant)).GetProperty("password").GetProperty("minLength").GetInt32());
    }

    private static string SignIn(bool password, bool emailLink, bool emailCode, bool passkey) => JsonSerializer.Serialize(new
    {
        password, emailLink, emailCode, smsCode = false, passkey, passkeyRecoveryByEmail = true, requirePasskeyAttestation = false,
    });

    private static string Mfa(string mode, int remember = 30, string roles = "[]", bool factors = true) => $$"""
        { "mode": {{mode}}, "requiredForRoles": {{roles}}, "allowTotp": {{Bool(factors)}}, "allowWebAuthn": {{Bool(factors)}}, "allowSms": false,
          "allowEmail": false, "rememberDeviceDays": {{remember}} }
        """;

    private static string Bool(bool value) => value ? "true" : "false";

    private async Task PutOkAsync(HttpClient admin, string tenant, string group, object body)
    {
        var response = await admin.PutAsJsonAsync(Server.Url(tenant, $"admin/api/policies/{group}"), body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{group}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonElement> GetAsync(HttpClient admin, string tenant)
    {
        var response = await admin.GetAsync(Server.Url(tenant, "admin/api/policies"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<AngleSharp.Dom.IElement?> PasswordFieldAsync(BrowserLikeClient browser, string tenant)
    {
        var page = await browser.GetAsync(AccountPages.LoginUrl(Server, tenant));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (await BrowserLikeClient.ParseAsync(page)).QuerySelector("input[type=password]");
    }

    private async Task<List<AuditEvent>> AuditAsync(string tenant)
    {
        await using var scope = await Server.ForTenantAsync(tenant);
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == Action).OrderBy(e => e.CreatedAt).ToListAsync();
    }
}
