using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>Clients in the console: a new client's secret is shown once and works, a rotated secret is shown once,
/// and a bad redirect URI is explained next to the field.</summary>
[Trait("Category", "Admin")]
public sealed class ClientsConsoleTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task NewClient_ShowsItsSecretOnce_TheSecretWorks_AndRotatingShowsANewOne()
    {
        await Server.CreateAdminAsync("clients-new@admin.test");
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "clients-new@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/clients/new"));
        await page.GetByLabel("Client ID").FillAsync("console-made");
        await page.GetByLabel("Display name").FillAsync("Made in the console");
        await page.GetByLabel("Redirect URIs", new() { Exact = true }).FillAsync("https://console.example/callback");
        await page.GetByLabel("client_credentials").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the client" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Client console-made created" })).ToBeVisibleAsync();
        await Expect(page.GetByText("it is shown only this once")).ToBeVisibleAsync();
        var secret = (await page.Locator("#client-secret").TextContentAsync())!.Trim();
        Assert.True(secret.Length >= 43, secret);
        var token = await new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme).TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "console-made", ["client_secret"] = secret,
        });
        Assert.Equal(HttpStatusCode.OK, token.Status);

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the client" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Client console-made" })).ToBeVisibleAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Rotate the secret" }).ClickAsync();
        var rotated = (await page.Locator("#client-secret").TextContentAsync())!.Trim();
        Assert.NotEqual(secret, rotated);
        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/clients/console-made"));
        Assert.DoesNotContain(rotated, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_InvalidRedirectUri_ShowsTheErrorAtTheField_AndKeepsTheClient()
    {
        await Server.CreateAdminAsync("clients-edit@admin.test", TestTenants.Acme);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "clients-edit@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/clients/spa"));
        var redirects = page.GetByLabel("Redirect URIs", new() { Exact = true });
        await redirects.FillAsync(TestTenants.SpaRedirectUri + "\nhttp://evil.example/callback");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator("#err-RedirectUris")).ToContainTextAsync("Line 2: http is allowed only for loopback");
        await Expect(redirects).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(redirects).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex("err-RedirectUris"));
        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/clients/spa"));
        await Expect(page.GetByLabel("Redirect URIs", new() { Exact = true })).ToHaveValueAsync(TestTenants.SpaRedirectUri);
    }

    [Fact]
    public async Task List_LinksToEachClient_AndDisableShowsTheStatus()
    {
        await Server.CreateAdminAsync("clients-list@admin.test");
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "clients-list@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Globex}/clients"));
        await page.GetByRole(AriaRole.Link, new() { Name = "machine", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("disabled");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enable" })).ToBeVisibleAsync();
        var token = await new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Globex).TokenRequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "machine", ["client_secret"] = TestTenants.MachineSecret,
        });
        Assert.Equal("invalid_client", token.Error);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Disable" })).ToBeVisibleAsync();
    }
}
