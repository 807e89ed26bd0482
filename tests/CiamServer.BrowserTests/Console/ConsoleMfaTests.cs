using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>With the default Ciam:Admin:RequireMfa, an admin without a second factor sets one up before the console
/// opens, and the console gets an ID token whose amr says "mfa".</summary>
[Trait("Category", "Admin")]
public sealed class ConsoleMfaTests(ChromiumFixture chromium, ConsoleMfaTests.Fixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ConsoleMfaTests.Fixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task AdminWithoutASecondFactor_SetsUpAnAuthenticatorApp_ThenReachesTheConsole()
    {
        await Server.CreateAdminAsync("mfa-admin@admin.test");
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(Server.ConsoleUrl());
        await page.GetByLabel("Email").FillAsync("mfa-admin@admin.test");
        await page.GetByLabel("Password").FillAsync(AdminAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-step verification" })).ToBeVisibleAsync();
        var key = page.Locator("[data-totp-secret]");
        await Expect(key).ToBeVisibleAsync();
        var secret = (await key.InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        await page.GetByLabel("Code from the app").FillAsync(new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on and continue" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tenants", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Acme Corp" })).ToBeVisibleAsync();
    }

    public sealed class Fixture : ServerFixture
    {
        protected override TestServerOptions Options()
        {
            var options = new TestServerOptions();
            options.Settings["Ciam:Admin:RequireMfa"] = "true";
            return options;
        }
    }
}
