using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Passwordless;

[Trait("Category", "Passwordless")]
public sealed class MagicLinkTests(PasswordlessFixture fixture) : IClassFixture<PasswordlessFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Link_InTheBrowserThatAskedForIt_SignsInAtOnceAndGoesBack()
    {
        using var browser = Server.CreateBrowser();
        var returnUrl = "/t/acme/account/sessions";
        await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, "alice@example.com", returnUrl);
        var link = Mailbox.FirstLink(await PasswordlessPages.LatestEmailAsync(Server, "alice@example.com"));

        var opened = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
        Assert.Equal(returnUrl, browser.Location(opened).AbsolutePath);
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task Link_InAnotherBrowser_AsksFirstNamingTheAccount()
    {
        using var asker = Server.CreateBrowser();
        using var other = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("elsewhere");
        await PasswordlessPages.RequestEmailCodeAsync(Server, asker, TestTenants.Acme, email);
        var link = Mailbox.FirstLink(await PasswordlessPages.LatestEmailAsync(Server, email));

        var opened = await other.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains($"It signs in as {email}", await AccountPages.MainTextAsync(opened), StringComparison.Ordinal);
        Assert.False(await AccountPages.IsSignedInAsync(Server, other, TestTenants.Acme));
        Assert.Empty(await Server.UsersInAllTenantsAsync(email));

        var confirmed = await other.SubmitFormAsync(opened, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.True(await AccountPages.IsSignedInAsync(Server, other, TestTenants.Acme));
        Assert.False(await AccountPages.IsSignedInAsync(Server, asker, TestTenants.Acme));
    }

    [Fact]
    public async Task Link_CannotBeReplayed()
    {
        using var browser = Server.CreateBrowser();
        await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, "alice@example.com");
        var link = Mailbox.FirstLink(await PasswordlessPages.LatestEmailAsync(Server, "alice@example.com"));
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.GetAsync(link)).StatusCode);

        using var attacker = Server.CreateBrowser();
        var replayed = await attacker.GetAsync(link);
        var replayedHere = await browser.GetAsync(link);

        Assert.Equal("This link has already been used. Each link works once: ask for a new one.", await AccountPages.AlertAsync(replayed));
        Assert.Equal(await AccountPages.AlertAsync(replayed), await AccountPages.AlertAsync(replayedHere));
        Assert.False(await AccountPages.IsSignedInAsync(Server, attacker, TestTenants.Acme));
    }

    [Fact]
    public async Task Link_AndItsCode_AreOneCredential_UsingOneUsesBoth()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("both");
        var codePage = await browser.FollowAsync(await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, email));
        var message = await PasswordlessPages.LatestEmailAsync(Server, email);
        Assert.Equal(HttpStatusCode.SeeOther, (await PasswordlessPages.SubmitCodeAsync(browser, codePage, PasswordlessPages.CodeIn(message))).StatusCode);

        using var other = Server.CreateBrowser();
        var opened = await other.GetAsync(Mailbox.FirstLink(message));

        Assert.Equal("This link has already been used. Each link works once: ask for a new one.", await AccountPages.AlertAsync(opened));
    }

    [Fact]
    public async Task Link_Expired_OrTampered_OrOfAnotherTenant_DoesNotWork()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("linkstates");
        await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, email);
        var link = Mailbox.FirstLink(await PasswordlessPages.LatestEmailAsync(Server, email));

        var atGlobex = await browser.GetAsync(link.ToString().Replace("/t/acme/", "/t/globex/", StringComparison.Ordinal));
        Assert.StartsWith("This link does not work.", await AccountPages.AlertAsync(atGlobex), StringComparison.Ordinal);
        var tampered = await browser.GetAsync(link + "x");
        Assert.StartsWith("This link does not work.", await AccountPages.AlertAsync(tampered), StringComparison.Ordinal);
        var noToken = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/magic-link"));
        Assert.Equal(HttpStatusCode.OK, noToken.StatusCode);

        fixture.Clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await browser.GetAsync(link);
        Assert.Equal("This link has expired. Ask for a new one.", await AccountPages.AlertAsync(expired));
        Assert.Empty(await Server.UsersInAllTenantsAsync(email));
    }

    [Fact]
    public async Task LinkOnlyTenant_SendsNoCode_AndItsPageAsksForNone()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("linkonly");
        var login = await browser.GetAsync(AccountPages.LoginUrl(Server, PasswordlessFixture.LinkOnly));
        Assert.Null((await BrowserLikeClient.ParseAsync(login)).QuerySelector("input[type=password]"));

        // Without a password field, the form's own button sends the link.
        var page = await browser.FollowAsync(await browser.SubmitFormAsync(login, new Dictionary<string, string> { ["Input.Email"] = email }));

        Assert.Contains("We sent a sign-in link", await AccountPages.MainTextAsync(page), StringComparison.Ordinal);
        Assert.Null((await BrowserLikeClient.ParseAsync(page)).QuerySelector("input[name=Code]"));
        var message = await PasswordlessPages.LatestEmailAsync(Server, email);
        Assert.False(PasswordlessPages.HasCode(message));
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.GetAsync(Mailbox.FirstLink(message))).StatusCode);
    }
}
