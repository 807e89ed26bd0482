using System.Net;
using System.Text.Json;
using CiamServer.Admin.Keys;
using CiamServer.IntegrationTests.Protocol;
using CiamServer.Protocol.Keys;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.IntegrationTests.Admin;

/// <summary>Signing keys as a super-admin manages them, with keys published an hour ahead (as in production), so
/// a rotation leaves a pending key. Each test starts from the ring as it finds it, so they hold in any order.</summary>
[Trait("Category", "Admin")]
public sealed class KeysApiTests(KeysApiTests.Fixture fixture) : IClassFixture<KeysApiTests.Fixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Rotate_JwksPublishesTheNewKey_AsPending_AndIsAudited()
    {
        var rotated = await Server.CallAsync<KeyAdmin, IReadOnlyList<KeyResource>>(k => k.RotateAsync(default));

        var signing = Assert.Single(rotated, k => k.Use == "sig");
        Assert.Single(rotated, k => k.Use == "enc");
        Assert.Equal(KeyStates.Pending, signing.State);
        Assert.Contains(signing.Kid, await JwksKidsAsync());
        var listed = await ListAsync();
        Assert.Equal(KeyStates.Pending, listed.Single(k => k.Kid == signing.Kid).State);
        var entry = Assert.Single(await Server.AuditAsync(TenantAdminSlug, "admin.keys.rotated"), e => e.DataJson!.Contains(signing.Kid, StringComparison.Ordinal));
        Assert.Equal((GlobalAdmin.ActorId, "key"), (entry.ActorId, entry.TargetType));
    }

    [Fact]
    public async Task Retire_TheSigningKey_NewTokensAreSignedByAnother_AndItStaysInJwks()
    {
        await Server.CallAsync<KeyAdmin, IReadOnlyList<KeyResource>>(k => k.RotateAsync(default));
        var before = new JsonWebToken((await ProtocolCalls.TokensAsync(Server, Tenant, "openid email")).AccessToken).Kid;

        var (outcome, retired) = await Server.CallAsync<KeyAdmin, (KeyRetirement, KeyResource?)>(k => k.RetireAsync(before, default));
        var after = new JsonWebToken((await ProtocolCalls.TokensAsync(Server, Tenant, "openid email")).AccessToken).Kid;

        Assert.Equal(KeyRetirement.Retired, outcome);
        Assert.Equal(KeyStates.Retiring, retired!.State);
        Assert.NotEqual(before, after);
        Assert.Contains(before, await JwksKidsAsync());
        Assert.Equal(KeyStates.Active, (await ListAsync()).Single(k => k.Kid == after).State);
        var entry = Assert.Single(await Server.AuditAsync(TenantAdminSlug, "admin.keys.retired"), e => e.TargetId == before);
        var data = JsonDocument.Parse(entry.DataJson!).RootElement;
        Assert.Equal(KeyStates.Active, data.GetProperty("before").GetProperty("state").GetString());
        Assert.Equal(KeyStates.Retiring, data.GetProperty("after").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Retire_TheLastSigningKey_Refused()
    {
        // Retire active signing keys while another can take over; the last one is refused.
        for (var rounds = 0; ; rounds++)
        {
            Assert.True(rounds < 50, "The ring never came down to one key.");
            var usable = (await ListAsync()).Where(k => k.Use == "sig" && k.State is KeyStates.Active or KeyStates.Pending).ToList();
            var active = usable.First(k => k.State == KeyStates.Active);
            var (outcome, _) = await Server.CallAsync<KeyAdmin, (KeyRetirement, KeyResource?)>(k => k.RetireAsync(active.Kid, default));
            if (usable.Count == 1)
            {
                Assert.Equal(KeyRetirement.LastKey, outcome);
                Assert.Equal(KeyStates.Active, (await ListAsync()).Single(k => k.Kid == active.Kid).State);
                Assert.Equal(HttpStatusCode.OK, (await ProtocolCalls.TokensAsync(Server, Tenant, "openid")).Status);
                return;
            }

            Assert.Equal(KeyRetirement.Retired, outcome);
        }
    }

    [Fact]
    public async Task Retire_UnknownOrPendingKey_Refused()
    {
        var rotated = await Server.CallAsync<KeyAdmin, IReadOnlyList<KeyResource>>(k => k.RotateAsync(default));
        var pending = rotated.Single(k => k.Use == "sig").Kid;

        var unknown = await Server.CallAsync<KeyAdmin, (KeyRetirement, KeyResource?)>(k => k.RetireAsync("no-such-kid", default));
        var early = await Server.CallAsync<KeyAdmin, (KeyRetirement, KeyResource?)>(k => k.RetireAsync(pending, default));

        Assert.Equal(KeyRetirement.NotFound, unknown.Item1);
        Assert.Equal(KeyRetirement.NotActive, early.Item1);
        Assert.Equal(KeyStates.Pending, (await ListAsync()).Single(k => k.Kid == pending).State);
    }

    [Fact]
    public async Task List_NeverShowsPrivateMaterial_AndPagesNewestFirst()
    {
        await Server.CallAsync<KeyAdmin, IReadOnlyList<KeyResource>>(k => k.RotateAsync(default));

        var first = await Server.CallAsync<KeyAdmin, KeyPage?>(k => k.ListAsync(1, null, default));
        var second = await Server.CallAsync<KeyAdmin, KeyPage?>(k => k.ListAsync(1, first!.NextCursor, default));
        var json = JsonSerializer.Serialize(await ListAsync(), JsonSerializerOptions.Web);

        Assert.NotNull(first!.NextCursor);
        Assert.True(first.Items[0].CreatedAt >= second!.Items[0].CreatedAt);
        Assert.NotEqual(first.Items[0].Kid, second.Items[0].Kid);
        Assert.DoesNotContain("private", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CfDJ8", json, StringComparison.Ordinal); // Data Protection's payload prefix
        Assert.Null(await Server.CallAsync<KeyAdmin, KeyPage?>(k => k.ListAsync(0, null, default)));
        Assert.Null(await Server.CallAsync<KeyAdmin, KeyPage?>(k => k.ListAsync(10, "%%%", default)));
    }

    private const string TenantAdminSlug = CiamServer.Admin.Tenants.TenantAdmin.AdminTenantSlug;

    private async Task<List<KeyResource>> ListAsync()
    {
        var page = await Server.CallAsync<KeyAdmin, KeyPage?>(k => k.ListAsync(200, null, default));
        return [.. page!.Items];
    }

    private async Task<List<string>> JwksKidsAsync()
    {
        using var api = ProtocolCalls.ApiClient();
        var jwks = await ProtocolCalls.JsonAsync(await api.GetAsync(Server.Url(Tenant, ".well-known/jwks")));
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }

    public sealed class Fixture : ServerFixture, IAsyncLifetime
    {
        protected override TestServerOptions Options()
        {
            var options = new TestServerOptions();
            options.Settings["Ciam:Protocol:Keys:PublishAhead"] = "01:00:00";
            return options;
        }

        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await Server.EnsureAdminTenantAsync();
        }

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync();
    }
}
