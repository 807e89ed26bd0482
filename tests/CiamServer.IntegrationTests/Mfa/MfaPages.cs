using System.Net;
using CiamServer.Core.Data;
using CiamServer.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace CiamServer.IntegrationTests.Mfa;

/// <summary>What a person does on the account's security pages, and the authenticator app they hold.</summary>
internal static class MfaPages
{
    public const string Tenant = TestTenants.Acme;

    /// <summary>A new verified user, signed in with a password in a new browser.</summary>
    public static async Task<SignedInUser> SignedInUserAsync(MfaFixture fixture, string prefix)
    {
        var email = AccountPages.UniqueEmail(prefix);
        await fixture.Server.CreateVerifiedUserAsync(Tenant, email, TestTenants.Password);
        var browser = fixture.Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(fixture.Server, browser, Tenant, email, TestTenants.Password);
        await using var scope = await fixture.Server.ForTenantAsync(Tenant);
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new SignedInUser(email, id, browser);
    }

    public static Uri Url(MfaFixture fixture, string path) => fixture.Server.Url(Tenant, path);

    public static Task<HttpResponseMessage> GetAsync(MfaFixture fixture, BrowserLikeClient browser, string path) =>
        browser.GetAsync(Url(fixture, path));

    /// <summary>Opens the set-up page and reads the key as a person would type it.</summary>
    public static async Task<(HttpResponseMessage Page, string Secret)> OpenTotpSetUpAsync(MfaFixture fixture, BrowserLikeClient browser)
    {
        var page = await GetAsync(fixture, browser, "account/security/totp");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var key = (await BrowserLikeClient.ParseAsync(page)).QuerySelector("#totp-key")?.TextContent
            ?? throw new InvalidOperationException("The set-up page shows no key: " + await AccountPages.MainTextAsync(page));
        return (page, key.Replace(" ", string.Empty, StringComparison.Ordinal).Trim());
    }

    public static Task<HttpResponseMessage> SubmitCodeAsync(BrowserLikeClient browser, HttpResponseMessage setUpPage, string code) =>
        browser.SubmitFormAsync(setUpPage, new Dictionary<string, string> { ["Code"] = code }, "form[action*='handler=Confirm']");

    /// <summary>Sets up an authenticator app; the secret and the recovery codes shown with it.</summary>
    public static async Task<(string Secret, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(MfaFixture fixture, BrowserLikeClient browser)
    {
        var (page, secret) = await OpenTotpSetUpAsync(fixture, browser);
        var confirmed = await SubmitCodeAsync(browser, page, CodeAt(secret, fixture.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return (secret, await RecoveryCodesShownAsync(confirmed));
    }

    /// <summary>The codes of the page's recovery-code list (none when the page shows none).</summary>
    public static async Task<IReadOnlyList<string>> RecoveryCodesShownAsync(HttpResponseMessage page) =>
        [.. (await BrowserLikeClient.ParseAsync(page)).QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent.Trim())];

    /// <summary>What the user's app shows at <paramref name="time"/>.</summary>
    public static string CodeAt(string secret, DateTimeOffset time) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(time.UtcDateTime);

    /// <summary>A POST a page offers no form for (as a hand-made request would be), with the antiforgery token of the
    /// account page's form.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenOfAsync(MfaFixture fixture, BrowserLikeClient browser, string path,
        Dictionary<string, string>? fields = null)
    {
        var account = await BrowserLikeClient.ParseAsync(await GetAsync(fixture, browser, "account"));
        var token = account.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = token };
        return await browser.Http.PostAsync(Url(fixture, path), new FormUrlEncodedContent(form));
    }

    public static async Task<string> TextOfAsync(HttpResponseMessage page, string selector) =>
        (await BrowserLikeClient.ParseAsync(page)).QuerySelector(selector)?.TextContent.Trim() ?? string.Empty;
}

internal sealed record SignedInUser(string Email, Guid Id, BrowserLikeClient Browser) : IDisposable
{
    public void Dispose() => Browser.Dispose();
}
