using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>API scopes in the console: a bad name is explained at its field, a good one is created and listed.</summary>
[Trait("Category", "Admin")]
public sealed class ScopesConsoleTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task CreateAScope_BadNameExplainedAtTheField_ThenCreatedWithItsAudience()
    {
        await Server.CreateAdminAsync("scopes@admin.test", TestTenants.Acme);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "scopes@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/scopes"));
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "orders.read" })).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("has spaces");
        await page.GetByLabel("Audiences").FillAsync("invoices-api");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the scope" }).ClickAsync();
        await Expect(page.Locator("#err-Name")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("invoices.read");
        await page.GetByLabel("Display name").FillAsync("Read invoices");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the scope" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("invoices.read");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "invoices.read" })).ToContainTextAsync("invoices-api");
    }
}
