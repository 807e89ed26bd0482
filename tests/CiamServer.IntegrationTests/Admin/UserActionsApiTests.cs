using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CiamServer.Core.Audit;
using CiamServer.Core.Data;
using CiamServer.Core.Mfa;
using CiamServer.Core.Passwordless;
using CiamServer.Core.Users;
using CiamServer.IntegrationTests.Sessions;
using CiamServer.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Admin;

[Trait("Category", "Admin")]
public sealed class UserActionsApiTests(AdminSessionsApiTests.Fixture fixture) : IClassFixture<AdminSessionsApiTests.Fixture>
{
    private const string NewPassword = "a brand new passphrase for tests";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Create_WithPasswordAndRole_Is201AndTheUserSignsIn()
    {
        using var admin = await AdminAsync();
        var email = AccountPages.UniqueEmail("created");

        var response = await admin.PostAsJsonAsync(Url("admin/api/users"), new
        {
            email, givenName = "Ada", familyName = "Lovelace", password = TestTenants.Password, emailVerified = true, roles = new[] { "customer" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await JsonAsync(response);
        var id = user.GetProperty("id").GetString()!;
        Assert.Equal($"/t/acme/admin/api/users/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.True(user.GetProperty("emailVerified").GetBoolean());
        Assert.True(user.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(["customer"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        using var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);
        var entry = Assert.Single(await AuditAsync("admin.users.created", id));
        var data = JsonDocument.Parse(entry.DataJson!).RootElement;
        Assert.Equal(JsonValueKind.Null, data.GetProperty("before").ValueKind);
        Assert.Equal(email, data.GetProperty("after").GetProperty("email").GetString());
        Assert.Equal(("admin", "admin-tool"), (entry.ActorType, entry.ActorId));
        Assert.DoesNotContain(TestTenants.Password, entry.DataJson!, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", entry.DataJson!, StringComparison.Ordinal); // an Identity password hash
    }

    [Fact]
    public async Task Create_PhoneOnly_StoresTheNumberInE164()
    {
        using var admin = await AdminAsync();
        var phone = UniquePhone();

        var response = await admin.PostAsJsonAsync(Url("admin/api/users"), new { phone = phone.Replace("+1", "+1 ", StringComparison.Ordinal) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var user = await JsonAsync(response);
        Assert.Equal(phone, user.GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, user.GetProperty("email").ValueKind);
        Assert.False(user.GetProperty("hasPassword").GetBoolean());
        var again = await admin.PostAsJsonAsync(Url("admin/api/users"), new { phone });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("{ \"email\": \"weak-{0}@example.com\", \"password\": \"password\" }", "password")]
    [InlineData("{ \"email\": \"short-{0}@example.com\", \"password\": \"short\" }", "password")]
    [InlineData("{ \"givenName\": \"Nobody\" }", "email")]
    [InlineData("{ \"email\": \"not an address\" }", "email")]
    [InlineData("{ \"phone\": \"12\" }", "phone")]
    [InlineData("{ \"email\": \"role-{0}@example.com\", \"roles\": [\"no-such-role\"] }", "roles")]
    public async Task Create_BadInput_Is400WithTheField(string body, string field)
    {
        using var admin = await AdminAsync();

        var response = await admin.PostAsync(Url("admin/api/users"),
            new StringContent(body.Replace("{0}", Guid.NewGuid().ToString("N"), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Create_ExistingEmail_Is409AndWritesNothing()
    {
        using var admin = await AdminAsync();
        var before = await AuditCountAsync();

        var response = await admin.PostAsJsonAsync(Url("admin/api/users"), new { email = "ALICE@example.com" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task Invite_EmailsALinkThatSetsThePasswordAndVerifiesTheEmail()
    {
        using var admin = await AdminAsync();
        var (id, email) = await CreateAsync(admin, password: null, emailVerified: false);

        var response = await admin.PostAsync(Url($"admin/api/users/{id}/invite"), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = await Server.Mailbox.WaitForAsync(email, "invited");
        var link = Mailbox.FirstLink(message);
        Assert.Equal("/t/acme/account/reset-password", link.AbsolutePath);
        using var browser = Server.CreateBrowser();
        var page = await browser.GetAsync(link);
        var set = await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["Password"] = NewPassword });
        Assert.Contains("Your password has been changed", await AccountPages.MainTextAsync(set), StringComparison.Ordinal);
        var user = await FindUserAsync(id);
        Assert.True(user!.EmailConfirmed);
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, email, NewPassword);
        Assert.Single(await AuditAsync("admin.users.invited", id));
    }

    [Fact]
    public async Task Invite_UserWithoutEmail_Is409()
    {
        using var admin = await AdminAsync();
        var created = await JsonAsync(await admin.PostAsJsonAsync(Url("admin/api/users"), new { phone = UniquePhone() }));

        var response = await admin.PostAsync(Url($"admin/api/users/{created.GetProperty("id").GetString()}/invite"), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Disable_EndsSessionsRefusesRefreshAndSignIn_EnableLetsItSignInAgain()
    {
        using var admin = await AdminAsync();
        var (id, email) = await CreateAsync(admin);
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var tokens = await flow.RedeemAsync(CodeOf(flow, await flow.AuthorizeAsync(flow.AuthorizeUrl(scope: "openid offline_access"), email)));

        var response = await admin.PostAsync(Url($"admin/api/users/{id}/disable"), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await flow.RefreshAsync(tokens["refresh_token"]!)).Status);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
        Assert.Equal(HttpStatusCode.OK, (await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password)).StatusCode);
        var entry = Assert.Single(await AuditAsync("admin.users.disabled", id));
        var data = JsonDocument.Parse(entry.DataJson!).RootElement;
        Assert.False(data.GetProperty("before").GetProperty("disabled").GetBoolean());
        Assert.True(data.GetProperty("after").GetProperty("disabled").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(Url($"admin/api/users/{id}/enable"), null)).StatusCode);
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);
        Assert.Single(await AuditAsync("admin.users.enabled", id));
    }

    [Fact]
    public async Task Unlock_AccountPausedByFailures_CanSignInAtOnce()
    {
        using var admin = await AdminAsync();
        var (id, email) = await CreateAsync(admin);
        using var browser = Server.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, "a wrong password " + i);
        }

        var paused = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Contains("Too many attempts", await AccountPages.AlertAsync(paused) ?? string.Empty, StringComparison.Ordinal);

        var response = await admin.PostAsync(Url($"admin/api/users/{id}/unlock"), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);
        Assert.Single(await AuditAsync("admin.users.unlocked", id));
    }

    [Fact]
    public async Task ResetMfa_RemovesEveryFactorAndRememberedDevice()
    {
        using var admin = await AdminAsync();
        var (id, _) = await CreateAsync(admin);
        await AddFactorsAsync(id);

        var response = await admin.PostAsync(Url($"admin/api/users/{id}/reset-mfa"), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((0, 0, 0, 0), await FactorCountsAsync(id));
        var entry = Assert.Single(await AuditAsync("admin.users.mfa_reset", id));
        var removed = JsonDocument.Parse(entry.DataJson!).RootElement.GetProperty("removed");
        Assert.Equal(1, removed.GetProperty("totp").GetInt32());
        Assert.Equal(2, removed.GetProperty("recoveryCodes").GetInt32());
        Assert.Equal(1, removed.GetProperty("passkeys").GetInt32());
        Assert.Equal(1, removed.GetProperty("rememberedDevices").GetInt32());
        Assert.DoesNotContain("protected-secret", entry.DataJson!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForcePasswordReset_NextSignInMustChooseANewPassword()
    {
        using var admin = await AdminAsync();
        var (id, email) = await CreateAsync(admin);

        var response = await admin.PostAsync(Url($"admin/api/users/{id}/force-password-reset"), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("passwordChangeRequired").GetBoolean());
        using var browser = Server.CreateBrowser();
        var signIn = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/t/acme/account/reset-password", browser.Location(signIn).AbsolutePath);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
        var page = await browser.GetAsync(browser.Location(signIn));
        var set = await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["Password"] = NewPassword });
        Assert.Contains("Your password has been changed", await AccountPages.MainTextAsync(set), StringComparison.Ordinal);
        Assert.False((await FindUserAsync(id))!.PasswordChangeRequired);
        Assert.Equal(HttpStatusCode.OK, (await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password)).StatusCode);
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, email, NewPassword);
        Assert.Single(await AuditAsync("admin.users.password_reset_forced", id));
    }

    [Fact]
    public async Task ForcePasswordReset_TheRequiredChangeTokenIsNotAnEmailedLink_ItDoesNotVerifyTheEmail()
    {
        using var admin = await AdminAsync();
        var (id, email) = await CreateAsync(admin);
        await admin.PostAsync(Url($"admin/api/users/{id}/force-password-reset"), null);
        using var browser = Server.CreateBrowser();
        var signIn = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);
        // The same token presented as an emailed reset link is refused.
        var asLink = browser.Location(signIn).ToString().Replace("changeRequired=true", "changeRequired=false", StringComparison.Ordinal);

        var page = await browser.GetAsync(asLink);
        var set = await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["Password"] = NewPassword });

        Assert.Contains("expired or was already used", await AccountPages.AlertAsync(set) ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForcePasswordReset_UserWithoutPassword_Is409()
    {
        using var admin = await AdminAsync();
        var (id, _) = await CreateAsync(admin, password: null);

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync(Url($"admin/api/users/{id}/force-password-reset"), null)).StatusCode);
    }

    [Fact]
    public async Task Delete_RemovesTheAccountAndItsData_RevokesItsTokens_KeepsTheAudit()
    {
        using var admin = await AdminAsync();
        var (id, email) = await CreateAsync(admin);
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var tokens = await flow.RedeemAsync(CodeOf(flow, await flow.AuthorizeAsync(flow.AuthorizeUrl(scope: "openid offline_access"), email)));
        await AddFactorsAsync(id);

        var response = await admin.DeleteAsync(Url($"admin/api/users/{id}"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(await FindUserAsync(id));
        Assert.Equal((0, 0, 0, 0), await FactorCountsAsync(id));
        await using (var scope = await Server.ForTenantAsync(TestTenants.Acme))
        {
            var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
            Assert.False(await db.Sessions.AnyAsync(s => s.UserId == id));
            Assert.False(await db.Set<Core.OpenIddict.CiamToken>().AnyAsync(t => t.Subject == id.ToString()));
            Assert.False(await db.SignInAttempts.AnyAsync(a => a.UserId == id));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await flow.RefreshAsync(tokens["refresh_token"]!)).Status);
        Assert.False(await SessionTestClients.IsActiveAsync(Server, flow, tokens.AccessToken));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(Url($"admin/api/users/{id}"))).StatusCode);
        var entry = Assert.Single(await AuditAsync("admin.users.deleted", id.ToString()));
        Assert.Equal(email, JsonDocument.Parse(entry.DataJson!).RootElement.GetProperty("before").GetProperty("email").GetString());
        Assert.NotEmpty(await AuditAsync("admin.users.created", id.ToString()));
    }

    [Theory]
    [InlineData("POST", "invite")]
    [InlineData("POST", "disable")]
    [InlineData("POST", "enable")]
    [InlineData("POST", "unlock")]
    [InlineData("POST", "reset-mfa")]
    [InlineData("POST", "force-password-reset")]
    [InlineData("DELETE", "")]
    public async Task Actions_UnknownOrAnotherTenantsUser_Are404(string method, string action)
    {
        using var admin = await AdminAsync();
        var globexAlice = await UserIdAsync(TestTenants.Globex, "alice@example.com");

        foreach (var id in new[] { Guid.NewGuid(), globexAlice })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Url($"admin/api/users/{id}/{action}".TrimEnd('/')));
            Assert.Equal(HttpStatusCode.NotFound, (await admin.SendAsync(request)).StatusCode);
        }

        Assert.False((await FindUserAsync(globexAlice, TestTenants.Globex))!.Disabled);
    }

    [Fact]
    public async Task Actions_WithoutToken_Are401_WithoutAdminScope_AreRefused()
    {
        var flow = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme);
        using var anonymous = flow.ApiClient();
        using var machine = flow.ApiClient();
        machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "machine", ["client_secret"] = TestTenants.MachineSecret, ["scope"] = "orders.read",
        })).AccessToken);
        var alice = await UserIdAsync(TestTenants.Acme, "alice@example.com");

        var create = await anonymous.PostAsJsonAsync(Url("admin/api/users"), new { email = AccountPages.UniqueEmail("anon") });
        var disable = await anonymous.PostAsync(Url($"admin/api/users/{alice}/disable"), null);
        var withoutScope = await machine.PostAsync(Url($"admin/api/users/{alice}/disable"), null);
        var deleteWithoutScope = await machine.DeleteAsync(Url($"admin/api/users/{alice}"));

        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, disable.StatusCode);
        // A token without the scope is refused; it is for another audience, so the bearer scheme already says 401 (as for sessions).
        Assert.True(withoutScope.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, withoutScope.StatusCode.ToString());
        Assert.True(deleteWithoutScope.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, deleteWithoutScope.StatusCode.ToString());
        Assert.False((await FindUserAsync(alice))!.Disabled);
    }

    [Fact]
    public async Task CrossTenant_TenantAdminCreatesAndInvites_TheLinkIsTheTenantsAndTheAuditNamesTheAdmin()
    {
        await Server.CreateAdminAsync("acme-users@admin.test", TestTenants.Acme);
        var (admin, _) = await Server.ForAdminAsync("acme-users@admin.test");
        using var client = admin;
        var email = AccountPages.UniqueEmail("cross");
        var baseUrl = $"admin/api/tenants/{TestTenants.Acme}/users";

        var created = await admin.PostAsJsonAsync(Server.Url(Server.AdminTenant(), baseUrl), new { email });
        var id = (await JsonAsync(created)).GetProperty("id").GetString();
        var invited = await admin.PostAsync(Server.Url(Server.AdminTenant(), $"{baseUrl}/{id}/invite"), null);
        var globex = await admin.PostAsJsonAsync(Server.Url(Server.AdminTenant(), $"admin/api/tenants/{TestTenants.Globex}/users"),
            new { email = AccountPages.UniqueEmail("other") });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, globex.StatusCode);
        Assert.Equal("/t/acme/account/reset-password", Mailbox.FirstLink(await Server.Mailbox.WaitForAsync(email, "invited")).AbsolutePath);
        Assert.NotNull(await FindUserAsync(Guid.Parse(id!)));
        var entry = Assert.Single(await AuditAsync("admin.users.created", id!));
        Assert.Equal("admin", entry.ActorType);
        Assert.NotEqual("admin-tool", entry.ActorId);
    }

    private Uri Url(string path) => Server.Url(TestTenants.Acme, path);

    private async Task<HttpClient> AdminAsync() =>
        (await AdminClients.CreateAsync(new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme), AdminSessionsApiTests.AdminSecret)).Client;

    private async Task<(Guid Id, string Email)> CreateAsync(HttpClient admin, string? password = TestTenants.Password, bool emailVerified = true)
    {
        var email = AccountPages.UniqueEmail("user");
        var response = await admin.PostAsJsonAsync(Url("admin/api/users"), new { email, password, emailVerified, givenName = "Test" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (Guid.Parse((await JsonAsync(response)).GetProperty("id").GetString()!), email);
    }

    private static string CodeOf(OidcFlow flow, HttpResponseMessage callback) => flow.CallbackParameters(callback)["code"];

    private static string UniquePhone() => "+1201555" + Random.Shared.Next(0, 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task AddFactorsAsync(Guid userId)
    {
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        db.TotpAuthenticators.Add(new TotpAuthenticator { UserId = userId, ProtectedSecret = "protected-secret", ConfirmedAt = DateTime.UtcNow });
        db.RecoveryCodes.AddRange(new RecoveryCode { UserId = userId, CodeHash = "hash-1" }, new RecoveryCode { UserId = userId, CodeHash = "hash-2" });
        db.RememberedDevices.Add(new RememberedDevice { UserId = userId, TokenHash = Guid.NewGuid().ToString("N"), ExpiresAt = DateTime.UtcNow.AddDays(30) });
        db.PasskeyCredentials.Add(new PasskeyCredential
        {
            UserId = userId, CredentialId = Guid.NewGuid().ToByteArray(), PublicKey = [1, 2, 3], UserHandle = userId.ToByteArray(), Name = "Key",
            AttestationFormat = "none",
        });
        await db.SaveChangesAsync();
    }

    private async Task<(int Totp, int Codes, int Passkeys, int Devices)> FactorCountsAsync(Guid userId)
    {
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        return (await db.TotpAuthenticators.CountAsync(t => t.UserId == userId), await db.RecoveryCodes.CountAsync(c => c.UserId == userId),
            await db.PasskeyCredentials.CountAsync(c => c.UserId == userId), await db.RememberedDevices.CountAsync(d => d.UserId == userId));
    }

    private async Task<CiamUser?> FindUserAsync(Guid id, string tenant = TestTenants.Acme)
    {
        await using var scope = await Server.ForTenantAsync(tenant);
        return await scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().FindByIdAsync(id.ToString());
    }

    private async Task<Guid> UserIdAsync(string tenant, string email)
    {
        await using var scope = await Server.ForTenantAsync(tenant);
        return (await scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().FindByEmailAsync(email))!.Id;
    }

    private Task<List<AuditEvent>> AuditAsync(string action, Guid targetId) => AuditAsync(action, targetId.ToString());

    private async Task<List<AuditEvent>> AuditAsync(string action, string targetId)
    {
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == action && e.TargetId == targetId).ToListAsync();
    }

    private async Task<int> AuditCountAsync()
    {
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().AuditEvents.CountAsync(e => e.ActorType == "admin");
    }
}
