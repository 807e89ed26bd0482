using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests;

/// <summary>The hosted pages in a real browser, used as a person uses them: labels, buttons, the email.</summary>
[Trait("Category", "Browser")]
public sealed class HostedPagesTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task SignUp_VerifyEmailFromTheMessage_SignIn_ReachesTheAccountPage()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = $"new-{Guid.NewGuid():N}@example.com";

        await page.GotoAsync(Server.Url(TestTenants.Acme, "account/login").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create your account" })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("First name").FillAsync("Dana");
        await page.GetByLabel("Password").FillAsync(TestTenants.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();

        var message = await Server.Mailbox.WaitForAsync(email, "Verify");
        await page.GotoAsync(Mailbox.FirstLink(message).ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Email verified" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestTenants.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Server.Url(TestTenants.Acme, "account").ToString());
        await Expect(page.GetByText("You are signed in as")).ToContainTextAsync(email);
    }

    [Fact]
    public async Task LoginPage_AtAPhoneViewport_HasVisibleLabelsNoSidewaysScrollAndWorks()
    {
        await using var context = await chromium.NewContextAsync(new ViewportSize { Width = 390, Height = 844 });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Server.Url(TestTenants.Acme, "account/login").ToString());
        // One picture of the page for a person to look at (kept in the test output, not the repository).
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "login-phone.png"), FullPage = true });

        foreach (var label in new[] { "Email", "Password" })
        {
            await Expect(page.Locator("label", new() { HasTextString = label })).ToBeVisibleAsync();
            var box = await page.GetByLabel(label).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"The {label} field does not fit the screen: {box.X}+{box.Width}.");
            Assert.True(box.Height >= 24, $"The {label} field is too small to tap: {box.Height}px.");
        }

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeInViewportAsync();

        await page.GetByLabel("Email").FillAsync("alice@example.com");
        await page.GetByLabel("Password").FillAsync(TestTenants.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByText("You are signed in as")).ToContainTextAsync("alice@example.com");
    }

    [Fact]
    public async Task LoginPage_CannotBeFramed()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var login = Server.Url(TestTenants.Acme, "account/login").ToString();

        var response = await page.GotoAsync(login);
        Assert.NotNull(response);
        var headers = await response.AllHeadersAsync();
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("DENY", headers["x-frame-options"]);

        // And the browser obeys it: a page of another origin that frames the login page gets no form.
        // SetContentAsync returns after the load event, which waits for the frame (loaded or refused).
        await page.GotoAsync("about:blank");
        await page.SetContentAsync($"<iframe id=\"frame\" src=\"{login}\"></iframe>");
        Assert.Equal(2, page.Frames.Count);
        Assert.Equal(0, await page.FrameLocator("#frame").GetByLabel("Password").CountAsync());
    }
}
