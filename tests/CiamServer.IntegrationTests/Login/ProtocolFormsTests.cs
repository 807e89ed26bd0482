using System.Net;
using CiamServer.IntegrationTests.Support;
using Microsoft.AspNetCore.WebUtilities;

namespace CiamServer.IntegrationTests.Login;

/// <summary>The pages whose forms post to protocol endpoints: consent, sign-out confirmation, account sign-out.</summary>
[Trait("Category", "Login")]
public sealed class ProtocolFormsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Alice = "alice@example.com";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Consent_Allow_RedirectsToClientWithCode()
    {
        var email = await NewUserAsync();
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);

        var response = await flow.AuthorizeAsync(flow.AuthorizeUrl(clientId: "third-party", scope: "openid profile"), email, consent: true);

        var location = browser.Location(response);
        Assert.Equal(TestTenants.WebRedirectUri, location.GetLeftPart(UriPartial.Path));
        Assert.True(flow.CallbackParameters(response).ContainsKey("code"), $"No code: {location}");
        Assert.Equal(flow.State, flow.CallbackParameters(response)["state"]);
    }

    [Fact]
    public async Task Consent_Deny_RedirectsToClientWithAccessDenied()
    {
        var email = await NewUserAsync();
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);

        var response = await flow.AuthorizeAsync(flow.AuthorizeUrl(clientId: "third-party", scope: "openid profile"), email, consent: false);

        Assert.Equal(TestTenants.WebRedirectUri, browser.Location(response).GetLeftPart(UriPartial.Path));
        Assert.Equal("access_denied", flow.CallbackParameters(response)["error"]);
        Assert.False(flow.CallbackParameters(response).ContainsKey("code"));
    }

    [Fact]
    public async Task SignOut_AccountPageButton_EndsSession()
    {
        using var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, Alice, TestTenants.Password);
        var account = await browser.GetAsync(Server.Url(TestTenants.Acme, "account"));

        var response = await browser.FollowAsync(await browser.SubmitFormAsync(account, new Dictionary<string, string>()));

        Assert.Equal("/t/acme/account/signed-out", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task EndSession_GetWithoutHint_AsksBeforeSigningOut()
    {
        using var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, Alice, TestTenants.Password);

        var response = await browser.GetAsync(Server.Url(TestTenants.Acme, "connect/endsession"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/t/acme/account/logout", browser.Location(response).AbsolutePath);
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
        var confirmation = await browser.GetAsync(browser.Location(response));
        var signedOut = await browser.FollowAsync(await browser.SubmitFormAsync(confirmation, new Dictionary<string, string>()));
        Assert.Equal("/t/acme/account/signed-out", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task EndSession_WithIdTokenHint_SignsOutAndReturnsToClient()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: "openid"));
        var url = QueryHelpers.AddQueryString(Server.Url(TestTenants.Acme, "connect/endsession").ToString(), new Dictionary<string, string?>
        {
            ["id_token_hint"] = tokens["id_token"],
            ["post_logout_redirect_uri"] = TestTenants.WebPostLogoutUri,
            ["state"] = "bye",
        });

        var response = await browser.FollowAsync(await browser.GetAsync(url));

        var location = browser.Location(response);
        Assert.Equal(TestTenants.WebPostLogoutUri, location.GetLeftPart(UriPartial.Path));
        Assert.Contains("state=bye", location.Query, StringComparison.Ordinal);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    /// <summary>A user who has never consented to anything (consent is remembered per user and client).</summary>
    private async Task<string> NewUserAsync()
    {
        var email = AccountPages.UniqueEmail("consent");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, email, TestTenants.Password);
        return email;
    }
}
