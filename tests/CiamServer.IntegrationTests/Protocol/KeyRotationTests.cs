using System.Net;
using CiamServer.Protocol;
using CiamServer.Protocol.Keys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>Key rotation (PublishAhead is zero in tests, so the new key signs at once): JWKS publishes old and
/// new keys, new tokens carry the new kid, tokens signed before still validate. Each test compares with the
/// ring as it found it, so the tests hold in any order.</summary>
[Trait("Category", "Protocol")]
public sealed class KeyRotationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Rotate_ThenRefresh_JwksPublishesOldAndNewSigningKeys()
    {
        var before = await JwksKidsAsync();

        var newSigningKid = await RotateAsync();

        var after = await JwksKidsAsync();
        Assert.DoesNotContain(newSigningKid, before);
        Assert.Contains(newSigningKid, after);
        Assert.Superset(before.ToHashSet(), after.ToHashSet());
        Assert.Equal(before.Count + 1, after.Count);
    }

    [Fact]
    public async Task Rotate_TokensIssuedAfter_CarryTheNewKid()
    {
        var old = await ProtocolCalls.TokensAsync(Server, Tenant, "openid email");

        var newSigningKid = await RotateAsync();
        var fresh = await ProtocolCalls.TokensAsync(Server, Tenant, "openid email");

        Assert.NotEqual(newSigningKid, new JsonWebToken(old.AccessToken).Kid);
        Assert.Equal(newSigningKid, new JsonWebToken(fresh.AccessToken).Kid);
        Assert.Equal(newSigningKid, new JsonWebToken(fresh["id_token"]!).Kid);
        Assert.Equal(HttpStatusCode.OK, (await ProtocolCalls.UserInfoAsync(Server, Tenant, fresh.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Rotate_TokenSignedBefore_StillValidates()
    {
        var old = await ProtocolCalls.TokensAsync(Server, Tenant, "openid email offline_access orders.read");
        var oldKid = new JsonWebToken(old.AccessToken).Kid;

        var newSigningKid = await RotateAsync();

        Assert.NotEqual(oldKid, newSigningKid);
        Assert.Contains(oldKid, await JwksKidsAsync());
        Assert.Equal(HttpStatusCode.OK, (await ProtocolCalls.UserInfoAsync(Server, Tenant, old.AccessToken)).StatusCode);
        Assert.True(ProtocolCalls.IsActive(await ProtocolCalls.IntrospectAsync(Server, Tenant, old.AccessToken)));
        // The refresh token (encrypted with the old encryption key) still works after the rotation, too.
        using var browser = Server.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await new OidcFlow(Server, browser, Tenant).RefreshAsync(old["refresh_token"]!)).Status);
    }

    /// <summary>Rotates as the <c>keys rotate</c> command does, lets this node re-read the ring, and returns
    /// the kid of the key that now signs.</summary>
    private async Task<string> RotateAsync()
    {
        var created = await Server.Services.RotateKeysAsync(CancellationToken.None);
        Assert.True(await Server.Services.GetRequiredService<KeyRingMonitor>().RefreshAsync(CancellationToken.None));
        var signing = Server.Services.GetRequiredService<KeyRingMonitor>().Current.SigningKeys[0].KeyId;
        Assert.Contains(signing, created);
        return signing;
    }

    private async Task<List<string>> JwksKidsAsync()
    {
        using var api = ProtocolCalls.ApiClient();
        var jwks = await ProtocolCalls.JsonAsync(await api.GetAsync(Server.Url(Tenant, ".well-known/jwks")));
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }
}
