using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CiamServer.Core.Data;
using CiamServer.IntegrationTests.Protocol;
using CiamServer.IntegrationTests.Sessions;
using CiamServer.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using static CiamServer.IntegrationTests.Admin.AdminApiKit;

namespace CiamServer.IntegrationTests.Admin;

[Trait("Category", "Admin")]
public sealed class RolesApiTests(AdminSessionsApiTests.Fixture fixture) : IClassFixture<AdminSessionsApiTests.Fixture>
{
    private const string Acme = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Assign_ShowsUpInTheNextToken_Unassign_GoesFromTheOneAfter()
    {
        using var admin = await AdminAsync(Server, Acme);
        var email = await ProtocolCalls.ImportUserAsync(Server, Acme);
        var userId = await UserIdAsync(Server, Acme, email);
        var role = Unique("editor");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Url("roles"), new { name = role })).StatusCode);
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Acme);
        var response = await flow.AuthorizeAsync(flow.AuthorizeUrl(scope: "openid roles offline_access"), email);
        var tokens = await flow.RedeemAsync(flow.CallbackParameters(response)["code"]);

        var assigned = await admin.PostAsJsonAsync(Url($"users/{userId}/roles"), new { role = role.ToUpperInvariant() });
        var afterAssign = await flow.RefreshAsync(tokens["refresh_token"]!);
        var unassigned = await admin.DeleteAsync(Url($"users/{userId}/roles/{role}"));
        var afterUnassign = await flow.RefreshAsync(afterAssign["refresh_token"]!);

        Assert.DoesNotContain(role, Roles(tokens.AccessToken));
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal([role], (await JsonAsync(assigned)).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(role, Roles(afterAssign.AccessToken));
        Assert.Contains(role, Roles(afterAssign["id_token"]!));
        Assert.Equal(HttpStatusCode.OK, unassigned.StatusCode);
        Assert.DoesNotContain(role, Roles(afterUnassign.AccessToken));
        var audit = JsonDocument.Parse(Assert.Single(await AuditAsync(Server, Acme, "admin.roles.assigned", userId.ToString())).DataJson!).RootElement;
        Assert.Equal(0, audit.GetProperty("before").GetProperty("roles").GetArrayLength());
        Assert.Equal(role, audit.GetProperty("after").GetProperty("roles")[0].GetString());
        Assert.Single(await AuditAsync(Server, Acme, "admin.roles.unassigned", userId.ToString()));
    }

    [Fact]
    public async Task SetUserRoles_ReplacesTheSet_UnknownRole400WithItsIndex_NothingChanged()
    {
        using var admin = await AdminAsync(Server, Acme);
        var userId = await UserIdAsync(Server, Acme, await ProtocolCalls.ImportUserAsync(Server, Acme));

        var set = await admin.PutAsJsonAsync(Url($"users/{userId}/roles"), new { roles = new[] { "customer", "support" } });
        var refused = await admin.PutAsJsonAsync(Url($"users/{userId}/roles"), new { roles = new[] { "customer", "no-such-role" } });
        var replaced = await admin.PutAsJsonAsync(Url($"users/{userId}/roles"), new { roles = new[] { "support" } });
        var read = await JsonAsync(await admin.GetAsync(Url($"users/{userId}/roles")));

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains(await FieldErrorsAsync(refused, "roles[1]"), m => m.Contains("no-such-role", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(["support"], read.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(2, (await AuditAsync(Server, Acme, "admin.roles.assignments_set", userId.ToString())).Count);
    }

    [Fact]
    public async Task UserRoles_OfAMissingOrAnotherTenantsUser_404()
    {
        using var admin = await AdminAsync(Server, Acme);
        var globexAlice = await UserIdAsync(Server, TestTenants.Globex, "alice@example.com");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"users/{Guid.NewGuid()}/roles"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"users/{globexAlice}/roles"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync(Url($"users/{globexAlice}/roles"), new { role = "customer" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync(Url($"users/{globexAlice}/roles"), new { roles = new[] { "customer" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(Url($"users/{globexAlice}/roles/customer"))).StatusCode);
    }

    [Fact]
    public async Task Create_DuplicateIgnoringCase_409_BadNames_400()
    {
        using var admin = await AdminAsync(Server, Acme);

        var duplicate = await admin.PostAsJsonAsync(Url("roles"), new { name = "Customer" });
        var withComma = await admin.PostAsJsonAsync(Url("roles"), new { name = "a,b" });
        var empty = await admin.PostAsJsonAsync(Url("roles"), new { name = " " });
        var tooLong = await admin.PostAsJsonAsync(Url("roles"), new { name = new string('r', 101) });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.NotEmpty(await FieldErrorsAsync(withComma, "name"));
        Assert.NotEmpty(await FieldErrorsAsync(empty, "name"));
        Assert.NotEmpty(await FieldErrorsAsync(tooLong, "name"));
    }

    [Fact]
    public async Task Rename_MembersKeepTheRole_AndTheMfaPolicyFollows()
    {
        using var admin = await AdminAsync(Server, Acme);
        var userId = await UserIdAsync(Server, Acme, await ProtocolCalls.ImportUserAsync(Server, Acme));
        var role = Unique("auditor");
        var renamed = Unique("reviewer");
        await admin.PostAsJsonAsync(Url("roles"), new { name = role });
        await admin.PostAsJsonAsync(Url($"users/{userId}/roles"), new { role });
        await SetMfaRolesAsync($"support,{role}");

        var response = await admin.PutAsJsonAsync(Url($"roles/{role}"), new { name = renamed });
        var clash = await admin.PutAsJsonAsync(Url($"roles/{renamed}"), new { name = "customer" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(renamed, (await JsonAsync(response)).GetProperty("name").GetString());
        Assert.Equal(1, (await JsonAsync(response)).GetProperty("memberCount").GetInt32());
        Assert.Equal([renamed], (await JsonAsync(await admin.GetAsync(Url($"users/{userId}/roles")))).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal($"support,{renamed}", await MfaRolesAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"roles/{role}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        var audit = JsonDocument.Parse(Assert.Single(await AuditAsync(Server, Acme, "admin.roles.renamed", renamed)).DataJson!).RootElement;
        Assert.Equal(role, audit.GetProperty("before").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Delete_MembersLoseTheRole_ButARoleTheMfaPolicyNamesIsKept409()
    {
        using var admin = await AdminAsync(Server, Acme);
        var userId = await UserIdAsync(Server, Acme, await ProtocolCalls.ImportUserAsync(Server, Acme));
        var role = Unique("temp");
        var guarded = Unique("guarded");
        await admin.PostAsJsonAsync(Url("roles"), new { name = role });
        await admin.PostAsJsonAsync(Url("roles"), new { name = guarded });
        await admin.PostAsJsonAsync(Url($"users/{userId}/roles"), new { role });
        await SetMfaRolesAsync(guarded);

        var deleted = await admin.DeleteAsync(Url($"roles/{role}"));
        var refused = await admin.DeleteAsync(Url($"roles/{guarded}"));
        await SetMfaRolesAsync(null);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"roles/{role}"))).StatusCode);
        Assert.Empty((await JsonAsync(await admin.GetAsync(Url($"users/{userId}/roles")))).GetProperty("roles").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(Url($"roles/{role}"))).StatusCode);
        Assert.Single(await AuditAsync(Server, Acme, "admin.roles.deleted", role));
    }

    [Fact]
    public async Task Members_ArePaginated_AndListCountsThem()
    {
        using var admin = await AdminAsync(Server, Acme);
        var role = Unique("members");
        await admin.PostAsJsonAsync(Url("roles"), new { name = role });
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = await UserIdAsync(Server, Acme, await ProtocolCalls.ImportUserAsync(Server, Acme));
            ids.Add(id);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync(Url($"users/{id}/roles"), new { role })).StatusCode);
        }

        var first = await JsonAsync(await admin.GetAsync(Url($"roles/{role}/members?limit=2")));
        var second = await JsonAsync(await admin.GetAsync(Url($"roles/{role}/members?limit=2&cursor={first.GetProperty("nextCursor").GetString()}")));
        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(m => m.GetProperty("id").GetGuid()).ToList();
        var roles = new List<JsonElement>();
        var cursor = (string?)null;
        do
        {
            var page = await JsonAsync(await admin.GetAsync(Url("roles?limit=2" + (cursor is null ? string.Empty : "&cursor=" + cursor))));
            roles.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && roles.Count < 1000);

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal(ids.Order(), listed.Order());
        Assert.Equal(3, roles.Single(r => r.GetProperty("name").GetString() == role).GetProperty("memberCount").GetInt32());
        Assert.Contains(roles, r => r.GetProperty("name").GetString() == "customer");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url("roles/no-such-role/members"))).StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsRole_Is404()
    {
        using var globex = await AdminAsync(Server, TestTenants.Globex);
        var role = Unique("globex-only");
        Assert.Equal(HttpStatusCode.Created, (await globex.PostAsJsonAsync(Server.Url(TestTenants.Globex, "admin/api/roles"), new { name = role })).StatusCode);
        using var admin = await AdminAsync(Server, Acme);
        var alice = await UserIdAsync(Server, Acme, "alice@example.com");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Url($"roles/{role}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync(Url($"roles/{role}"), new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(Url($"roles/{role}"))).StatusCode);
        Assert.NotEmpty(await FieldErrorsAsync(await admin.PostAsJsonAsync(Url($"users/{alice}/roles"), new { role }), "role"));
    }

    [Fact]
    public async Task Roles_WithoutToken_401_WithoutTheAdminScope_Refused()
    {
        using var anonymous = new OidcFlow(Server, Server.CreateBrowser(), Acme).ApiClient();
        using var machine = await WithoutAdminScopeAsync(Server, Acme);
        var alice = await UserIdAsync(Server, Acme, "alice@example.com");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Url("roles"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Url($"users/{alice}/roles"), new { role = "support" })).StatusCode);
        AssertRefused((await machine.GetAsync(Url("roles"))).StatusCode);
        AssertRefused((await machine.PostAsJsonAsync(Url($"users/{alice}/roles"), new { role = "support" })).StatusCode);
    }

    private Uri Url(string path) => Server.Url(Acme, "admin/api/" + path);

    private static List<string> Roles(string jwt) => new JsonWebToken(jwt).Claims.Where(c => c.Type == "role").Select(c => c.Value).ToList();

    private async Task SetMfaRolesAsync(string? roles)
    {
        await using var scope = await Server.ForTenantAsync(Acme);
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == Acme);
        tenant.Mfa.RequiredForRoles = roles;
        await db.SaveChangesAsync();
    }

    private async Task<string?> MfaRolesAsync()
    {
        await using var scope = await Server.ForTenantAsync(Acme);
        return await scope.ServiceProvider.GetRequiredService<CiamDbContext>().Tenants.AsNoTracking()
            .Where(t => t.Slug == Acme).Select(t => t.Mfa.RequiredForRoles).SingleAsync();
    }
}
