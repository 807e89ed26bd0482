using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.IntegrationTests.Protocol;

[Trait("Category", "Protocol")]
public sealed class ClientCredentialsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task ClientCredentials_PermittedScope_IssuesJwtForTheApiWithoutRefreshToken()
    {
        var response = await RequestAsync("orders.read");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response["refresh_token"]);
        Assert.Null(response["id_token"]);
        Assert.Equal("Bearer", response["token_type"]);
        var access = new JsonWebToken(response.AccessToken);
        Assert.Equal("at+jwt", access.Typ);
        Assert.Equal("RS256", access.Alg);
        Assert.Equal(Server.Issuer(Tenant), access.Issuer);
        Assert.Equal(["orders-api"], access.Audiences);
        Assert.Equal("machine", access.Subject);
        Assert.Equal("machine", access.Claims.First(c => c.Type == "client_id").Value);
        Assert.Equal("orders.read", access.Claims.First(c => c.Type == "scope").Value);
    }

    [Theory]
    [InlineData("profile")]
    [InlineData("email")]
    [InlineData("orders.write")]
    [InlineData("orders.read profile")]
    public async Task ClientCredentials_ScopeNotPermitted_InvalidScope(string scope)
    {
        var response = await RequestAsync(scope);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_scope", response.Error);
        Assert.Null(response["access_token"]);
    }

    [Fact]
    public async Task ClientCredentials_OfflineAccess_RefusedWithoutTokens()
    {
        // OpenIddict's own check (the client may not use the refresh_token grant) answers invalid_request.
        var response = await RequestAsync("orders.read offline_access");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
        Assert.Null(response["access_token"]);
        Assert.Null(response["refresh_token"]);
    }

    [Theory]
    [InlineData("orders.read")]
    [InlineData("openid orders.read")]
    public async Task ClientCredentials_TokenPresentedAtUserInfo_Unauthorized(string scope)
    {
        // A client's token has no user behind it: userinfo refuses it cleanly, whatever scopes it carries.
        var response = await RequestAsync(scope);
        Assert.Equal(HttpStatusCode.OK, response.Status);

        var userInfo = await ProtocolCalls.UserInfoAsync(Server, Tenant, response.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, userInfo.StatusCode);
    }

    private async Task<TokenResponse> RequestAsync(string scope)
    {
        using var browser = Server.CreateBrowser();
        return await new OidcFlow(Server, browser, Tenant).TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "machine", ["client_secret"] = TestTenants.MachineSecret, ["scope"] = scope,
        });
    }
}
