using System.Net;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>Introspection (RFC 7662) by the API a token is for, and revocation (RFC 7009) by the client.</summary>
[Trait("Category", "Protocol")]
public sealed class IntrospectionAndRevocationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Introspect_FreshAccessTokenByItsApi_ActiveWithSubScopeAndClientId()
    {
        var tokens = await ProtocolCalls.TokensAsync(Server, Tenant, "openid email orders.read");

        var result = await ProtocolCalls.IntrospectAsync(Server, Tenant, tokens.AccessToken);

        Assert.True(ProtocolCalls.IsActive(result), result.ToString());
        Assert.Equal(ProtocolCalls.Claim(tokens.AccessToken, "sub"), result.GetProperty("sub").GetString());
        Assert.Equal("web", result.GetProperty("client_id").GetString());
        var scopes = result.GetProperty("scope").GetString()!.Split(' ');
        Assert.Contains("orders.read", scopes);
        Assert.Contains("email", scopes);
        Assert.Equal(Server.Issuer(Tenant), result.GetProperty("iss").GetString());
    }

    [Fact]
    public async Task Introspect_GarbageToken_Inactive()
    {
        var result = await ProtocolCalls.IntrospectAsync(Server, Tenant, "garbage");

        Assert.False(ProtocolCalls.IsActive(result));
        Assert.Equal(["active"], result.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Introspect_WrongApiSecret_InvalidClient()
    {
        var tokens = await ProtocolCalls.TokensAsync(Server, Tenant, "openid orders.read");
        using var api = ProtocolCalls.ApiClient();

        var response = await api.PostAsync(Server.Url(Tenant, "connect/introspect"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = "orders-api", ["client_secret"] = "wrong", ["token"] = tokens.AccessToken,
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await ProtocolCalls.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Revoke_RefreshTokenByItsClient_ThenRefreshFails()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var tokens = await ProtocolCalls.TokensAsync(Server, Tenant);

        var revoked = await RevokeAsync(tokens["refresh_token"]!, "web", TestTenants.WebSecret);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var refresh = await flow.RefreshAsync(tokens["refresh_token"]!);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.Status);
        Assert.Equal("invalid_grant", refresh.Error);
    }

    [Fact]
    public async Task Revoke_RefreshTokenByAnotherClient_LeavesItWorking()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var tokens = await ProtocolCalls.TokensAsync(Server, Tenant);

        var response = await RevokeAsync(tokens["refresh_token"]!, "third-party", TestTenants.WebSecret);

        // OpenIddict answers 200 without revoking (RFC 7009 2.2 lets it hide that the token exists): what
        // matters is that the token still works for its own client.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await flow.RefreshAsync(tokens["refresh_token"]!)).Status);
    }

    private async Task<HttpResponseMessage> RevokeAsync(string token, string clientId, string secret)
    {
        using var api = ProtocolCalls.ApiClient();
        var response = await api.PostAsync(Server.Url(Tenant, "connect/revoke"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = clientId, ["client_secret"] = secret, ["token"] = token, ["token_type_hint"] = "refresh_token",
        }));
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
