using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>Who gets into the console and what they see: a super-admin sees every tenant, a tenant admin only
/// theirs and is refused another tenant's pages, a customer account is refused outright.</summary>
[Trait("Category", "Admin")]
public sealed class ConsoleAccessTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task SuperAdmin_SignsInThroughTheAdminTenant_SeesEveryTenant()
    {
        await Server.CreateAdminAsync("root@admin.test");

        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "root@admin.test");
        await using var _ = context;

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Acme Corp" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Globex" })).ToBeVisibleAsync();
        await Expect(page.GetByText("root@admin.test")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administrators" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TenantAdmin_SeesOnlyTheirTenant_AndIsRefusedAnotherTenantsPages()
    {
        await Server.CreateAdminAsync("acme-admin@admin.test", TestTenants.Acme);

        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "acme-admin@admin.test");
        await using var _ = context;

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Acme Corp" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Globex" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Administrators" })).ToHaveCountAsync(0);

        var own = await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/admins"));
        Assert.Equal(200, own!.Status);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "acme-admin@admin.test" })).ToBeVisibleAsync();

        var other = await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Globex}/admins"));
        Assert.Equal(403, other!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();

        var superAdminOnly = await page.GotoAsync(Server.ConsoleUrl("administrators"));
        Assert.Equal(403, superAdminOnly!.Status);
    }

    [Fact]
    public async Task AdminTenantUserWithoutARole_IsRefused()
    {
        await Server.CreateAdminTenantUserAsync("former@admin.test");

        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Server.ConsoleUrl());
        await page.GetByLabel("Email").FillAsync("former@admin.test");
        await page.GetByLabel("Password").FillAsync(AdminAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByText("This account is not an administrator")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ConsolePaths_InAnOrdinaryTenant_AreNotFound()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(Server.Url(TestTenants.Acme, "console").ToString());

        Assert.Equal(404, response!.Status);
    }
}
