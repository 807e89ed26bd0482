using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CiamServer.Core.Data;
using CiamServer.Core.Mfa;
using CiamServer.Core.Passwordless;
using CiamServer.Core.Risk;
using CiamServer.Core.Users;
using CiamServer.IntegrationTests.Sessions;
using CiamServer.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Admin;

/// <summary>GET admin/api/users (search) and admin/api/users/{id}. Each test makes its own users under a fresh
/// random token, so tests sharing the server do not see each other's.</summary>
[Trait("Category", "Admin")]
public sealed class UsersApiTests(AdminSessionsApiTests.Fixture fixture) : IClassFixture<AdminSessionsApiTests.Fixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Search_EmailPrefix_MatchesCaseInsensitivelyFromTheStart()
    {
        var tag = Tag();
        var one = await CreateUserAsync(TestTenants.Acme, $"{tag}.one@example.com");
        var other = await CreateUserAsync(TestTenants.Acme, $"{tag}.one@other.example");
        await CreateUserAsync(TestTenants.Acme, $"x{tag}.one@example.com");

        var prefix = await SearchIdsAsync(TestTenants.Acme, $"{tag.ToUpperInvariant()}.ONE@EX");
        var whole = await SearchIdsAsync(TestTenants.Acme, $"{tag}.one@");

        Assert.Equal([one], prefix);
        Assert.Equal(new[] { one, other }.Order(), whole.Order());
    }

    [Fact]
    public async Task Search_Name_MatchesGivenFamilyGivenPlusFamilyAndEmail_EachUserOnce()
    {
        var tag = Tag();
        var byGiven = await CreateUserAsync(TestTenants.Acme, $"g{Tag()}@example.com", given: $"{tag}ia", family: "Smith");
        var byFamily = await CreateUserAsync(TestTenants.Acme, $"f{Tag()}@example.com", given: "Bob", family: $"{tag}son");
        var byEmail = await CreateUserAsync(TestTenants.Acme, $"{tag}carol@example.com", given: "Carol", family: "Jones");
        var byAll = await CreateUserAsync(TestTenants.Acme, $"{tag}@example.com", given: tag, family: tag);
        await CreateUserAsync(TestTenants.Acme, $"n{Tag()}@example.com", given: "Dan", family: $"x{tag}");

        var any = await SearchAsync(TestTenants.Acme, tag.ToUpperInvariant());
        var fullName = await SearchIdsAsync(TestTenants.Acme, $"  {tag}IA   smi ");

        var ids = any.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(new[] { byGiven, byFamily, byEmail, byAll }.Order(), ids.Order());
        Assert.Equal([byGiven], fullName);
        var row = any.GetProperty("items").EnumerateArray().Single(u => u.GetProperty("id").GetGuid() == byFamily);
        Assert.Equal($"Bob {tag}son", row.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, any.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Search_NonAsciiName_MatchesWhateverTheCase()
    {
        var tag = Tag();
        var user = await CreateUserAsync(TestTenants.Acme, $"{tag}@example.com", given: "Zoë", family: $"{tag}Ægir");

        Assert.Equal([user], await SearchIdsAsync(TestTenants.Acme, $"{tag}ægir"));
        Assert.Equal([user], await SearchIdsAsync(TestTenants.Acme, $"zoë {tag}ægir"));
    }

    [Fact]
    public async Task Search_Phone_WholeNumberExactly_PartByPrefix()
    {
        var first = await CreateUserAsync(TestTenants.Acme, $"{Tag()}@example.com", phone: "+14155550101");
        var second = await CreateUserAsync(TestTenants.Acme, $"{Tag()}@example.com", phone: "+14155550102");
        await CreateUserAsync(TestTenants.Acme, $"{Tag()}@example.com", phone: "+14165550101");

        Assert.Equal([first], await SearchIdsAsync(TestTenants.Acme, "(415) 555-0101"));
        Assert.Equal([first], await SearchIdsAsync(TestTenants.Acme, "+1 415 555 0101"));
        Assert.Equal([first, second], await SearchIdsAsync(TestTenants.Acme, "+1 415 555 010"));
    }

    [Fact]
    public async Task Search_Id_ThatUser_NotAnotherTenants()
    {
        var acme = await CreateUserAsync(TestTenants.Acme, $"{Tag()}@example.com");
        var globex = await CreateUserAsync(TestTenants.Globex, $"{Tag()}@example.com");

        Assert.Equal([acme], await SearchIdsAsync(TestTenants.Acme, acme.ToString()));
        Assert.Empty(await SearchIdsAsync(TestTenants.Acme, globex.ToString()));
    }

    [Fact]
    public async Task Search_OnlyTheCurrentTenantsUsers()
    {
        var tag = Tag();
        var acme = await CreateUserAsync(TestTenants.Acme, $"{tag}@example.com", given: tag);
        var globex = await CreateUserAsync(TestTenants.Globex, $"{tag}@example.com", given: tag);

        Assert.Equal([acme], await SearchIdsAsync(TestTenants.Acme, tag));
        Assert.Equal([globex], await SearchIdsAsync(TestTenants.Globex, tag));
        Assert.Equal([globex], await SearchIdsAsync(TestTenants.Globex, $"{tag}@example.com"));
    }

    [Fact]
    public async Task Search_PagesOfFive_EveryMatchOnceInOrder_LastPageHasNoCursor()
    {
        var tag = Tag();
        var created = new List<Guid>();
        for (var i = 0; i < 13; i++)
        {
            // Same names for several users (ties broken by id), and users found by name and email both.
            created.Add(await CreateUserAsync(TestTenants.Acme, i % 3 == 0 ? $"{tag}{i}@example.com" : $"u{Tag()}@example.com",
                given: i % 2 == 0 ? tag : "Pat", family: i % 2 == 0 ? "Same" : $"{tag}{i % 4}"));
        }

        var pages = await AllPagesAsync(TestTenants.Acme, tag, limit: 5);

        Assert.Equal([5, 5, 3], pages.Select(p => p.Count));
        var seen = pages.SelectMany(p => p).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(created.Order(), seen.Order());
    }

    [Fact]
    public async Task Search_NoText_ListsEveryUserOnce_NewestFirst()
    {
        var newest = await CreateUserAsync(TestTenants.Acme, $"{Tag()}@example.com");

        var pages = await AllPagesAsync(TestTenants.Acme, null, limit: 7);
        var seen = pages.SelectMany(p => p).ToList();

        Assert.Equal(newest, seen[0]);
        Assert.Equal(seen.OrderDescending(), seen);
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        var all = await scope.ServiceProvider.GetRequiredService<CiamDbContext>().Users.Select(u => u.Id).ToListAsync();
        Assert.Equal(all.Order(), seen.Order());
        Assert.All(pages.SkipLast(1), p => Assert.Equal(7, p.Count));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Search_BadInput_400WithTheField(string query, string field)
    {
        using var admin = await AdminAsync(TestTenants.Acme);

        var response = await admin.GetAsync(Server.Url(TestTenants.Acme, $"admin/api/users?{query}"));

        await AssertFieldErrorAsync(response, field);
    }

    [Fact]
    public async Task Search_TextTooLong_400WithTheField()
    {
        using var admin = await AdminAsync(TestTenants.Acme);

        var response = await admin.GetAsync(Server.Url(TestTenants.Acme, $"admin/api/users?q={new string('a', 257)}"));

        await AssertFieldErrorAsync(response, "q");
    }

    [Fact]
    public async Task Search_CursorOfAnotherSearch_400()
    {
        var tag = Tag();
        await CreateUserAsync(TestTenants.Acme, $"{tag}1@example.com");
        await CreateUserAsync(TestTenants.Acme, $"{tag}2@example.com");
        var cursor = (await SearchAsync(TestTenants.Acme, tag, limit: 1)).GetProperty("nextCursor").GetString();
        using var admin = await AdminAsync(TestTenants.Acme);

        var response = await admin.GetAsync(Server.Url(TestTenants.Acme, $"admin/api/users?q={tag}x&limit=1&cursor={cursor}"));

        await AssertFieldErrorAsync(response, "cursor");
    }

    [Fact]
    public async Task Get_ShowsProfileMethodsRiskEventsAndRoles_NoSecret()
    {
        var tag = Tag();
        var id = await CreateUserAsync(TestTenants.Acme, $"{tag}@example.com", given: "Ada", family: "Lovelace", phone: "+14155550199",
            password: TestTenants.Password);
        string totpSecret;
        await using (var scope = await Server.ForTenantAsync(TestTenants.Acme))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>();
            var user = (await users.FindByIdAsync(id.ToString()))!;
            Assert.True((await users.AddToRoleAsync(user, "support")).Succeeded);
            Assert.True((await users.AddLoginAsync(user, new UserLoginInfo("google", "google-subject-1", "Google"))).Succeeded);
            user.AccessFailedCount = 2;
            user.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1);
            await users.UpdateAsync(user);
            var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
            totpSecret = "protected-" + tag;
            db.TotpAuthenticators.Add(new TotpAuthenticator { UserId = id, ProtectedSecret = totpSecret, CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow });
            db.RecoveryCodes.AddRange(
                new RecoveryCode { UserId = id, CodeHash = "hash-a-" + tag, CreatedAt = DateTime.UtcNow },
                new RecoveryCode { UserId = id, CodeHash = "hash-b-" + tag, CreatedAt = DateTime.UtcNow },
                new RecoveryCode { UserId = id, CodeHash = "hash-c-" + tag, CreatedAt = DateTime.UtcNow, UsedAt = DateTime.UtcNow });
            db.PasskeyCredentials.Add(new PasskeyCredential
            {
                UserId = id, CredentialId = [1, 2, 3], PublicKey = [4, 5, 6], UserHandle = id.ToByteArray(), Name = "Work laptop",
                AttestationFormat = "none", IsBackupEligible = true, IsBackedUp = true, CreatedAt = DateTime.UtcNow.AddDays(-3), LastUsedAt = DateTime.UtcNow,
            });
            db.SignInAttempts.Add(new SignInAttempt
            {
                UserId = id, AccountName = $"{tag}@example.com".ToUpperInvariant(), Methods = "pwd", IpAddress = "203.0.113.9", Country = "FR",
                Score = 70, Decision = "step_up", ReasonsJson = """[{"signal":"new_device","points":30,"message":"New device"}]""",
                InputsJson = "{}", Outcome = SignInOutcomes.Challenged, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        using var admin = await AdminAsync(TestTenants.Acme);
        var response = await admin.GetAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{id}"));
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = body.GetProperty("profile");
        Assert.Equal($"{tag}@example.com", profile.GetProperty("email").GetString());
        Assert.Equal("+14155550199", profile.GetProperty("phone").GetString());
        Assert.Equal("Ada Lovelace", profile.GetProperty("name").GetString());
        Assert.True(profile.GetProperty("lockedOut").GetBoolean());
        Assert.Equal(2, profile.GetProperty("accessFailedCount").GetInt32());
        Assert.Equal(["support"], profile.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var methods = body.GetProperty("methods");
        Assert.True(methods.GetProperty("passwordSet").GetBoolean());
        Assert.True(methods.GetProperty("totpEnrolled").GetBoolean());
        Assert.Equal(2, methods.GetProperty("recoveryCodesLeft").GetInt32());
        var passkey = Assert.Single(methods.GetProperty("passkeys").EnumerateArray());
        Assert.Equal("Work laptop", passkey.GetProperty("name").GetString());
        Assert.True(passkey.GetProperty("backedUp").GetBoolean());
        var login = Assert.Single(methods.GetProperty("externalLogins").EnumerateArray());
        Assert.Equal(("google", "Google"), (login.GetProperty("provider").GetString(), login.GetProperty("displayName").GetString()));
        var risk = Assert.Single(body.GetProperty("riskEvents").EnumerateArray());
        Assert.Equal(("step_up", 70), (risk.GetProperty("decision").GetString(), risk.GetProperty("score").GetInt32()));
        Assert.Equal(0, body.GetProperty("sessions").GetArrayLength());
        foreach (var secret in new[] { totpSecret, "hash-a-" + tag, "passwordHash", "securityStamp", "AQID" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Get_SignedInUser_ListsTheSessionWithItsClient()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: "openid"));
        var alice = (await SearchIdsAsync(TestTenants.Acme, "alice@example.com")).Single();
        using var admin = await AdminAsync(TestTenants.Acme);

        var body = JsonDocument.Parse(await admin.GetStringAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{alice}"))).RootElement;

        Assert.Contains(body.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("clients").EnumerateArray().Any(c => c.GetString() == "Acme Web"));
        Assert.Equal(["customer"], body.GetProperty("profile").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Get_UnknownOrAnotherTenantsOrNotAnId_404()
    {
        var globex = await CreateUserAsync(TestTenants.Globex, $"{Tag()}@example.com");
        using var admin = await AdminAsync(TestTenants.Acme);

        foreach (var id in new[] { Guid.NewGuid().ToString(), globex.ToString(), "not-an-id" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{id}"))).StatusCode);
        }
    }

    [Theory]
    [InlineData("admin/api/users")]
    [InlineData("admin/api/users/0192b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")]
    public async Task WithoutToken_401(string path)
    {
        using var api = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme).ApiClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(Server.Url(TestTenants.Acme, path))).StatusCode);
    }

    [Theory]
    [InlineData("admin/api/users")]
    [InlineData("admin/api/users/0192b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")]
    public async Task WithTokenWithoutAdminScope_Refused(string path)
    {
        var flow = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme);
        using var api = flow.ApiClient();
        var token = (await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "machine", ["client_secret"] = TestTenants.MachineSecret, ["scope"] = "orders.read",
        })).AccessToken;
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var status = (await api.GetAsync(Server.Url(TestTenants.Acme, path))).StatusCode;

        // As for the other admin endpoints: the admin scheme does not take a token without the ciam.admin audience (401).
        Assert.True(status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, status.ToString());
    }

    [Fact]
    public async Task SearchAndGet_AreNotAudited()
    {
        var id = await CreateUserAsync(TestTenants.Acme, $"{Tag()}@example.com");
        var before = await AuditCountAsync();
        using var admin = await AdminAsync(TestTenants.Acme);

        await admin.GetStringAsync(Server.Url(TestTenants.Acme, "admin/api/users?q=a"));
        await admin.GetStringAsync(Server.Url(TestTenants.Acme, $"admin/api/users/{id}"));

        Assert.Equal(before, await AuditCountAsync());
    }

    /// <summary>A prefix no other test's user has (letters only, so it is never read as a phone number or id).</summary>
    private static string Tag() => "q" + string.Concat(Enumerable.Range(0, 7).Select(_ => (char)('a' + Random.Shared.Next(26))));

    private async Task<Guid> CreateUserAsync(string tenant, string email, string? given = null, string? family = null, string? phone = null,
        string? password = null)
    {
        await using var scope = await Server.ForTenantAsync(tenant);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>();
        var user = new CiamUser
        {
            UserName = email, Email = email, EmailConfirmed = true, GivenName = given, FamilyName = family, PhoneNumber = phone,
            PhoneNumberConfirmed = phone is not null,
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    private async Task<HttpClient> AdminAsync(string tenant) =>
        (await AdminClients.CreateAsync(new OidcFlow(Server, Server.CreateBrowser(), tenant), AdminSessionsApiTests.AdminSecret)).Client;

    private async Task<JsonElement> SearchAsync(string tenant, string? q, int? limit = null, string? cursor = null)
    {
        using var admin = await AdminAsync(tenant);
        var query = new List<string>();
        if (q is not null)
        {
            query.Add("q=" + Uri.EscapeDataString(q));
        }

        if (limit is not null)
        {
            query.Add($"limit={limit}");
        }

        if (cursor is not null)
        {
            query.Add("cursor=" + Uri.EscapeDataString(cursor));
        }

        var response = await admin.GetAsync(Server.Url(tenant, "admin/api/users?" + string.Join('&', query)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<List<Guid>> SearchIdsAsync(string tenant, string q) =>
        [.. (await SearchAsync(tenant, q)).GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid())];

    private async Task<List<List<Guid>>> AllPagesAsync(string tenant, string? q, int limit)
    {
        var pages = new List<List<Guid>>();
        string? cursor = null;
        do
        {
            var page = await SearchAsync(tenant, q, limit, cursor);
            pages.Add([.. page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetGuid())]);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && pages.Count < 1000);

        return pages;
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    private async Task<int> AuditCountAsync()
    {
        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().AuditEvents.CountAsync();
    }
}
