using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.IntegrationTests.Protocol;

[Trait("Category", "Protocol")]
public sealed class CodeFlowTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task CodeFlow_WithPkce_IssuesSignedAccessTokenWithSessionAndAudience()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);

        var code = await flow.SignInForCodeAsync(scope: "openid profile email offline_access orders.read");
        var tokens = await flow.RedeemAsync(code);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var access = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("at+jwt", access.Typ);
        Assert.Equal("RS256", access.Alg);
        Assert.Equal(Server.Issuer(TestTenants.Acme), access.Issuer.TrimEnd('/'));
        Assert.Contains("orders-api", access.Audiences);
        Assert.NotNull(access.Claims.FirstOrDefault(c => c.Type == "sid")?.Value);
        Assert.NotNull(access.Claims.FirstOrDefault(c => c.Type == "jti")?.Value);
        Assert.Equal("web", access.Claims.First(c => c.Type == "client_id").Value);
        Assert.NotNull(tokens["refresh_token"]);
        var id = new JsonWebToken(tokens["id_token"]!);
        Assert.Equal("RS256", id.Alg);
        Assert.Equal(["web"], id.Audiences);
        Assert.Equal(flow.Nonce, id.GetClaim("nonce").Value);
        Assert.Equal("alice@example.com", id.GetClaim("email").Value);
        Assert.True(id.TryGetClaim("name", out _));
        Assert.Equal(access.GetClaim("sid").Value, id.GetClaim("sid").Value);
        Assert.False(access.TryGetClaim("email", out _), "identity data stays out of the access token");
    }

    [Fact]
    public async Task CodeFlow_WithoutApiScope_AccessTokenIsForTheIssuerAndAmrIsAnArray()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);

        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: "openid profile"));

        var access = new JsonWebToken(tokens.AccessToken);
        Assert.Equal([Server.Issuer(TestTenants.Acme)], access.Audiences);
        Assert.Equal(["pwd"], access.GetPayloadValue<string[]>("amr"));
        Assert.Equal(["pwd"], new JsonWebToken(tokens["id_token"]!).GetPayloadValue<string[]>("amr"));
    }
}
