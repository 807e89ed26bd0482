using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>A super-admin creates, deletes and imports tenants in the console.</summary>
[Trait("Category", "Admin")]
public sealed class TenantsConsoleTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task CreateTenant_ThenDeleteIt_WithTheSlugTyped()
    {
        var slug = "shop-" + Guid.NewGuid().ToString("N")[..8];
        await Server.CreateAdminAsync("tenants-create@admin.test");
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "tenants-create@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl("tenants"));
        await page.GetByLabel("Slug").FillAsync(slug);
        await page.GetByLabel("Display name").FillAsync("Browser Shop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create tenant" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settings of Browser Shop" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Delete this tenant…" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "users", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel($"Type {slug} to confirm").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete tenant for good" }).ClickAsync();
        await Expect(page.GetByText("Type the tenant's slug exactly to confirm.")).ToBeVisibleAsync();
        await page.GetByLabel($"Type {slug} to confirm").FillAsync(slug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete tenant for good" }).ClickAsync();

        await Expect(page.GetByText($"Tenant {slug} was deleted")).ToBeVisibleAsync();
        var discovery = await page.APIRequest.GetAsync(Server.Url(slug, ".well-known/openid-configuration").ToString());
        Assert.Equal(404, discovery.Status);
    }

    [Fact]
    public async Task Create_TakenSlug_ShowsTheErrorOnTheField()
    {
        await Server.CreateAdminAsync("tenants-taken@admin.test");
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "tenants-taken@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl("tenants"));
        await page.GetByLabel("Slug").FillAsync(TestTenants.Acme);
        await page.GetByLabel("Display name").FillAsync("Another Acme");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create tenant" }).ClickAsync();

        await Expect(page.GetByText("A tenant 'acme' already exists.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Slug")).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task Import_AFile_ShowsProgressUntilDone()
    {
        var slug = "imported-" + Guid.NewGuid().ToString("N")[..8];
        var document = JsonNode.Parse(TestTenants.Tenant(slug, "Imported"))!;
        var file = Path.Combine(Server.WorkFolder, slug + ".json");
        await File.WriteAllTextAsync(file, new JsonObject { ["tenants"] = new JsonArray(document) }.ToJsonString());
        await Server.CreateAdminAsync("tenants-import@admin.test");
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "tenants-import@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl("tenants/import"));
        await page.GetByLabel("Import file (JSON)").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import progress" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Done: 11 objects", new() { Timeout = 30_000 });
        await Expect(page.Locator("progress")).ToHaveAttributeAsync("value", "11");
        var discovery = await page.APIRequest.GetAsync(Server.Url(slug, ".well-known/openid-configuration").ToString());
        Assert.Equal(200, discovery.Status);
    }

    [Fact]
    public async Task Import_ABadFile_ListsTheProblems()
    {
        var file = Path.Combine(Server.WorkFolder, "bad-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        await File.WriteAllTextAsync(file, """{ "tenants": [ { "slug": "Bad Slug", "displayName": "X" } ] }""");
        await Server.CreateAdminAsync("tenants-bad@admin.test");
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "tenants-bad@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl("tenants/import"));
        await page.GetByLabel("Import file (JSON)").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("$.tenants[0].slug");
    }
}
