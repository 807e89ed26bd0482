using System.Net;
using System.Text.Json;
using CiamServer.Admin.Keys;
using CiamServer.IntegrationTests.Protocol;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.IntegrationTests.Admin;

/// <summary>Signing keys through the admin tenant's global API with a super-admin's token, with keys published an
/// hour ahead (as in production), so a rotation leaves a pending key. Each test starts from the ring as it finds
/// it, so they hold in any order.</summary>
[Trait("Category", "Admin")]
public sealed class KeysApiTests(KeysApiTests.Fixture fixture) : IClassFixture<KeysApiTests.Fixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Rotate_JwksPublishesTheNewKey_AsPending_AndIsAudited()
    {
        using var admin = await Server.SuperAdminAsync();

        var response = await admin.PostAsync(Server.GlobalUrl("keys/rotate"), null);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} {response.Headers.WwwAuthenticate} {await response.Content.ReadAsStringAsync()}");
        var rotated = (await response.JsonAsync()).EnumerateArray().ToList();
        var signing = Assert.Single(rotated, k => k.GetProperty("use").GetString() == "sig").GetProperty("kid").GetString()!;
        Assert.Single(rotated, k => k.GetProperty("use").GetString() == "enc");
        Assert.Contains(signing, await JwksKidsAsync());
        Assert.Equal(KeyStates.Pending, (await ListAsync(admin)).Single(k => k.GetProperty("kid").GetString() == signing).GetProperty("state").GetString());
        var entry = Assert.Single(await Server.AuditAsync(Server.AdminTenant(), "admin.keys.rotated"), e => e.DataJson!.Contains(signing, StringComparison.Ordinal));
        Assert.Equal("key", entry.TargetType);
        Assert.False(string.IsNullOrEmpty(entry.ActorId));
    }

    [Fact]
    public async Task Retire_TheSigningKey_NewTokensAreSignedByAnother_AndItStaysInJwks()
    {
        using var admin = await Server.SuperAdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(Server.GlobalUrl("keys/rotate"), null)).StatusCode);
        var before = new JsonWebToken((await ProtocolCalls.TokensAsync(Server, Tenant, "openid email")).AccessToken).Kid;

        var response = await admin.PostAsync(Server.GlobalUrl($"keys/{before}/retire"), null);
        var after = new JsonWebToken((await ProtocolCalls.TokensAsync(Server, Tenant, "openid email")).AccessToken).Kid;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(KeyStates.Retiring, (await response.JsonAsync()).GetProperty("state").GetString());
        Assert.NotEqual(before, after);
        Assert.Contains(before, await JwksKidsAsync());
        Assert.Equal(KeyStates.Active, (await ListAsync(admin)).Single(k => k.GetProperty("kid").GetString() == after).GetProperty("state").GetString());
        var entry = Assert.Single(await Server.AuditAsync(Server.AdminTenant(), "admin.keys.retired"), e => e.TargetId == before);
        var data = JsonDocument.Parse(entry.DataJson!).RootElement;
        Assert.Equal(KeyStates.Active, data.GetProperty("before").GetProperty("state").GetString());
        Assert.Equal(KeyStates.Retiring, data.GetProperty("after").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Retire_TheLastSigningKey_409()
    {
        using var admin = await Server.SuperAdminAsync();
        // Retire active signing keys while another can take over; the last one is refused.
        for (var rounds = 0; ; rounds++)
        {
            Assert.True(rounds < 50, "The ring never came down to one key.");
            var usable = (await ListAsync(admin))
                .Where(k => k.GetProperty("use").GetString() == "sig" && k.GetProperty("state").GetString() is KeyStates.Active or KeyStates.Pending).ToList();
            var active = usable.First(k => k.GetProperty("state").GetString() == KeyStates.Active).GetProperty("kid").GetString()!;
            var response = await admin.PostAsync(Server.GlobalUrl($"keys/{active}/retire"), null);
            if (usable.Count == 1)
            {
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                Assert.Equal(KeyStates.Active, (await ListAsync(admin)).Single(k => k.GetProperty("kid").GetString() == active).GetProperty("state").GetString());
                Assert.Equal(HttpStatusCode.OK, (await ProtocolCalls.TokensAsync(Server, Tenant, "openid")).Status);
                return;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Retire_UnknownKey_404_PendingKey_409()
    {
        using var admin = await Server.SuperAdminAsync();
        var rotated = await (await admin.PostAsync(Server.GlobalUrl("keys/rotate"), null)).JsonAsync();
        var pending = rotated.EnumerateArray().Single(k => k.GetProperty("use").GetString() == "sig").GetProperty("kid").GetString()!;

        var unknown = await admin.PostAsync(Server.GlobalUrl("keys/no-such-kid/retire"), null);
        var early = await admin.PostAsync(Server.GlobalUrl($"keys/{pending}/retire"), null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(KeyStates.Pending, (await ListAsync(admin)).Single(k => k.GetProperty("kid").GetString() == pending).GetProperty("state").GetString());
    }

    [Fact]
    public async Task List_NeverShowsPrivateMaterial_PagesNewestFirst_AndRefusesBadPaging()
    {
        using var admin = await Server.SuperAdminAsync();
        await admin.PostAsync(Server.GlobalUrl("keys/rotate"), null);

        var first = await (await admin.GetAsync(Server.GlobalUrl("keys?limit=1"))).JsonAsync();
        var second = await (await admin.GetAsync(Server.GlobalUrl("keys?limit=1&cursor=" + first.GetProperty("nextCursor").GetString()))).JsonAsync();
        var all = await (await admin.GetAsync(Server.GlobalUrl("keys?limit=200"))).Content.ReadAsStringAsync();

        var a = first.GetProperty("items")[0];
        var b = second.GetProperty("items")[0];
        Assert.True(a.GetProperty("createdAt").GetDateTime() >= b.GetProperty("createdAt").GetDateTime());
        Assert.NotEqual(a.GetProperty("kid").GetString(), b.GetProperty("kid").GetString());
        Assert.DoesNotContain("private", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CfDJ8", all, StringComparison.Ordinal); // Data Protection's payload prefix
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(Server.GlobalUrl("keys?limit=0"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(Server.GlobalUrl("keys?cursor=%25%25"))).StatusCode);
    }

    [Fact]
    public async Task WithoutAToken_401_TenantAdmin_403()
    {
        await Server.CreateAdminAsync("acme-keys@admin.test", TestTenants.Acme);
        using var tenantAdmin = (await Server.ForAdminAsync("acme-keys@admin.test")).Client;
        using var anonymous = ProtocolCalls.ApiClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Server.GlobalUrl("keys/rotate"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenantAdmin.PostAsync(Server.GlobalUrl("keys/rotate"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await tenantAdmin.GetAsync(Server.GlobalUrl("keys"))).StatusCode);
    }

    private async Task<List<JsonElement>> ListAsync(HttpClient admin) =>
        [.. (await (await admin.GetAsync(Server.GlobalUrl("keys?limit=200"))).JsonAsync()).GetProperty("items").EnumerateArray()];

    private async Task<List<string>> JwksKidsAsync()
    {
        using var api = ProtocolCalls.ApiClient();
        var jwks = await ProtocolCalls.JsonAsync(await api.GetAsync(Server.Url(Tenant, ".well-known/jwks")));
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }

    public sealed class Fixture : ServerFixture
    {
        protected override TestServerOptions Options()
        {
            var options = new TestServerOptions();
            options.Settings["Ciam:Protocol:Keys:PublishAhead"] = "01:00:00";
            return options;
        }
    }
}
