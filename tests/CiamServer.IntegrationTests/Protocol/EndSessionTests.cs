using System.Net;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>RP-initiated logout: back to a registered address only, and without id_token_hint only after the
/// user confirms; afterwards the SSO cookie signs nobody in.</summary>
[Trait("Category", "Protocol")]
public sealed class EndSessionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task EndSession_IdTokenHintAndRegisteredPostLogoutUri_Redirects303WithState()
    {
        using var browser = Server.CreateBrowser();
        var idToken = await SignInForIdTokenAsync(browser);
        using var copy = ProtocolCalls.BrowserWithCookiesOf(Server, browser);
        await AssertSignedInAsync(copy);

        var response = await browser.GetAsync(ProtocolCalls.EndSessionUrl(Server, Tenant, idToken, TestTenants.WebPostLogoutUri, "after-logout"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = browser.Location(response);
        Assert.Equal(TestTenants.WebPostLogoutUri, ProtocolCalls.RedirectTarget(location));
        Assert.Equal("after-logout", ProtocolCalls.RedirectParameters(location).GetValueOrDefault("state"));
        await AssertSignedOutAsync(browser);
        await AssertSignedOutAsync(copy);
    }

    [Theory]
    [InlineData("https://evil.example/signed-out")]
    [InlineData("https://client.example/signed-out/")]
    [InlineData("https://client.example/signed-out?next=https://evil.example")]
    [InlineData("https://client.example@evil.example/signed-out")]
    [InlineData(TestTenants.WebRedirectUri)]
    public async Task EndSession_UnregisteredPostLogoutUri_ShowsErrorPageWithoutRedirect(string postLogoutRedirectUri)
    {
        using var browser = Server.CreateBrowser();
        var idToken = await SignInForIdTokenAsync(browser);

        var response = await browser.GetAsync(ProtocolCalls.EndSessionUrl(Server, Tenant, idToken, postLogoutRedirectUri, "s"));

        await ProtocolCalls.AssertErrorPageAsync(response, "invalid_request", "post_logout_redirect_uri");
    }

    [Fact]
    public async Task EndSession_WithoutIdTokenHint_AsksForConfirmationAndKeepsTheSessionMeanwhile()
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);

        var page = await browser.GetAndFollowAsync(ProtocolCalls.EndSessionUrl(Server, Tenant, null, null, null));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal($"/t/{Tenant}/account/logout", ProtocolCalls.PagePath(page));
        var document = await ProtocolCalls.PageAsync(page);
        Assert.NotNull(document.QuerySelector("form input[name='__RequestVerificationToken']"));
        // Not confirmed yet: still signed in.
        await AssertSignedInAsync(browser);
    }

    [Fact]
    public async Task EndSession_WithoutIdTokenHintConfirmed_SsoCookieNoLongerSignsIn()
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        using var copy = ProtocolCalls.BrowserWithCookiesOf(Server, browser);
        await AssertSignedInAsync(copy);
        var page = await browser.GetAndFollowAsync(ProtocolCalls.EndSessionUrl(Server, Tenant, null, null, null));

        var confirmed = await browser.FollowAsync(await browser.SubmitFormAsync(page, new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal($"/t/{Tenant}/account/signed-out", ProtocolCalls.PagePath(confirmed));
        await AssertSignedOutAsync(browser);
        // The old SSO cookie, replayed, no longer signs in either: the session ended on the server.
        await AssertSignedOutAsync(copy);
    }

    [Fact]
    public async Task EndSession_ConfirmationPostedWithoutAntiforgeryToken_DoesNotSignOut()
    {
        // A page on another site posting ciam_confirm=true must not sign the user out.
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);

        await browser.Http.PostAsync(Server.Url(Tenant, "connect/endsession"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ciam_confirm"] = "true" }));

        await AssertSignedInAsync(browser);
    }

    private async Task<string> SignInForIdTokenAsync(BrowserLikeClient browser)
    {
        var flow = new OidcFlow(Server, browser, Tenant);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: "openid"));
        return tokens["id_token"] ?? throw new InvalidOperationException("No ID token: " + tokens.Json);
    }

    /// <summary>The browser's SSO cookie signs the user in: authorize with prompt=none answers with a code.</summary>
    private async Task AssertSignedInAsync(BrowserLikeClient browser)
    {
        var flow = new OidcFlow(Server, browser, Tenant);
        var response = await browser.GetAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["prompt"] = "none" }));
        Assert.True(response.Headers.Location is not null && ProtocolCalls.RedirectParameters(browser.Location(response)).ContainsKey("code"),
            "Not signed in: " + response.Headers.Location);
    }

    /// <summary>The browser's SSO cookie no longer signs the user in: authorize shows the login page again.</summary>
    private async Task AssertSignedOutAsync(BrowserLikeClient browser)
    {
        var flow = new OidcFlow(Server, browser, Tenant);
        var response = await browser.GetAndFollowAsync(flow.AuthorizeUrl());
        Assert.True(ProtocolCalls.IsLoginPage(response, Tenant), "Still signed in: " + response.Headers.Location);
    }
}
