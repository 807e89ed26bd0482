using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Tenancy;

[Trait("Category", "Tenancy")]
public sealed class TenantIsolationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string GlobexPassword = "globex test-only passphrase";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task SignIn_AcmeUserAtGlobex_RefusedUntilTheyExistThere()
    {
        var email = AccountPages.UniqueEmail("acme-only");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, email, TestTenants.Password);
        using var browser = Server.CreateBrowser();

        var atGlobex = await AccountPages.SignInAsync(Server, browser, TestTenants.Globex, email, TestTenants.Password);

        Assert.Equal(HttpStatusCode.OK, atGlobex.StatusCode);
        Assert.Equal("The email or password is not correct.", await AccountPages.AlertAsync(atGlobex));

        await Server.CreateVerifiedUserAsync(TestTenants.Globex, email, GlobexPassword);
        var acmePasswordAtGlobex = await AccountPages.SignInAsync(Server, browser, TestTenants.Globex, email, TestTenants.Password);
        Assert.Equal("The email or password is not correct.", await AccountPages.AlertAsync(acmePasswordAtGlobex));
        var globexPassword = await AccountPages.SignInAsync(Server, browser, TestTenants.Globex, email, GlobexPassword);
        Assert.Equal(HttpStatusCode.SeeOther, globexPassword.StatusCode);
        Assert.Equal("/t/globex/account", browser.Location(globexPassword).AbsolutePath);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task Register_SameEmailInBothTenants_TwoSeparateAccounts()
    {
        var email = AccountPages.UniqueEmail("both");
        using var browser = Server.CreateBrowser();

        var atAcme = await AccountPages.RegisterAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);
        var atGlobex = await AccountPages.RegisterAsync(Server, browser, TestTenants.Globex, email, GlobexPassword);

        Assert.Equal(HttpStatusCode.SeeOther, atAcme.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, atGlobex.StatusCode);
        var users = await Server.UsersInAllTenantsAsync(email);
        Assert.Equal(2, users.Count);
        Assert.NotEqual(users[0].Id, users[1].Id);
        Assert.NotEqual(users[0].TenantId, users[1].TenantId);
        Assert.NotEqual(users[0].PasswordHash, users[1].PasswordHash);
        await Server.EmailsSentAsync();
        var mail = Server.Mailbox.To(email);
        Assert.Equal(2, mail.Count(m => m.Subject?.Contains("Verify", StringComparison.Ordinal) == true));
        Assert.DoesNotContain(mail, m => m.Subject?.Contains("already have an account", StringComparison.Ordinal) == true);
        Assert.Contains(mail, m => Mailbox.FirstLink(m).AbsolutePath.StartsWith("/t/acme/", StringComparison.Ordinal));
        Assert.Contains(mail, m => Mailbox.FirstLink(m).AbsolutePath.StartsWith("/t/globex/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyEmail_AcmeLinkOpenedAtGlobex_DoesNotVerify()
    {
        var email = AccountPages.UniqueEmail("crossverify");
        using var browser = Server.CreateBrowser();
        await AccountPages.RegisterAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);
        var link = Mailbox.FirstLink(await Server.Mailbox.WaitForAsync(email, "Verify your email"));
        var atGlobex = new Uri(link.ToString().Replace("/t/acme/", "/t/globex/", StringComparison.Ordinal));

        var page = await browser.GetAsync(atGlobex);

        Assert.Contains("The link has expired or was already used", await AccountPages.MainTextAsync(page), StringComparison.Ordinal);
        Assert.False(Assert.Single(await Server.UsersInAllTenantsAsync(email)).EmailConfirmed);
    }

    [Fact]
    public async Task SessionCookie_OfAcme_NotAcceptedByGlobex()
    {
        using var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password);
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));

        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Globex));

        // Even renamed to globex's cookie, acme's ticket opens nothing there.
        var acme = browser.Cookies.GetCookies(Server.BaseAddress).Single(c => c.Name == "__Host-ciam.session.acme");
        using var forged = Server.CreateBrowser();
        forged.Cookies.Add(new Cookie("__Host-ciam.session.globex", acme.Value, "/", acme.Domain) { Secure = true });
        Assert.False(await AccountPages.IsSignedInAsync(Server, forged, TestTenants.Globex));
        var flow = new OidcFlow(Server, forged, TestTenants.Globex);
        var authorize = await forged.GetAsync(flow.AuthorizeUrl());
        Assert.Equal("/t/globex/account/login", forged.Location(authorize).AbsolutePath);
    }
}
