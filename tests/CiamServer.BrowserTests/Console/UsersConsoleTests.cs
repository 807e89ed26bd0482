using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>The Users pages of a tenant: search, open a user, end a session, and what a tenant admin of another
/// tenant cannot see.</summary>
[Trait("Category", "Admin")]
public sealed class UsersConsoleTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Search_ThenOpenAUser_ShowsProfileAndMethods()
    {
        await Server.CreateAdminAsync("users-search@admin.test", TestTenants.Acme);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "users-search@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/users"));
        await page.GetByLabel("Search users").FillAsync("liddell");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Alice Liddell" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "unverified@example.com" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "alice@example.com" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Alice Liddell", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign-in methods" })).ToBeVisibleAsync();
        await Expect(page.GetByText("customer", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Set", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EmptySearch_ListsEveryone_BadCursor_SaysSo()
    {
        await Server.CreateAdminAsync("users-list@admin.test", TestTenants.Acme);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "users-list@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/users"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "alice@example.com" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "unverified@example.com" })).ToBeVisibleAsync();

        var response = await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/users?q=alice&cursor=garbage"));
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("start again from the first page");
    }

    [Fact]
    public async Task UserOfAnotherTenant_NotFound()
    {
        await Server.CreateAdminAsync("users-other@admin.test", TestTenants.Acme);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "users-other@admin.test");
        await using var _ = context;

        var response = await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/users/{Guid.NewGuid()}"));

        Assert.Equal(404, response!.Status);
    }
}
