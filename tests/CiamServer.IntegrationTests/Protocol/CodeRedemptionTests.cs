using System.Net;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>Authorization codes at the token endpoint: single use (reuse revokes what they issued), bound to
/// the client, the redirect_uri and the PKCE challenge (RFC 9700 2.1.1, 4.2.4, 4.8).</summary>
[Trait("Category", "Protocol")]
public sealed class CodeRedemptionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Tenant = TestTenants.Acme;
    private const string Scope = "openid profile email offline_access orders.read";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Code_RedeemedTwice_InvalidGrantAndRevokesTheTokensOfTheFirstRedemption()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var code = await flow.SignInForCodeAsync(scope: Scope);
        var first = await flow.RedeemAsync(code);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(ProtocolCalls.IsActive(await ProtocolCalls.IntrospectAsync(Server, Tenant, first.AccessToken)));

        var second = await flow.RedeemAsync(code);

        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal("invalid_grant", second.Error);
        Assert.Null(second["access_token"]);
        Assert.False(ProtocolCalls.IsActive(await ProtocolCalls.IntrospectAsync(Server, Tenant, first.AccessToken)),
            "The access token of the first redemption is still active.");
        Assert.Equal("invalid_grant", (await flow.RefreshAsync(first["refresh_token"]!)).Error);
    }

    [Theory]
    [InlineData("spa", null)]
    [InlineData("third-party", TestTenants.WebSecret)]
    public async Task Code_RedeemedByAnotherClient_InvalidGrant(string clientId, string? secret)
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var code = await flow.SignInForCodeAsync(scope: "openid");

        var response = await flow.RedeemAsync(code, clientId, secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
        Assert.Null(response["access_token"]);
    }

    [Theory]
    [InlineData("https://client.example/callback/")]
    [InlineData("https://client.example/other")]
    [InlineData(TestTenants.SpaRedirectUri)]
    public async Task Code_RedeemedWithAnotherRedirectUri_InvalidGrant(string redirectUri)
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var code = await flow.SignInForCodeAsync(scope: "openid");

        var response = await flow.RedeemAsync(code, redirectUri: redirectUri);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task Code_RedeemedWithoutRedirectUri_IsRefused()
    {
        // The code was requested with a redirect_uri, so the token request must repeat it (RFC 6749 4.1.3).
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var code = await flow.SignInForCodeAsync(scope: "openid");

        var response = await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["client_id"] = "web",
            ["client_secret"] = TestTenants.WebSecret, ["code_verifier"] = flow.CodeVerifier,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response["access_token"]);
    }

    [Fact]
    public async Task Pkce_WrongVerifier_InvalidGrant()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var code = await flow.SignInForCodeAsync(scope: "openid");

        var response = await flow.RedeemAsync(code, verifier: new OidcFlow(Server, browser, Tenant).CodeVerifier);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task Pkce_WrongVerifierForPublicClient_InvalidGrant()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var code = await flow.SignInForCodeAsync("spa", "openid", TestTenants.SpaRedirectUri);

        var response = await flow.RedeemAsync(code, "spa", null, TestTenants.SpaRedirectUri, new OidcFlow(Server, browser, Tenant).CodeVerifier);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task Pkce_ChallengeWithoutVerifier_IsRefused()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var code = await flow.SignInForCodeAsync(scope: "openid");

        var response = await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = TestTenants.WebRedirectUri,
            ["client_id"] = "web", ["client_secret"] = TestTenants.WebSecret,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
        Assert.Null(response["access_token"]);
    }

    [Fact]
    public async Task Pkce_VerifierForCodeRequestedWithoutChallenge_IsRefused()
    {
        // PKCE downgrade (RFC 9700 4.8.2): an attacker who injects a code obtained without a challenge must
        // not get it accepted by simply adding a verifier.
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var code = CodeFrom(flow, await flow.AuthorizeAsync(flow.AuthorizeUrl(scope: "openid", pkce: false)));

        var response = await flow.RedeemAsync(code);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Error);
        Assert.Null(response["access_token"]);
    }

    [Fact]
    public async Task Code_ConfidentialClientWithoutPkce_IsRedeemed()
    {
        // The control for the downgrade test: the same code without a verifier is fine for a confidential client.
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var code = CodeFrom(flow, await flow.AuthorizeAsync(flow.AuthorizeUrl(scope: "openid", pkce: false)));

        var response = await flow.TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = TestTenants.WebRedirectUri,
            ["client_id"] = "web", ["client_secret"] = TestTenants.WebSecret,
        });

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    private static string CodeFrom(OidcFlow flow, HttpResponseMessage callback) =>
        flow.CallbackParameters(callback).TryGetValue("code", out var code) ? code : throw new InvalidOperationException("No code.");
}
