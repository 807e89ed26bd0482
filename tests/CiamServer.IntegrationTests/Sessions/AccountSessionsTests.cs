using System.Net;

namespace CiamServer.IntegrationTests.Sessions;

[Trait("Category", "Sessions")]
public sealed class AccountSessionsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task SessionsPage_ListsEachSignIn_AndMarksThisDevice()
    {
        using var laptop = Server.CreateBrowser();
        using var phone = Server.CreateBrowser();
        await new OidcFlow(Server, laptop, TestTenants.Acme).SignInForCodeAsync();
        await new OidcFlow(Server, phone, TestTenants.Acme).SignInForCodeAsync();

        var page = await laptop.GetAndFollowAsync(Server.Url(TestTenants.Acme, "account/sessions").ToString());
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(CountOf(html, "Sign out this session") >= 2, html);
        Assert.Equal(1, CountOf(html, "This device"));
        Assert.True(CountOf(html, "Apps: Acme Web") >= 2, html);
    }

    [Fact]
    public async Task EndingAnotherSession_RevokesItsTokensAndSsoCookie()
    {
        using var laptop = Server.CreateBrowser();
        using var phone = Server.CreateBrowser();
        await new OidcFlow(Server, laptop, TestTenants.Acme).SignInForCodeAsync();
        var phoneFlow = new OidcFlow(Server, phone, TestTenants.Acme);
        var phoneTokens = await phoneFlow.RedeemAsync(await phoneFlow.SignInForCodeAsync(scope: SessionTestClients.ApiScope));
        Assert.True(await SessionTestClients.IsActiveAsync(Server, phoneFlow, phoneTokens.AccessToken));

        var page = await laptop.GetAndFollowAsync(Server.Url(TestTenants.Acme, "account/sessions").ToString());
        var phoneSessionForm = await FormOfOtherSessionAsync(page);
        var ended = await laptop.FollowAsync(await laptop.SubmitFormAsync(page, new Dictionary<string, string>(), phoneSessionForm));

        Assert.Contains("has been signed out", await ended.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await SessionTestClients.IsActiveAsync(Server, phoneFlow, phoneTokens.AccessToken));
        Assert.Equal("invalid_grant", (await phoneFlow.RefreshAsync(phoneTokens["refresh_token"]!)).Error);
        var phoneAgain = await phone.GetAndFollowAsync(phoneFlow.AuthorizeUrl());
        Assert.EndsWith("/account/login", phoneAgain.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionOfTheUser()
    {
        using var laptop = Server.CreateBrowser();
        using var phone = Server.CreateBrowser();
        var laptopFlow = new OidcFlow(Server, laptop, TestTenants.Acme);
        var laptopTokens = await laptopFlow.RedeemAsync(await laptopFlow.SignInForCodeAsync(scope: SessionTestClients.ApiScope));
        var phoneFlow = new OidcFlow(Server, phone, TestTenants.Acme);
        var phoneTokens = await phoneFlow.RedeemAsync(await phoneFlow.SignInForCodeAsync(scope: SessionTestClients.ApiScope));
        Assert.True(await SessionTestClients.IsActiveAsync(Server, laptopFlow, laptopTokens.AccessToken));
        Assert.True(await SessionTestClients.IsActiveAsync(Server, phoneFlow, phoneTokens.AccessToken));

        var page = await laptop.GetAndFollowAsync(Server.Url(TestTenants.Acme, "account/sessions").ToString());
        var done = await laptop.FollowAsync(await laptop.SubmitFormAsync(page, new Dictionary<string, string>(), "form[action*='handler=EndAll']"));

        Assert.EndsWith("/account/signed-out", done.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.False(await SessionTestClients.IsActiveAsync(Server, laptopFlow, laptopTokens.AccessToken));
        Assert.False(await SessionTestClients.IsActiveAsync(Server, phoneFlow, phoneTokens.AccessToken));
    }

    [Fact]
    public async Task RpInitiatedLogout_RevokesTheSessionsTokens()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: SessionTestClients.ApiScope));
        Assert.True(await SessionTestClients.IsActiveAsync(Server, flow, tokens.AccessToken));

        var logout = await browser.GetAsync(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            Server.Url(TestTenants.Acme, "connect/endsession").ToString(),
            new Dictionary<string, string?> { ["id_token_hint"] = tokens["id_token"], ["post_logout_redirect_uri"] = TestTenants.WebPostLogoutUri }));

        Assert.Equal(HttpStatusCode.SeeOther, logout.StatusCode);
        Assert.False(await SessionTestClients.IsActiveAsync(Server, flow, tokens.AccessToken));
        Assert.Equal("invalid_grant", (await flow.RefreshAsync(tokens["refresh_token"]!)).Error);
    }

    [Fact]
    public async Task RpInitiatedLogout_WithIdTokenHintFromABrowserWithoutTheCookie_EndsTheHintedSession()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: SessionTestClients.ApiScope));
        using var otherBrowser = Server.CreateBrowser();

        var logout = await otherBrowser.GetAsync(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            Server.Url(TestTenants.Acme, "connect/endsession").ToString(),
            new Dictionary<string, string?> { ["id_token_hint"] = tokens["id_token"], ["post_logout_redirect_uri"] = TestTenants.WebPostLogoutUri }));

        Assert.Equal(HttpStatusCode.SeeOther, logout.StatusCode);
        Assert.False(await SessionTestClients.IsActiveAsync(Server, flow, tokens.AccessToken));
        Assert.Equal("invalid_grant", (await flow.RefreshAsync(tokens["refresh_token"]!)).Error);
        var again = await browser.GetAndFollowAsync(flow.AuthorizeUrl());
        Assert.EndsWith("/account/login", again.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    private static async Task<string> FormOfOtherSessionAsync(HttpResponseMessage page)
    {
        var document = await BrowserLikeClient.ParseAsync(page);
        var other = document.QuerySelectorAll("ul.sessions li").First(li => !li.TextContent.Contains("This device", StringComparison.Ordinal));
        var id = other.QuerySelector("input[name=sessionId]")!.GetAttribute("value");
        return $"form:has(input[value='{id}'])";
    }
}
