using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>A super-admin rotates the signing keys in the console. A server of its own: the console's cached JWKS
/// does not know a key rotated in (see the report of admin-tenants), so later console sign-ins on the same server
/// would fail.</summary>
[Trait("Category", "Admin")]
public sealed class KeysConsoleTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task RotateKeys_TheNewSigningKeyIsActive_AndRetiringTheOnlyOneIsRefusedAfterConfirmation()
    {
        await Server.CreateAdminAsync("keys-console@admin.test");
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "keys-console@admin.test");
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl("keys"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Rotate keys" }).ClickAsync();
        await Expect(page.GetByText("are published")).ToBeVisibleAsync();

        // Tests publish new keys at once (no publish-ahead): the new signing key is the only active one.
        var row = page.Locator("tbody tr", new() { HasText = "Signing" }).Filter(new() { HasText = "active" });
        await Expect(row).ToHaveCountAsync(1);
        var kid = await row.Locator("td").First.InnerTextAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = $"Retire key {kid}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Retire key {kid}" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Retire this key" }).ClickAsync();

        await Expect(page.GetByText($"Key {kid} is the last of its use: rotate first, then retire it.")).ToBeVisibleAsync();
        await Expect(page.Locator("tbody tr", new() { HasText = kid })).ToContainTextAsync("active");
    }
}
