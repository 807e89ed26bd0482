using System.Net;
using CiamServer.IntegrationTests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.IntegrationTests.Login;

[Trait("Category", "Login")]
public sealed class SessionCookieTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string CookieName = "__Host-ciam.session.acme";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task SignIn_SessionCookie_HostPrefixedSecureHttpOnlyLaxRootPath()
    {
        using var browser = Server.CreateBrowser();

        var response = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), h => h.StartsWith(CookieName + "=", StringComparison.Ordinal));
        var attributes = header.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("path=/", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        Assert.True(header.Length > CookieName.Length + 40, "The cookie carries no value.");
    }

    [Fact]
    public async Task SignIn_Again_NewSessionIdAndOldSessionEnded()
    {
        using var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password);
        var firstSid = await SessionIdAsync(browser);
        var firstCookie = SessionCookie(browser);

        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password);
        var secondSid = await SessionIdAsync(browser);

        Assert.NotEqual(firstSid, secondSid);
        Assert.True(secondSid.Length >= 22, "A session id must carry at least 128 bits.");
        using var stale = Server.CreateBrowser();
        stale.Cookies.Add(firstCookie);
        Assert.False(await AccountPages.IsSignedInAsync(Server, stale, TestTenants.Acme));
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task SignIn_TwoBrowsers_DifferentSessionIds()
    {
        using var first = Server.CreateBrowser();
        using var second = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, first, TestTenants.Acme, "alice@example.com", TestTenants.Password);
        await AccountPages.SignInSuccessfullyAsync(Server, second, TestTenants.Acme, "alice@example.com", TestTenants.Password);

        Assert.NotEqual(await SessionIdAsync(first), await SessionIdAsync(second));
        Assert.True(await AccountPages.IsSignedInAsync(Server, first, TestTenants.Acme));
    }

    /// <summary>The sid claim of an access token obtained through the browser's current SSO session.</summary>
    private async Task<string> SessionIdAsync(BrowserLikeClient browser)
    {
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var callback = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl(scope: "openid")));
        var code = flow.CallbackParameters(callback)["code"];
        var tokens = await flow.RedeemAsync(code);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return new JsonWebToken(tokens.AccessToken).GetClaim("sid").Value;
    }

    private Cookie SessionCookie(BrowserLikeClient browser) =>
        browser.Cookies.GetCookies(Server.BaseAddress).Single(c => c.Name == CookieName);
}
