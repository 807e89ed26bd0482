using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests;

/// <summary>The second step at sign-in in a real browser: an authenticator app set up at sign-in or from the
/// security page, recovery codes, a client's step-up, a new device, a remembered device. Codes are what an
/// authenticator app would show now (real clock).</summary>
[Trait("Category", "Browser")]
[Trait("Category", "Mfa")]
public sealed class MfaBrowserTests(ChromiumFixture chromium, MfaBrowserFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<MfaBrowserFixture>
{
    private const string Required = MfaBrowserFixture.Required;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task RequiredMode_SetUpAppAtSignIn_ThenEverySignInAsksForACode()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = await fixture.NewUserAsync(Required, "enrol");

        await SignInAsync(page, Required, email);
        await Expect(Heading(page, "Set up two-step verification")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
        var app = await AuthenticatorApp.FromKeyAsync(page.Locator("[data-totp-secret]"));
        await page.GetByLabel("Code from the app").FillAsync(await app.NextCodeAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on and continue" }).ClickAsync();
        await ExpectAccountPageAsync(page, Required, email);

        await SignOutAsync(page, Required);
        await SignInAsync(page, Required, email);
        await Expect(Heading(page, "Confirm it's you")).ToBeVisibleAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(await app.NextCodeAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await ExpectAccountPageAsync(page, Required, email);
    }

    [Fact]
    public async Task SecurityPage_SetUpAppShowsRecoveryCodesOnce_ThenARecoveryCodeGetsPastTheChallenge()
    {
        const string tenant = MfaBrowserFixture.Optional;
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = await fixture.NewUserAsync(tenant, "codes");
        await SignInAsync(page, tenant, email);
        await ExpectAccountPageAsync(page, tenant, email);

        var (_, codes) = await SetUpAppFromSecurityPageAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "I saved them" }).ClickAsync();
        await Expect(page.Locator("#totp-status")).ToHaveTextAsync(new Regex("^On:"));
        await Expect(page.Locator("#codes-status")).ToContainTextAsync($"{codes.Count} codes left");

        // Shown once: neither page shows them again.
        await page.GotoAsync(Server.Url(tenant, "account/security/totp").ToString());
        await Expect(page.GetByText("Your authenticator app is set up.")).ToBeVisibleAsync();
        await Expect(page.Locator("#recovery-codes")).ToHaveCountAsync(0);
        await page.GotoAsync(Server.Url(tenant, "account/security/recovery-codes").ToString());
        await Expect(page.Locator("#codes-status")).ToHaveTextAsync($"You have {codes.Count} unused codes.");
        await Expect(page.Locator("#recovery-codes")).ToHaveCountAsync(0);

        await SignOutAsync(page, tenant);
        await SignInAsync(page, tenant, email);
        await Expect(Heading(page, "Confirm it's you")).ToBeVisibleAsync();
        await page.GetByText("Use a recovery code").ClickAsync();
        await page.GetByLabel("Recovery code").FillAsync(codes[0]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use recovery code" }).ClickAsync();
        await ExpectAccountPageAsync(page, tenant, email);

        await page.GotoAsync(Server.Url(tenant, "account/security").ToString());
        await Expect(page.Locator("#codes-status")).ToContainTextAsync($"{codes.Count - 1} codes left");
    }

    [Fact]
    public async Task StepUp_ClientAsksForAcr2_ChallengeThenCodeAtTheClient_TokensSayMfa()
    {
        // acme has MFA off: the password alone signs in, until a client asks for two factors.
        const string tenant = TestTenants.Acme;
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = await fixture.NewUserAsync(tenant, "stepup");
        await SignInAsync(page, tenant, email);
        await ExpectAccountPageAsync(page, tenant, email);
        var (app, _) = await SetUpAppFromSecurityPageAsync(page);

        using var client = Server.CreateBrowser();
        var flow = new OidcFlow(Server, client, tenant);
        await page.GotoAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["acr_values"] = "2" }));
        await Expect(page).ToHaveURLAsync(new Regex($"/t/{tenant}/account/mfa\\?"));
        await Expect(Heading(page, "Confirm it's you")).ToBeVisibleAsync();
        await Expect(page.GetByText("The app you are signing in to asks for a second step.")).ToBeVisibleAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(await app.NextCodeAsync());

        // Nothing listens at the client: the request the browser makes there is what counts.
        var callback = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync(),
            request => request.Url.StartsWith(TestTenants.WebRedirectUri, StringComparison.Ordinal));
        var parameters = QueryHelpers.ParseQuery(new Uri(callback.Url).Query);
        Assert.Equal(flow.State, parameters["state"].ToString());

        var tokens = await flow.RedeemAsync(parameters["code"].ToString());
        var idToken = Payload(tokens["id_token"] ?? throw new InvalidOperationException($"No ID token: {tokens.Status} {tokens.Json}"));
        Assert.Equal("2", idToken.GetProperty("acr").GetString());
        Assert.Contains("mfa", idToken.GetProperty("amr").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task AdaptiveMode_FamiliarBrowserSignsInDirectly_ANewDeviceIsAskedWhy_AndTheAppCodePasses()
    {
        const string tenant = MfaBrowserFixture.Adaptive;
        await using var familiar = await chromium.NewContextAsync();
        var page = await familiar.NewPageAsync();
        var email = await fixture.NewUserAsync(tenant, "device");
        // The first sign-in ever has no history to compare with: no challenge.
        await SignInAsync(page, tenant, email);
        await ExpectAccountPageAsync(page, tenant, email);
        var (app, _) = await SetUpAppFromSecurityPageAsync(page);
        await SignOutAsync(page, tenant);
        await SignInAsync(page, tenant, email);
        await ExpectAccountPageAsync(page, tenant, email);

        await using var newDevice = await chromium.NewContextAsync();
        var other = await newDevice.NewPageAsync();
        await SignInAsync(other, tenant, email);
        await Expect(Heading(other, "Confirm it's you")).ToBeVisibleAsync();
        await Expect(other.Locator("ul.reasons")).ToContainTextAsync("device");
        await other.GetByLabel("Code from your authenticator app").FillAsync(await app.NextCodeAsync());
        await other.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await ExpectAccountPageAsync(other, tenant, email);
    }

    [Fact]
    public async Task RememberedDevice_SkipsTheChallengeInThatBrowser_NotInANewOne()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = await fixture.NewUserAsync(Required, "remember");
        await SignInAsync(page, Required, email);
        var app = await AuthenticatorApp.FromKeyAsync(page.Locator("[data-totp-secret]"));
        await page.GetByLabel("Code from the app").FillAsync(await app.NextCodeAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on and continue" }).ClickAsync();
        await ExpectAccountPageAsync(page, Required, email);
        await SignOutAsync(page, Required);

        await SignInAsync(page, Required, email);
        await Expect(Heading(page, "Confirm it's you")).ToBeVisibleAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(await app.NextCodeAsync());
        await page.GetByLabel("Don't ask again on this device").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await ExpectAccountPageAsync(page, Required, email);
        await SignOutAsync(page, Required);

        await SignInAsync(page, Required, email);
        await ExpectAccountPageAsync(page, Required, email);

        await using var newDevice = await chromium.NewContextAsync();
        var other = await newDevice.NewPageAsync();
        await SignInAsync(other, Required, email);
        await Expect(Heading(other, "Confirm it's you")).ToBeVisibleAsync();
    }

    private static ILocator Heading(IPage page, string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true });

    private async Task SignInAsync(IPage page, string tenant, string email)
    {
        await page.GotoAsync(Server.Url(tenant, "account/login").ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestTenants.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    private async Task ExpectAccountPageAsync(IPage page, string tenant, string email)
    {
        await Expect(page).ToHaveURLAsync(Server.Url(tenant, "account").ToString());
        await Expect(page.GetByText("You are signed in as")).ToContainTextAsync(email);
    }

    private async Task SignOutAsync(IPage page, string tenant)
    {
        await page.GotoAsync(Server.Url(tenant, "account").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Heading(page, "You are signed out")).ToBeVisibleAsync();
    }

    /// <summary>From the account page: Security, set up an authenticator app, type its code; returns the app and
    /// the recovery codes the page then shows.</summary>
    private static async Task<(AuthenticatorApp App, IReadOnlyList<string> RecoveryCodes)> SetUpAppFromSecurityPageAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Security", Exact = true }).ClickAsync();
        await Expect(Heading(page, "Security")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Expect(Heading(page, "Authenticator app")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code to add this account to your authenticator app" })).ToBeVisibleAsync();
        var app = await AuthenticatorApp.FromKeyAsync(page.Locator("#totp-key"));
        await page.GetByLabel("Code from the app").FillAsync(await app.NextCodeAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on", Exact = true }).ClickAsync();

        await Expect(Heading(page, "Your recovery codes")).ToBeVisibleAsync();
        var codes = await page.Locator("#recovery-codes code").AllInnerTextsAsync();
        Assert.NotEmpty(codes);
        return (app, codes);
    }

    private static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(WebEncoders.Base64UrlDecode(jwt.Split('.')[1])).RootElement;

    /// <summary>An authenticator app holding the key read off a page. The server takes a code once per 30-second
    /// step, and also the next step's code (one step of clock drift): a second code in the same step is the next
    /// step's, so no test waits for the clock.</summary>
    private sealed class AuthenticatorApp(string key)
    {
        private const int StepSeconds = 30;
        private long _lastStep = -1;

        public static async Task<AuthenticatorApp> FromKeyAsync(ILocator key)
        {
            await Expect(key).ToBeVisibleAsync();
            return new AuthenticatorApp((await key.InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal));
        }

        public async Task<string> NextCodeAsync()
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / StepSeconds;
            var step = Math.Max(now, _lastStep + 1);
            if (step > now + 1)
            {
                // A third code within one step: wait for the clock to move on.
                await Task.Delay(TimeSpan.FromSeconds(((step - 1) * StepSeconds) - DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
            }

            _lastStep = step;
            return new Totp(Base32Encoding.ToBytes(key), StepSeconds).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);
        }
    }
}
