using System.Net;
using CiamServer.IntegrationTests.Support;
using CiamServer.Login.Pages.Account.Security;
using CiamServer.Mfa.RecoveryCodes;
using CiamServer.Mfa.Totp;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Mfa;

/// <summary>Changing a second factor needs a session started within 15 minutes (SECURITY.md: re-authentication
/// before changing factors); forgetting devices, which only takes access away, does not.</summary>
[Trait("Category", "Mfa")]
public sealed class RecentSignInTests(MfaFixture fixture) : IClassFixture<MfaFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task SetUp_SessionOlderThan15Minutes_AsksToSignInAgain_ThenWorks()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "recent-setup");
        fixture.Clock.Advance(TimeSpan.FromMinutes(16));

        var page = await MfaPages.GetAsync(fixture, user.Browser, "account/security/totp");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await BrowserLikeClient.ParseAsync(page);
        Assert.Null(document.QuerySelector("#totp-key"));
        Assert.Equal("/t/acme/account/login?returnUrl=%2Ft%2Facme%2Faccount%2Fsecurity%2Ftotp",
            document.QuerySelector("a[href*='account/login']")?.GetAttribute("href"));
        Assert.False(await HasPendingAsync(user.Id));

        var posted = await MfaPages.PostWithTokenOfAsync(fixture, user.Browser, "account/security/totp?handler=Confirm",
            new() { ["Code"] = "123456" });
        Assert.Equal(SecurityPageModel.SignInAgainMessage, await AccountPages.AlertAsync(posted));

        await AccountPages.SignInSuccessfullyAsync(Server, user.Browser, MfaPages.Tenant, user.Email, TestTenants.Password);
        await MfaPages.OpenTotpSetUpAsync(fixture, user.Browser);
    }

    [Fact]
    public async Task NewCodesAndRemoval_SessionOlderThan15Minutes_Refused_NothingChanges()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "recent-change");
        var (_, codes) = await MfaPages.EnrolAsync(fixture, user.Browser);
        fixture.Clock.Advance(TimeSpan.FromMinutes(16));

        var codesPage = await MfaPages.GetAsync(fixture, user.Browser, "account/security/recovery-codes");
        Assert.Contains("sign in again", await AccountPages.MainTextAsync(codesPage), StringComparison.Ordinal);
        var generated = await MfaPages.PostWithTokenOfAsync(fixture, user.Browser, "account/security/recovery-codes");
        var removed = await MfaPages.PostWithTokenOfAsync(fixture, user.Browser, "account/security/totp?handler=Remove", new() { ["confirm"] = "true" });

        Assert.Equal(SecurityPageModel.SignInAgainMessage, await AccountPages.AlertAsync(generated));
        Assert.Empty(await MfaPages.RecoveryCodesShownAsync(generated));
        Assert.Equal(SecurityPageModel.SignInAgainMessage, await AccountPages.AlertAsync(removed));
        await using var scope = await Server.ForTenantAsync(MfaPages.Tenant);
        Assert.True(await scope.ServiceProvider.GetRequiredService<TotpService>().IsEnrolledAsync(user.Id, CancellationToken.None));
        Assert.True(await scope.ServiceProvider.GetRequiredService<RecoveryCodeService>().RedeemAsync(user.Id, codes[0], CancellationToken.None));
    }

    [Fact]
    public async Task ForgetAllDevices_SessionOlderThan15Minutes_StillAllowed()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "recent-devices");
        fixture.Clock.Advance(TimeSpan.FromMinutes(16));

        var answer = await MfaPages.PostWithTokenOfAsync(fixture, user.Browser, "account/security?handler=RevokeAll");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("No devices were remembered.", await AccountPages.MainTextAsync(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityPages_SignedOut_SentToSignIn()
    {
        using var browser = Server.CreateBrowser();

        foreach (var path in new[] { "account/security", "account/security/totp", "account/security/recovery-codes" })
        {
            var response = await MfaPages.GetAsync(fixture, browser, path);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            Assert.Equal("/t/acme/account/login", browser.Location(response).AbsolutePath);
        }
    }

    [Fact]
    public async Task AccountPage_LinksToSecurity()
    {
        using var user = await MfaPages.SignedInUserAsync(fixture, "recent-link");

        var account = await BrowserLikeClient.ParseAsync(await MfaPages.GetAsync(fixture, user.Browser, "account"));

        Assert.NotNull(account.QuerySelector("a[href='/t/acme/account/security']"));
    }

    private async Task<bool> HasPendingAsync(Guid userId)
    {
        await using var scope = await Server.ForTenantAsync(MfaPages.Tenant);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Users.CiamUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        return await scope.ServiceProvider.GetRequiredService<TotpService>().GetPendingEnrolmentAsync(user!, CancellationToken.None) is not null;
    }
}
