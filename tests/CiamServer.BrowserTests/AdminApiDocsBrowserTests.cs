using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests;

/// <summary>The admin API's reference page in a real browser: it renders from this server alone, under its CSP.</summary>
[Trait("Category", "Browser")]
[Trait("Category", "Admin")]
public sealed class AdminApiDocsBrowserTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task DocsPage_RendersTheEndpoints_WithNoCspViolationAndNoOtherHost()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        var elsewhere = new List<string>();
        page.Console += (_, message) =>
        {
            errors.Add(message.Type + ": " + message.Text);
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(Server.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.GotoAsync(Server.Url(TestTenants.Acme, "admin/api/docs").ToString());

        // Listed twice: the tenant's own route and the administrators' route through the admin tenant.
        await Expect(page.Locator("a[href='#tag/sign-ins/GET/admin/api/sign-ins']").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "List the tenant's sign-in attempts" })).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sessions", Exact = true })).ToBeVisibleAsync();
        var screenshots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "admin-api-docs.png") });
        Assert.DoesNotContain(errors, e => e.StartsWith("error", StringComparison.Ordinal));
        Assert.Empty(elsewhere);
    }
}
