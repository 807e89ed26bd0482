using CiamServer.Testing.Samples;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests;

/// <summary>The sample web app in a real browser: its sign-in goes through the hosted login and consent
/// pages and comes back by the form_post page (which the browser submits by itself), and its sign-out
/// ends the session at the server too.</summary>
[Trait("Category", "Browser")]
public sealed class SampleWebAppBrowserTests(ChromiumFixture chromium, SampleStackFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<SampleStackFixture>
{
    private SampleStack Stack => fixture.Stack;

    [Fact]
    public async Task SignInThroughTheApp_Consent_CallApi_SignOutEverywhere()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(Stack.WebApp("/").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await SignInAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Allow access?" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Demo web app")).ToBeVisibleAsync();
        // Not remembered, so the other tests of this class (same user, same server) see the consent page too.
        await page.GetByLabel("Remember my choice").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Stack.WebApp("/").ToString());
        await Expect(page.Locator("#user-email")).ToHaveTextAsync(SampleStack.Email);

        await page.GetByRole(AriaRole.Button, new() { Name = "Call the API" }).ClickAsync();
        await Expect(page.Locator("#api-status")).ToHaveTextAsync("200 OK");
        await Expect(page.Locator("#api-response")).ToContainTextAsync(await Stack.UserIdAsync());

        await page.GotoAsync(Stack.WebApp("/").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Stack.WebApp("/signed-out").ToString());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("signed out");

        // The server's session has ended too: signing in again asks for the password.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in again" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Password")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task ConsentPage_ListsWhatTheAppAsksForInPlainWords()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Stack.WebApp("/").ToString());
        await SignInAsync(page);

        var items = await page.Locator("ul.scopes li").AllInnerTextsAsync();
        Assert.Equal(
            [
                "Know who you are when you sign in",
                "See your name",
                "See your email address",
                "Stay connected to your account when you are not using the app",
                "Use the demo API on your behalf",
            ],
            items);
        Assert.DoesNotContain(items, item => item.Contains("offline_access", StringComparison.Ordinal) || item.Contains("demo.api", StringComparison.Ordinal));
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GetByLabel("Email").FillAsync(SampleStack.Email);
        await page.GetByLabel("Password").FillAsync(SampleStack.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }
}
