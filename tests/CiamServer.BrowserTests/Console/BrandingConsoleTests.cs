using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>The branding page of the console: a live preview while typing, refusals shown by the field, and a saved
/// look that the tenant's real sign-in page shows.</summary>
[Trait("Category", "Admin")]
public sealed class BrandingConsoleTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task TenantAdmin_TypesAColour_PreviewFollows_BadCssRefusedWithItsLine_SaveShowsOnTheSignInPage()
    {
        await Server.CreateAdminAsync("branding-admin@admin.test", TestTenants.Globex);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "branding-admin@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Globex}/branding"));
        var preview = page.FrameLocator("#branding-preview");
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();

        // Typing refreshes the preview (the script submits the draft into the frame); nothing is saved yet.
        await page.GetByLabel("Accent colour", new() { Exact = true }).FillAsync("#aa3300");
        await Expect(preview.GetByRole(AriaRole.Link, new() { Name = "Create an account" })).ToHaveCSSAsync("color", "rgb(170, 51, 0)");
        await Expect(page.GetByLabel("Accent colour picker")).ToHaveValueAsync("#aa3300");

        await page.GetByLabel("Custom CSS").FillAsync(".card { border-radius: 2px; }\nbody { background: url(https://evil.example/x.png); }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#css-error")).ToContainTextAsync("Line 2:");
        await Expect(page.GetByLabel("Custom CSS")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Custom CSS").FillAsync(".card { border-radius: 2px; }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("Branding saved.")).ToBeVisibleAsync();

        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync(Server.Url(TestTenants.Globex, "account/login").ToString());
        await Expect(signIn.GetByRole(AriaRole.Link, new() { Name = "Create an account" })).ToHaveCSSAsync("color", "rgb(170, 51, 0)");
        await Expect(signIn.Locator("main.card")).ToHaveCSSAsync("border-top-left-radius", "2px");
    }

    [Fact]
    public async Task BrandingPage_AtAPhoneWidth_NoSidewaysScroll()
    {
        await Server.CreateAdminAsync("branding-phone@admin.test", TestTenants.Acme);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "branding-phone@admin.test", new ViewportSize { Width = 375, Height = 800 });
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/branding"));

        await Expect(page.GetByLabel("Primary colour", new() { Exact = true })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
    }
}
