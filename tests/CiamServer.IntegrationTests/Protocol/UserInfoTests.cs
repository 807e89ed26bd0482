using System.Net;
using System.Text.Json;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>UserInfo (OIDC Core 5.3): the claims of the granted scopes, for a valid access token of a live session.</summary>
[Trait("Category", "Protocol")]
public sealed class UserInfoTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UserInfo_WithAccessToken_ReturnsSubAndClaimsOfGrantedScopes(bool post)
    {
        var tokens = await ProtocolCalls.TokensAsync(Server, Tenant, "openid profile email");

        var response = await ProtocolCalls.UserInfoAsync(Server, Tenant, tokens.AccessToken, post);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = await ProtocolCalls.JsonAsync(response);
        Assert.Equal(ProtocolCalls.Claim(tokens.AccessToken, "sub"), claims.GetProperty("sub").GetString());
        Assert.Equal(ProtocolCalls.Alice, claims.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.True, claims.GetProperty("email_verified").ValueKind);
        Assert.Equal("Alice Liddell", claims.GetProperty("name").GetString());
        Assert.Equal("Alice", claims.GetProperty("given_name").GetString());
        Assert.Equal("Liddell", claims.GetProperty("family_name").GetString());
    }

    [Fact]
    public async Task UserInfo_WithOpenIdScopeOnly_ReturnsOnlySub()
    {
        var tokens = await ProtocolCalls.TokensAsync(Server, Tenant, "openid");

        var response = await ProtocolCalls.UserInfoAsync(Server, Tenant, tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = await ProtocolCalls.JsonAsync(response);
        Assert.Equal(["sub"], claims.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task UserInfo_WithoutToken_Unauthorized401WithBearerChallenge()
    {
        var response = await ProtocolCalls.UserInfoAsync(Server, Tenant, accessToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJ4In0.")]
    public async Task UserInfo_WithInvalidToken_Unauthorized401WithInvalidTokenChallenge(string token)
    {
        var response = await ProtocolCalls.UserInfoAsync(Server, Tenant, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains("invalid_token", challenge.Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserInfo_WithRefreshTokenOrIdTokenInsteadOfAccessToken_Unauthorized401()
    {
        var tokens = await ProtocolCalls.TokensAsync(Server, Tenant, "openid email offline_access");

        Assert.Equal(HttpStatusCode.Unauthorized, (await ProtocolCalls.UserInfoAsync(Server, Tenant, tokens["refresh_token"])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ProtocolCalls.UserInfoAsync(Server, Tenant, tokens["id_token"])).StatusCode);
    }

    [Fact]
    public async Task UserInfo_AfterRpInitiatedLogout_RefusesTheOldAccessToken()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: "openid email"));
        Assert.Equal(HttpStatusCode.OK, (await ProtocolCalls.UserInfoAsync(Server, Tenant, tokens.AccessToken)).StatusCode);

        var logout = await browser.GetAsync(ProtocolCalls.EndSessionUrl(Server, Tenant, tokens["id_token"], TestTenants.WebPostLogoutUri, "s"));
        Assert.Equal(HttpStatusCode.SeeOther, logout.StatusCode);

        var response = await ProtocolCalls.UserInfoAsync(Server, Tenant, tokens.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }
}
