using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Login;

[Trait("Category", "Login")]
public sealed class AntiforgeryTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string TokenField = "__RequestVerificationToken";

    private CiamTestServer Server => fixture.Server;

    public static TheoryData<string, string> Forms => new()
    {
        { "account/login", "Input.Email=alice@example.com&Input.Password=" + Uri.EscapeDataString(TestTenants.Password) },
        { "account/register", "Input.Email=csrf-victim@example.com&Input.Password=a+long+enough+passphrase" },
        { "account/forgot-password", "Email=alice@example.com" },
        { "account/reset-password?userId=00000000-0000-0000-0000-000000000000&code=abc", "Password=a+long+enough+passphrase" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Post_WithoutAntiforgeryToken_Refused400(string path, string body)
    {
        using var browser = Server.CreateBrowser();
        var page = await browser.GetAsync(Server.Url(TestTenants.Acme, path));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(TokenField, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var response = await browser.Http.PostAsync(Server.Url(TestTenants.Acme, path),
            new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Server.EmailsSentAsync();
        Assert.Empty(Server.Mailbox.To("csrf-victim@example.com"));
    }

    [Fact]
    public async Task Post_TokenOfAnotherBrowser_Refused400()
    {
        using var attacker = Server.CreateBrowser();
        var attackerPage = await attacker.GetAsync(Server.Url(TestTenants.Acme, "account/login"));
        var token = (await BrowserLikeClient.ParseAsync(attackerPage)).QuerySelector($"input[name='{TokenField}']")!.GetAttribute("value")!;
        using var victim = Server.CreateBrowser();
        await victim.GetAsync(Server.Url(TestTenants.Acme, "account/login"));

        var response = await victim.Http.PostAsync(Server.Url(TestTenants.Acme, "account/login"), new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                [TokenField] = token,
                ["Input.Email"] = "alice@example.com",
                ["Input.Password"] = TestTenants.Password,
            }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await AccountPages.IsSignedInAsync(Server, victim, TestTenants.Acme));
    }

    [Fact]
    public async Task SignOut_PostWithoutAntiforgeryToken_DoesNotSignOut()
    {
        using var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password);

        var response = await browser.Http.PostAsync(Server.Url(TestTenants.Acme, "connect/endsession"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ciam_confirm"] = "true" }));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/t/acme/account/logout", browser.Location(response).AbsolutePath);
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task Consent_PostWithoutAntiforgeryToken_NotTakenAsConsent()
    {
        using var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password);
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var consentPage = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl(clientId: "third-party", scope: "openid profile")));
        Assert.Equal("/t/acme/account/consent", consentPage.RequestMessage!.RequestUri!.AbsolutePath);
        var fields = (await BrowserLikeClient.ParseAsync(consentPage)).QuerySelectorAll("form input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? string.Empty))
            .Where(f => f.Key != TokenField)
            .Append(new("ciam_consent", "accept"))
            .ToList();

        var response = await browser.Http.PostAsync(Server.Url(TestTenants.Acme, "connect/authorize"), new FormUrlEncodedContent(fields));

        Assert.True(BrowserLikeClient.IsRedirect(response), $"Expected a redirect, got {(int)response.StatusCode}.");
        var location = browser.Location(response);
        Assert.True(browser.IsLocal(location), $"The post without a token went to the client: {location}");
        Assert.Equal("/t/acme/account/consent", location.AbsolutePath);
    }
}
