using CiamServer.Core.Data;
using CiamServer.Core.Risk;
using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>The tenant dashboard: charts as accessible SVG images with the numbers as a table, and the sessions
/// active now.</summary>
[Trait("Category", "Admin")]
public sealed class DashboardConsoleTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Dashboard_ShowsTheChartsTheirNumbersAndTheActiveSessions()
    {
        await SeedAsync(TestTenants.Acme);
        await Server.CreateAdminAsync("dashboard@admin.test", TestTenants.Acme);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "dashboard@admin.test");
        await using var _ = context;

        await page.GetByRole(AriaRole.Link, new() { Name = "Acme Corp" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Acme Corp", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#active-sessions")).ToHaveTextAsync("2");
        foreach (var chart in new[] { "Sign-ins per day", "Sign-ups per day", "Failures per day", "Challenges (second factor asked) per day" })
        {
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = chart })).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#chart-signins desc")).ToContainTextAsync("3 in all");
        await page.GetByText("The numbers as a table").ClickAsync();
        var rows = page.GetByRole(AriaRole.Table).Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(30);
        await Expect(rows.Last.GetByRole(AriaRole.Cell).First).ToHaveTextAsync("3");

        await page.GetByLabel("Period").SelectOptionAsync("24h");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Sign-ins per hour" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Dashboard_OnAPhone_FitsTheScreen()
    {
        await Server.CreateAdminAsync("phone@admin.test", TestTenants.Globex);
        var (context, page) = await ConsoleSession.SignInAsync(chromium, Server, "phone@admin.test", new ViewportSize { Width = 375, Height = 740 });
        await using var _ = context;

        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Globex}"));

        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Sign-ins per day" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
    }

    /// <summary>Three sign-ins today and two sessions in use (the admin's own console session is in the admin tenant).</summary>
    private async Task SeedAsync(string slug)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Slug == slug);
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant);
        var user = (await db.Users.FirstAsync()).Id;
        var now = DateTime.UtcNow;
        for (var i = 0; i < 3; i++)
        {
            db.SignInAttempts.Add(new SignInAttempt
            {
                UserId = user, AccountName = "ALICE@EXAMPLE.COM", Methods = "pwd", Decision = "allow", ReasonsJson = "[]", InputsJson = "{}",
                Outcome = SignInOutcomes.Succeeded, CreatedAt = now,
            });
            if (i < 2)
            {
                db.Sessions.Add(new UserSession { Id = Guid.NewGuid().ToString("N"), UserId = user, CreatedAt = now, LastSeenAt = now, ExpiresAt = now.AddHours(1) });
            }
        }

        await db.SaveChangesAsync();
    }
}
