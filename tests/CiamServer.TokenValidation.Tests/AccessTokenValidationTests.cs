using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CiamServer.Protocol;
using CiamServer.Protocol.Keys;
using CiamServer.TokenValidation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.TokenValidation.Tests;

[Trait("Category", "TokenValidation")]
[Collection(TokenValidationCollection.Name)]
public sealed class AccessTokenValidationTests(ServerFixture fixture)
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task ValidToken_Returns200WithTheSubject()
    {
        var token = await AccessTokens.ForOrdersApiAsync(Server);
        await using var api = await TestApi.StartAsync(Server);

        using var response = await api.GetOrdersAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"orders of {new JsonWebToken(token).Subject}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SigningKeyRotated_TokenWithTheNewKid_AcceptedWithoutRestart_OldOneStill()
    {
        var before = await AccessTokens.ForOrdersApiAsync(Server);
        await using var api = await TestApi.StartAsync(Server);
        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(before));

        // PublishAhead is zero in tests: the new key signs at once, the old one stays published.
        await Server.Services.RotateKeysAsync(CancellationToken.None);
        await Server.Services.GetRequiredService<KeyRingMonitor>().RefreshAsync(CancellationToken.None);
        var after = await AccessTokens.ForOrdersApiAsync(Server);

        Assert.NotEqual(new JsonWebToken(before).Kid, new JsonWebToken(after).Kid);
        // The unknown kid makes the API re-read JWKS in the background: accepted moments later, no restart.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(10),
            async () => await api.StatusForAsync(after) == HttpStatusCode.OK, "the API accepts the token signed with the new key", intervalMilliseconds: 100);
        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(before));
    }

    [Fact]
    public async Task NoToken_Returns401WithPlainBearerChallenge()
    {
        await using var api = await TestApi.StartAsync(Server);

        using var response = await api.Client.GetAsync(new Uri(api.BaseAddress, "/orders"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task TokenForAnotherAudience_Returns401()
    {
        var token = await AccessTokens.ForOrdersApiAsync(Server);
        await using var api = await TestApi.StartAsync(Server, options => options.Audience = "inventory-api");

        using var response = await api.GetOrdersAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("audience", response.Headers.WwwAuthenticate.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TokenOfAnotherTenant_Returns401()
    {
        // Imported again on its own: on this branch a multi-tenant import gives only the first tenant its
        // clients (fixed on the branches with "Import: clear the change tracker between tenants").
        await Server.ImportAsync($$"""{ "tenants": [ {{TestTenants.Tenant(TestTenants.Globex, "Globex")}} ] }""");
        var token = await AccessTokens.ForOrdersApiAsync(Server, TestTenants.Globex);
        Assert.Equal(Server.Issuer(TestTenants.Globex), new JsonWebToken(token).Issuer.TrimEnd('/'));
        await using var api = await TestApi.StartAsync(Server);

        Assert.Equal(HttpStatusCode.Unauthorized, await api.StatusForAsync(token));
    }

    [Theory]
    [InlineData("tampered signature")]
    [InlineData("tampered payload")]
    [InlineData("alg none")]
    [InlineData("jku header to the attacker's JWKS")]
    [InlineData("embedded jwk header")]
    public async Task ForgedToken_Returns401AndFetchesNothing(string forgery)
    {
        var token = await AccessTokens.ForOrdersApiAsync(Server);
        await using var api = await TestApi.StartAsync(Server);
        using var attackerKey = RSA.Create(2048);
        api.AttackerJwks = new JsonObject { ["keys"] = new JsonArray(ForgedTokens.PublicJwk(attackerKey)) }.ToJsonString();
        Assert.Equal(HttpStatusCode.OK, await api.StatusForAsync(token));

        var forged = forgery switch
        {
            "tampered signature" => ForgedTokens.TamperedSignature(token),
            "tampered payload" => ForgedTokens.TamperedPayload(token),
            "alg none" => ForgedTokens.Unsigned(token),
            "jku header to the attacker's JWKS" => ForgedTokens.SignedByAttacker(token, attackerKey,
                new JsonObject { ["jku"] = api.AttackerJwksUrl.ToString() }),
            "embedded jwk header" => ForgedTokens.SignedByAttacker(token, attackerKey,
                new JsonObject { ["jwk"] = ForgedTokens.PublicJwk(attackerKey) }),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, await api.StatusForAsync(forged));
        Assert.Equal(0, api.AttackerJwksRequests);
    }
}
