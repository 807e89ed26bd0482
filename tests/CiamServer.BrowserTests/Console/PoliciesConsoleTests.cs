using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>The policies page: a bad value is refused next to its field, a good one is saved and shown again.</summary>
[Trait("Category", "Admin")]
public sealed class PoliciesConsoleTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task MinimumLength_TooShortRefusedNextToTheField_ThenAValidOneSaved()
    {
        await Server.CreateAdminAsync("policies@admin.test", TestTenants.Acme);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "policies@admin.test");
        await using var _ = context;
        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/policies"));
        var minLength = page.GetByLabel("Minimum length");
        await Expect(minLength).ToHaveValueAsync("8");

        await minLength.FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password rules" }).ClickAsync();

        var error = page.Locator("#Password-MinLength-error");
        await Expect(error).ToHaveTextAsync("Minimum length must be between 8 and 64.");
        await Expect(minLength).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Contains("Password-MinLength-error", await minLength.GetAttributeAsync("aria-describedby"), StringComparison.Ordinal);
        await Expect(minLength).ToHaveValueAsync("7");

        await minLength.FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password rules" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Password rules saved.");
        await Expect(page.GetByLabel("Minimum length")).ToHaveValueAsync("12");
        await Expect(page.Locator("#Password-MinLength-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignInMethods_AllOff_RefusedWithAMessageForTheGroup_NothingSaved()
    {
        await Server.CreateAdminAsync("methods@admin.test", TestTenants.Globex);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "methods@admin.test");
        await using var _ = context;
        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Globex}/policies"));
        var methods = page.GetByRole(AriaRole.Group, new() { Name = "Ways to sign in and sign up" });

        foreach (var name in new[] { "Password", "Link by email", "Code by email", "Passkeys" })
        {
            await methods.GetByLabel(name, new() { Exact = true }).UncheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save sign-in methods" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Must leave at least one way to sign in.");
        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Globex}/policies"));
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Ways to sign in and sign up" }).GetByLabel("Password", new() { Exact = true })).ToBeCheckedAsync();
    }
}
