using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>Roles in the console: create one, give it to a user by email, see the member, take it away.</summary>
[Trait("Category", "Admin")]
public sealed class RolesConsoleTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task CreateARole_AssignItToAUser_SeeTheMember_TakeItAway()
    {
        await Server.CreateAdminAsync("roles@admin.test", TestTenants.Acme);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "roles@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/roles"));
        await page.GetByLabel("Name").FillAsync("auditor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the role" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Role auditor" })).ToBeVisibleAsync();

        await page.GetByLabel("Email of the user").FillAsync("nobody@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Give the role" }).ClickAsync();
        await Expect(page.Locator("#err-Email")).ToContainTextAsync("No user of this tenant");

        await page.GetByLabel("Email of the user").FillAsync("alice@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Give the role" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("alice@example.com now has the role auditor");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "alice@example.com" })).ToBeVisibleAsync();

        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/roles"));
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "auditor" })).ToContainTextAsync("1");

        await page.GetByRole(AriaRole.Link, new() { Name = "auditor" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Take auditor from alice@example.com" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "alice@example.com" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task CreateARole_WithAComma_ShowsTheErrorAtTheField()
    {
        await Server.CreateAdminAsync("roles-bad@admin.test", TestTenants.Acme);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "roles-bad@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/roles"));
        await page.GetByLabel("Name").FillAsync("a,b");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the role" }).ClickAsync();

        await Expect(page.Locator("#err-NewRole")).ToContainTextAsync("no commas");
        await Expect(page.GetByLabel("Name")).ToHaveAttributeAsync("aria-invalid", "true");
    }
}
