using System.Net;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>Nothing crosses from one tenant to another. "acme" and "globex" register the same client ids with
/// the same secrets and the same user email, so only the tenant boundary can refuse these requests.</summary>
[Trait("Category", "Protocol")]
public sealed class TenantIsolationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Acme = TestTenants.Acme;
    private const string Globex = TestTenants.Globex;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task AcmeAccessToken_AtGlobexUserInfo_Unauthorized()
    {
        var tokens = await ProtocolCalls.TokensAsync(Server, Acme, "openid email");
        Assert.Equal(HttpStatusCode.OK, (await ProtocolCalls.UserInfoAsync(Server, Acme, tokens.AccessToken)).StatusCode);

        var response = await ProtocolCalls.UserInfoAsync(Server, Globex, tokens.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AcmeAccessToken_IntrospectedByGlobexApi_Inactive()
    {
        var tokens = await ProtocolCalls.TokensAsync(Server, Acme, "openid orders.read");
        Assert.True(ProtocolCalls.IsActive(await ProtocolCalls.IntrospectAsync(Server, Acme, tokens.AccessToken)));

        var result = await ProtocolCalls.IntrospectAsync(Server, Globex, tokens.AccessToken);

        Assert.False(ProtocolCalls.IsActive(result), "globex's API was told an acme token is active: " + result);
    }

    [Fact]
    public async Task AcmeCode_RedeemedAtGlobexTokenEndpoint_Refused()
    {
        using var browser = Server.CreateBrowser();
        var acme = new OidcFlow(Server, browser, Acme);
        var code = await acme.SignInForCodeAsync(scope: "openid");
        var globex = new OidcFlow(Server, browser, Globex);

        var response = await globex.RedeemAsync(code, verifier: acme.CodeVerifier);

        Assert.True(response.Error is "invalid_grant" or "invalid_client", $"{response.Status} {response.Json}");
        Assert.Null(response["access_token"]);
    }

    [Fact]
    public async Task AcmeRefreshToken_UsedAtGlobexTokenEndpoint_Refused()
    {
        using var browser = Server.CreateBrowser();
        var tokens = await ProtocolCalls.TokensAsync(Server, Acme);

        var response = await new OidcFlow(Server, browser, Globex).RefreshAsync(tokens["refresh_token"]!);

        Assert.True(response.Error is "invalid_grant" or "invalid_client", $"{response.Status} {response.Json}");
        Assert.Null(response["access_token"]);
    }

    [Fact]
    public async Task GlobexClients_SameIdsAsAcme_WorkInGlobex()
    {
        // The control for the refusals above: globex has its own "web" client and alice, and they work there.
        var tokens = await ProtocolCalls.TokensAsync(Server, Globex, "openid email orders.read");

        Assert.Equal(Server.Issuer(Globex), ProtocolCalls.Claim(tokens.AccessToken, "iss"));
        Assert.True(ProtocolCalls.IsActive(await ProtocolCalls.IntrospectAsync(Server, Globex, tokens.AccessToken)));
        Assert.Equal(HttpStatusCode.OK, (await ProtocolCalls.UserInfoAsync(Server, Globex, tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task AcmeSsoCookie_AtGlobexAuthorize_ShowsGlobexLoginPage()
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Acme);
        var flow = new OidcFlow(Server, browser, Globex);

        var page = await browser.GetAndFollowAsync(flow.AuthorizeUrl());
        var silent = await browser.GetAsync(new OidcFlow(Server, browser, Globex).AuthorizeUrl(extra: new Dictionary<string, string> { ["prompt"] = "none" }));

        Assert.True(ProtocolCalls.IsLoginPage(page, Globex), "Expected globex's login page, got " + ProtocolCalls.PagePath(page));
        Assert.Equal("login_required", ProtocolCalls.RedirectParameters(browser.Location(silent)).GetValueOrDefault("error"));
    }

    [Fact]
    public async Task AcmeOnlyUser_SignsInAtGlobex_Fails()
    {
        var email = await ProtocolCalls.ImportUserAsync(Server, Acme);
        using var acmeBrowser = await ProtocolCalls.SignedInBrowserAsync(Server, Acme, email);
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Globex);

        var response = await flow.AuthorizeAsync(flow.AuthorizeUrl(), email, TestTenants.Password);

        Assert.True(ProtocolCalls.IsLoginPage(response, Globex), "The acme-only user got past globex's login page: " + response.Headers.Location);
        var document = await ProtocolCalls.PageAsync(response);
        Assert.Contains("not correct", document.QuerySelector("[role='alert']")?.TextContent ?? string.Empty, StringComparison.Ordinal);
    }
}
