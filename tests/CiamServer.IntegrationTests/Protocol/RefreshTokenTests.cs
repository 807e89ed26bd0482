using System.Net;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>Refresh tokens: rotated on every use, a reused one revokes the whole family (RFC 9700 4.14.2),
/// bound to the client they were issued to.</summary>
[Trait("Category", "Protocol")]
public sealed class RefreshTokenTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Refresh_Used_IssuesNewRefreshTokenAndWorkingAccessToken()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var tokens = await ProtocolCalls.TokensAsync(Server, Tenant);

        var refreshed = await flow.RefreshAsync(tokens["refresh_token"]!);

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.NotNull(refreshed["refresh_token"]);
        Assert.NotEqual(tokens["refresh_token"], refreshed["refresh_token"]);
        Assert.NotEqual(tokens.AccessToken, refreshed.AccessToken);
        Assert.Equal(ProtocolCalls.Claim(tokens.AccessToken, "sub"), ProtocolCalls.Claim(refreshed.AccessToken, "sub"));
        Assert.True(ProtocolCalls.IsActive(await ProtocolCalls.IntrospectAsync(Server, Tenant, refreshed.AccessToken)));
    }

    [Fact]
    public async Task Refresh_OldTokenUsedAgain_InvalidGrantAndRevokesTheWholeFamily()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var tokens = await ProtocolCalls.TokensAsync(Server, Tenant);
        var refreshed = await flow.RefreshAsync(tokens["refresh_token"]!);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);

        var replay = await flow.RefreshAsync(tokens["refresh_token"]!);

        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal("invalid_grant", replay.Error);
        Assert.Null(replay["access_token"]);
        // The newest refresh token of the family, and the access token issued with it, are revoked too.
        var newest = await flow.RefreshAsync(refreshed["refresh_token"]!);
        Assert.Equal("invalid_grant", newest.Error);
        Assert.False(ProtocolCalls.IsActive(await ProtocolCalls.IntrospectAsync(Server, Tenant, refreshed.AccessToken)),
            "The access token issued with the newest refresh token is still active.");
    }

    [Fact]
    public async Task Refresh_ReuseOfOneFamily_LeavesAnotherSignInAlone()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var victim = await ProtocolCalls.TokensAsync(Server, Tenant);
        var other = await ProtocolCalls.TokensAsync(Server, Tenant);
        Assert.Equal(HttpStatusCode.OK, (await flow.RefreshAsync(victim["refresh_token"]!)).Status);
        Assert.Equal("invalid_grant", (await flow.RefreshAsync(victim["refresh_token"]!)).Error);

        var unrelated = await flow.RefreshAsync(other["refresh_token"]!);

        Assert.Equal(HttpStatusCode.OK, unrelated.Status);
    }

    [Fact]
    public async Task Refresh_PresentedByAnotherClient_InvalidGrant()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var tokens = await ProtocolCalls.TokensAsync(Server, Tenant);

        var response = await flow.RefreshAsync(tokens["refresh_token"]!, clientId: "spa", secret: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
        Assert.Null(response["access_token"]);
    }

    [Fact]
    public async Task Refresh_WithScopeBeyondTheGrant_InvalidGrant()
    {
        // Refresh tokens are bound to the consented scopes (RFC 6749 6). OpenIddict answers invalid_grant:
        // the grant presented does not cover the scope.
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var tokens = await ProtocolCalls.TokensAsync(Server, Tenant, "openid offline_access");

        var response = await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = tokens["refresh_token"]!, ["client_id"] = "web",
            ["client_secret"] = TestTenants.WebSecret, ["scope"] = "openid offline_access orders.read",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
        Assert.Null(response["access_token"]);
    }
}
