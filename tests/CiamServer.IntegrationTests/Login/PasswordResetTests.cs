using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Login;

[Trait("Category", "Login")]
public sealed class PasswordResetTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string NewPassword = "a brand new test-only passphrase";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task ForgotPassword_KnownAndUnknownEmail_SameAnswerOnlyKnownGetsMail()
    {
        var known = AccountPages.UniqueEmail("known");
        var unknown = AccountPages.UniqueEmail("unknown");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, known, TestTenants.Password);
        using var first = Server.CreateBrowser();
        using var second = Server.CreateBrowser();

        var forKnown = await RequestResetAsync(first, known);
        var forUnknown = await RequestResetAsync(second, unknown);

        Assert.Equal(HttpStatusCode.SeeOther, forKnown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        Assert.Equal(first.Location(forKnown), second.Location(forUnknown));
        Assert.Equal(await AccountPages.MainTextAsync(await first.FollowAsync(forKnown)),
            await AccountPages.MainTextAsync(await second.FollowAsync(forUnknown)));
        await Server.Mailbox.WaitForAsync(known, "Reset your password");
        await Server.EmailsSentAsync();
        Assert.Empty(Server.Mailbox.To(unknown));
    }

    [Fact]
    public async Task ResetPassword_LinkFromEmail_SetsNewPasswordAndOldStopsWorking()
    {
        var email = AccountPages.UniqueEmail("reset");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, email, TestTenants.Password);
        using var browser = Server.CreateBrowser();

        var done = await ResetAsync(browser, await ResetLinkAsync(email), NewPassword);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Your password has been changed", await AccountPages.MainTextAsync(done), StringComparison.Ordinal);
        var old = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);
        Assert.Equal("The email or password is not correct.", await AccountPages.AlertAsync(old));
        var fresh = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, NewPassword);
        Assert.Equal(HttpStatusCode.SeeOther, fresh.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_LinkUsedTwice_SecondUseRefused()
    {
        var email = AccountPages.UniqueEmail("twice");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, email, TestTenants.Password);
        var link = await ResetLinkAsync(email);
        using var browser = Server.CreateBrowser();
        await ResetAsync(browser, link, NewPassword);

        var again = await ResetAsync(browser, link, "yet another test-only passphrase");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This link has expired or was already used", await AccountPages.AlertAsync(again), StringComparison.Ordinal);
        var stillFirst = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, email, NewPassword);
        Assert.Equal(HttpStatusCode.SeeOther, stillFirst.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_Done_EndsSessionsInOtherBrowsers()
    {
        var email = AccountPages.UniqueEmail("sessions");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, email, TestTenants.Password);
        using var other = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, other, TestTenants.Acme, email, TestTenants.Password);
        Assert.True(await AccountPages.IsSignedInAsync(Server, other, TestTenants.Acme));
        using var browser = Server.CreateBrowser();

        await ResetAsync(browser, await ResetLinkAsync(email), NewPassword);

        Assert.False(await AccountPages.IsSignedInAsync(Server, other, TestTenants.Acme));
        var flow = new OidcFlow(Server, other, TestTenants.Acme);
        var authorize = await other.GetAsync(flow.AuthorizeUrl());
        Assert.Equal("/t/acme/account/login", other.Location(authorize).AbsolutePath);
    }

    [Fact]
    public async Task ResetPassword_BreachedNewPassword_RefusedAndLinkStillWorks()
    {
        var email = AccountPages.UniqueEmail("weak");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, email, TestTenants.Password);
        var link = await ResetLinkAsync(email);
        using var browser = Server.CreateBrowser();

        var refused = await ResetAsync(browser, link, "password1");

        Assert.Contains("leaked passwords", await AccountPages.FieldErrorAsync(refused, "Password"), StringComparison.Ordinal);
        var accepted = await ResetAsync(browser, link, NewPassword);
        Assert.Contains("Your password has been changed", await AccountPages.MainTextAsync(accepted), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> RequestResetAsync(BrowserLikeClient browser, string email)
    {
        var page = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/forgot-password"));
        return await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["Email"] = email });
    }

    private async Task<Uri> ResetLinkAsync(string email)
    {
        using var browser = Server.CreateBrowser();
        await RequestResetAsync(browser, email);
        var link = Mailbox.FirstLink(await Server.Mailbox.WaitForAsync(email, "Reset your password"));
        Assert.Equal("/t/acme/account/reset-password", link.AbsolutePath);
        return link;
    }

    private static async Task<HttpResponseMessage> ResetAsync(BrowserLikeClient browser, Uri link, string password)
    {
        var page = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["Password"] = password });
    }
}
