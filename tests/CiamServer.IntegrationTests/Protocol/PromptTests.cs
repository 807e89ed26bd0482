using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>prompt, max_age and login_hint at the authorization endpoint (OIDC Core 3.1.2.1).</summary>
[Trait("Category", "Protocol")]
public sealed class PromptTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task PromptNone_WithoutSession_RedirectsLoginRequiredToClient()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await browser.GetAsync(flow.AuthorizeUrl(extra: Prompt("none")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = browser.Location(response);
        Assert.Equal(TestTenants.WebRedirectUri, ProtocolCalls.RedirectTarget(location));
        var parameters = ProtocolCalls.RedirectParameters(location);
        Assert.Equal("login_required", parameters.GetValueOrDefault("error"));
        Assert.Equal(flow.State, parameters.GetValueOrDefault("state"));
        Assert.False(parameters.ContainsKey("code"));
    }

    [Fact]
    public async Task IdTokenHintForAnotherUser_PromptNoneAndWrongSignIn_LoginRequired_HintedUserSignsIn()
    {
        var bob = AccountPages.UniqueEmail("bob");
        await Server.CreateVerifiedUserAsync(Tenant, bob, TestTenants.Password);
        using var bobsBrowser = Server.CreateBrowser();
        var bobsFlow = new OidcFlow(Server, bobsBrowser, Tenant);
        var bobsIdToken = (await bobsFlow.RedeemAsync(ProtocolCalls.RedirectParameters(bobsBrowser.Location(
            await bobsFlow.AuthorizeAsync(bobsFlow.AuthorizeUrl(), bob))).GetValueOrDefault("code")!))["id_token"]!;
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);

        var silent = await browser.GetAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["prompt"] = "none", ["id_token_hint"] = bobsIdToken }));
        Assert.Equal("login_required", ProtocolCalls.RedirectParameters(browser.Location(silent)).GetValueOrDefault("error"));

        // Interactively the login page is shown; signing in as someone else answers login_required (no loop,
        // no code for the wrong user)...
        var wrongUser = await flow.AuthorizeAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["id_token_hint"] = bobsIdToken }));
        Assert.Equal("login_required", ProtocolCalls.RedirectParameters(browser.Location(wrongUser)).GetValueOrDefault("error"));

        // ...and signing in as the hinted user continues to the client.
        var done = await flow.AuthorizeAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["id_token_hint"] = bobsIdToken }), bob);
        var code = ProtocolCalls.RedirectParameters(browser.Location(done)).GetValueOrDefault("code");
        Assert.NotNull(code);
        var tokens = await flow.RedeemAsync(code);
        Assert.Equal(ProtocolCalls.Claim(bobsIdToken, "sub"), ProtocolCalls.Claim(tokens.AccessToken, "sub"));
    }

    [Fact]
    public async Task PromptNone_WithSession_RedirectsWithCode()
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await browser.GetAsync(flow.AuthorizeUrl(extra: Prompt("none")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var code = ProtocolCalls.RedirectParameters(browser.Location(response)).GetValueOrDefault("code");
        Assert.NotNull(code);
        Assert.Equal(HttpStatusCode.OK, (await flow.RedeemAsync(code)).Status);
    }

    [Fact]
    public async Task PromptLogin_WithSession_ShowsLoginPageAndThenIssuesTokensWithNewSid()
    {
        using var browser = Server.CreateBrowser();
        var first = new OidcFlow(Server, browser, Tenant);
        var firstTokens = await first.RedeemAsync(await first.SignInForCodeAsync());
        var firstSid = ProtocolCalls.Claim(firstTokens["id_token"]!, "sid");

        var second = new OidcFlow(Server, browser, Tenant);
        var page = await browser.GetAndFollowAsync(second.AuthorizeUrl(extra: Prompt("login")));
        Assert.True(ProtocolCalls.IsLoginPage(page, Tenant), "prompt=login did not show the login page: " + ProtocolCalls.PagePath(page));
        var callback = await browser.FollowAsync(await browser.SubmitFormAsync(page,
            new Dictionary<string, string> { ["Input.Email"] = ProtocolCalls.Alice, ["Input.Password"] = TestTenants.Password }));
        var secondTokens = await second.RedeemAsync(second.CallbackParameters(callback)["code"]);

        Assert.Equal(HttpStatusCode.OK, secondTokens.Status);
        var secondSid = ProtocolCalls.Claim(secondTokens["id_token"]!, "sid");
        Assert.NotNull(firstSid);
        Assert.NotNull(secondSid);
        Assert.NotEqual(firstSid, secondSid);
        Assert.Equal(secondSid, ProtocolCalls.Claim(secondTokens.AccessToken, "sid"));
    }

    [Fact]
    public async Task PromptLogin_ReauthenticationDone_EndsThePreviousSession()
    {
        // ASVS 7.2.4: the session that a re-authentication replaces is terminated, so its tokens stop working.
        using var browser = Server.CreateBrowser();
        var first = new OidcFlow(Server, browser, Tenant);
        var firstTokens = await first.RedeemAsync(await first.SignInForCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await ProtocolCalls.UserInfoAsync(Server, Tenant, firstTokens.AccessToken)).StatusCode);

        var second = new OidcFlow(Server, browser, Tenant);
        var callback = await second.AuthorizeAsync(second.AuthorizeUrl(extra: Prompt("login")));
        Assert.True(second.CallbackParameters(callback).ContainsKey("code"));

        var userInfo = await ProtocolCalls.UserInfoAsync(Server, Tenant, firstTokens.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, userInfo.StatusCode);
        Assert.Equal("invalid_grant", (await first.RefreshAsync(firstTokens["refresh_token"]!)).Error);
    }

    [Fact]
    public async Task PromptLogin_LoginPageAbandoned_KeepsTheSession()
    {
        // Asking for a new sign-in does not sign anyone out until the new sign-in happens.
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);
        var page = await browser.GetAndFollowAsync(flow.AuthorizeUrl(extra: Prompt("login")));
        Assert.True(ProtocolCalls.IsLoginPage(page, Tenant));

        var response = await browser.GetAsync(new OidcFlow(Server, browser, Tenant).AuthorizeUrl(extra: Prompt("none")));

        Assert.True(ProtocolCalls.RedirectParameters(browser.Location(response)).ContainsKey("code"),
            "The session was lost: " + browser.Location(response));
    }

    [Fact]
    public async Task MaxAgeZero_WithSession_ShowsLoginPage()
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);

        var page = await browser.GetAndFollowAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["max_age"] = "0" }));

        Assert.True(ProtocolCalls.IsLoginPage(page, Tenant), "max_age=0 did not show the login page: " + ProtocolCalls.PagePath(page));
    }

    [Fact]
    public async Task MaxAgeLongerThanSessionAge_WithSession_RedirectsWithCode()
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await browser.GetAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["max_age"] = "3600" }));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(ProtocolCalls.RedirectParameters(browser.Location(response)).ContainsKey("code"));
    }

    [Fact]
    public async Task LoginHint_WithoutSession_PrefillsTheEmailField()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);

        var page = await browser.GetAndFollowAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["login_hint"] = "hinted@example.com" }));

        Assert.True(ProtocolCalls.IsLoginPage(page, Tenant));
        var document = await ProtocolCalls.PageAsync(page);
        Assert.Equal("hinted@example.com", document.QuerySelector("input[name='Input.Email']")?.GetAttribute("value"));
    }

    private static Dictionary<string, string> Prompt(string value) => new() { ["prompt"] = value };
}
