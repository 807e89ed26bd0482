using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>Signs an administrator in to the console the way a person does: the console sends the browser to the
/// admin tenant's hosted login page, the admin types email and password, and lands back on the console.</summary>
public static class ConsoleSession
{
    /// <summary>https://localhost:{port}/t/admin/console/{path}</summary>
    public static string ConsoleUrl(this CiamTestServer server, string path = "") =>
        server.Url(server.AdminTenant(), "console/" + path.TrimStart('/')).ToString().TrimEnd('/');

    /// <summary>A new browser context signed in to the console as <paramref name="email"/> (created by
    /// <see cref="AdminAccounts.CreateAdminAsync"/>), on the console's home page.</summary>
    public static async Task<(IBrowserContext Context, IPage Page)> SignInAsync(ChromiumFixture chromium, CiamTestServer server, string email,
        ViewportSize? phone = null)
    {
        var context = await chromium.NewContextAsync(phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.ConsoleUrl());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AdminAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tenants", Exact = true })).ToBeVisibleAsync();
        return (context, page);
    }
}
