using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests;

/// <summary>Signing in without a password in a real browser: the emailed link, and the emailed code typed in.</summary>
[Trait("Category", "Browser")]
[Trait("Category", "Passwordless")]
public sealed partial class PasswordlessBrowserTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task MagicLink_FromThePickupFolder_SignsInThisBrowser()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"link-{Guid.NewGuid():N}@example.com";

        await page.GotoAsync(Server.Url(TestTenants.Acme, "account/login").ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();

        await Server.EmailsSentAsync();
        var message = await Server.Mailbox.WaitForAsync(email, "Sign in to");
        await page.GotoAsync(Mailbox.FirstLink(message).ToString());

        // A new account is offered a passkey first; "Not now" goes on to the account page.
        await Expect(page).ToHaveURLAsync(new Regex("/account/passkeys/add"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Not now" }).ClickAsync();
        await Expect(page.GetByText("You are signed in as")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task MagicLink_OpenedInAnotherBrowser_AsksBeforeSigningIn()
    {
        await using var asker = await chromium.NewContextAsync();
        await using var other = await chromium.NewContextAsync();
        var askerPage = await asker.NewPageAsync();
        await askerPage.GotoAsync(Server.Url(TestTenants.Acme, "account/login").ToString());
        await askerPage.GetByLabel("Email").FillAsync("alice@example.com");
        await askerPage.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await Expect(askerPage.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
        await Server.EmailsSentAsync();
        var link = Mailbox.FirstLink(await Server.Mailbox.WaitForAsync("alice@example.com", "Sign in to"));

        var page = await other.NewPageAsync();
        await page.GotoAsync(link.ToString());

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in on this browser?" })).ToBeVisibleAsync();
        await Expect(page.GetByText("It signs in as alice@example.com")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in on this browser" }).ClickAsync();
        await Expect(page.GetByText("You are signed in as")).ToContainTextAsync("alice@example.com");
    }

    [Fact]
    public async Task EmailCode_TypedIn_SignsIn()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(Server.Url(TestTenants.Acme, "account/login").ToString());
        await page.GetByLabel("Email").FillAsync("alice@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await Expect(page.GetByText("We sent a sign-in link and a code to")).ToBeVisibleAsync();

        await Server.EmailsSentAsync();
        var message = await Server.Mailbox.WaitForAsync("alice@example.com", "Sign in to");
        var code = CodeAfterColon().Match(message.TextBody ?? string.Empty).Groups[1].Value;
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Server.Url(TestTenants.Acme, "account").ToString());
        await Expect(page.GetByText("You are signed in as")).ToContainTextAsync("alice@example.com");
    }

    [Fact]
    public async Task EmailCode_Wrong_ShowsTheErrorNextToTheForm()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"wrong-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync(Server.Url(TestTenants.Acme, "account/login").ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Email me a sign-in link" }).ClickAsync();
        await Server.EmailsSentAsync();
        var code = CodeAfterColon().Match((await Server.Mailbox.WaitForAsync(email, "Sign in to")).TextBody ?? string.Empty).Groups[1].Value;

        await page.GetByLabel("Code").FillAsync(code == "000000" ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That code is not right. Check the message and try again.");
    }

    [GeneratedRegex(@":\s(\d{6})\b")]
    private static partial Regex CodeAfterColon();
}
