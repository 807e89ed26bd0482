using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Login;

[Trait("Category", "Login")]
public sealed class SignUpTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string NewPassword = "a new test-only passphrase";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Register_NewEmail_CreatesUnverifiedAccountAndSendsVerificationLink()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("new");

        var response = await AccountPages.RegisterAsync(Server, browser, TestTenants.Acme, email, NewPassword);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/t/acme/account/check-email", browser.Location(response).AbsolutePath);
        var user = Assert.Single(await Server.UsersInAllTenantsAsync(email));
        Assert.False(user.EmailConfirmed);
        var message = await Server.Mailbox.WaitForAsync(email, "Verify your email");
        var link = Mailbox.FirstLink(message);
        Assert.Equal(Server.BaseAddress.Authority, link.Authority);
        Assert.Equal("/t/acme/account/verify-email", link.AbsolutePath);
    }

    [Fact]
    public async Task VerifyEmail_LinkFromEmail_VerifiesAccountAndAllowsSignIn()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("verify");
        await AccountPages.RegisterAsync(Server, browser, TestTenants.Acme, email, NewPassword);
        var link = Mailbox.FirstLink(await Server.Mailbox.WaitForAsync(email, "Verify your email"));

        var page = await browser.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("your email address is verified", await AccountPages.MainTextAsync(page), StringComparison.Ordinal);
        Assert.True(Assert.Single(await Server.UsersInAllTenantsAsync(email)).EmailConfirmed);
        var signIn = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, NewPassword);
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/t/acme/account", browser.Location(signIn).AbsolutePath);
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task VerifyEmail_LinkUsedAgainOrTampered_DoesNotVerify()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("tamper");
        await AccountPages.RegisterAsync(Server, browser, TestTenants.Acme, email, NewPassword);
        var link = Mailbox.FirstLink(await Server.Mailbox.WaitForAsync(email, "Verify your email"));
        var tampered = new Uri(link.ToString().Replace("code=", "code=x", StringComparison.Ordinal));

        var page = await browser.GetAsync(tampered);

        Assert.Contains("The link has expired or was already used", await AccountPages.MainTextAsync(page), StringComparison.Ordinal);
        Assert.False(Assert.Single(await Server.UsersInAllTenantsAsync(email)).EmailConfirmed);
    }

    [Fact]
    public async Task SignIn_UnverifiedAccount_RefusedAndNewLinkSent()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("unverified");
        await AccountPages.RegisterAsync(Server, browser, TestTenants.Acme, email, NewPassword);
        await Server.Mailbox.WaitForAsync(email, "Verify your email");

        var response = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Verify your email address first", await AccountPages.MainTextAsync(response), StringComparison.Ordinal);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
        await Server.EmailsSentAsync();
        var links = Server.Mailbox.To(email).Where(m => m.Subject?.Contains("Verify", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, links.Count);
        var verified = await browser.GetAsync(Mailbox.FirstLink(links[^1]));
        Assert.Contains("your email address is verified", await AccountPages.MainTextAsync(verified), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ExistingEmail_AnswersLikeNewAndMailsOwnerInstead()
    {
        var existing = AccountPages.UniqueEmail("existing");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, existing, TestTenants.Password);
        var fresh = AccountPages.UniqueEmail("fresh");
        using var first = Server.CreateBrowser();
        using var second = Server.CreateBrowser();

        var forNew = await AccountPages.RegisterAsync(Server, first, TestTenants.Acme, fresh, NewPassword);
        var forExisting = await AccountPages.RegisterAsync(Server, second, TestTenants.Acme, existing, NewPassword);

        Assert.Equal(forNew.StatusCode, forExisting.StatusCode);
        Assert.Equal(first.Location(forNew), second.Location(forExisting));
        var pageForNew = await first.FollowAsync(forNew);
        var pageForExisting = await second.FollowAsync(forExisting);
        Assert.Equal(pageForNew.StatusCode, pageForExisting.StatusCode);
        Assert.Equal(await AccountPages.MainTextAsync(pageForNew), await AccountPages.MainTextAsync(pageForExisting));

        var owner = await Server.Mailbox.WaitForAsync(existing, "already have an account");
        Assert.DoesNotContain("verify-email", owner.TextBody, StringComparison.Ordinal);
        await Server.EmailsSentAsync();
        Assert.DoesNotContain(Server.Mailbox.To(existing), m => m.Subject?.Contains("Verify", StringComparison.Ordinal) == true);
        Assert.Single(await Server.UsersInAllTenantsAsync(existing));
        // The owner's password is untouched by the attempt.
        using var owners = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, owners, TestTenants.Acme, existing, TestTenants.Password);
    }
}
