using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests;

/// <summary>The hosted pages in French, as a French-speaking person sees them in a real browser.</summary>
[Trait("Category", "Browser")]
public sealed class LocalizationBrowserTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task LoginPage_FrenchBrowser_InFrenchAndSignsIn()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true, Locale = "fr-FR" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(Server.Url(TestTenants.Acme, "account/login").ToString());

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Se connecter" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Créer un compte" })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail").FillAsync("alice@example.com");
        await page.GetByLabel("Mot de passe").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("L'e-mail ou le mot de passe est incorrect.");
        await page.GetByLabel("Mot de passe").FillAsync(TestTenants.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Votre compte" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LoginPage_UiLocalesFrFromAnEnglishBrowser_InFrench()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        using var client = Server.CreateBrowser();
        var flow = new OidcFlow(Server, client, TestTenants.Acme);

        await page.GotoAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["ui_locales"] = "fr" }));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Se connecter" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Mot de passe")).ToBeVisibleAsync();
    }
}
