using System.Text;
using System.Text.RegularExpressions;
using CiamServer.Core.Data;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CiamServer.BrowserTests.Console;

/// <summary>A tenant admin creates a user, disables one (with the confirmation step) and imports a file, following
/// the import's progress page until it is done.</summary>
[Trait("Category", "Admin")]
public sealed partial class UserActionsConsoleTests(ChromiumFixture chromium, ServerFixture fixture)
    : IClassFixture<ChromiumFixture>, IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Create_FillsTheForm_CreatesTheUserWithItsRole()
    {
        var (context, page) = await SignInAsync("creator@admin.test");
        await using var _ = context;
        var email = $"console-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/users/new"));

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Given name").FillAsync("Connie");
        await page.GetByLabel("customer").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the user" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(UserPage());
        var (user, roles) = await FindAsync(email);
        Assert.Equal("Connie", user!.GivenName);
        Assert.Equal(["customer"], roles);
        Assert.EndsWith($"/users/{user.Id}", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DuplicateEmail_ShowsTheErrorOnThePage()
    {
        var (context, page) = await SignInAsync("duplicate@admin.test");
        await using var _ = context;
        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/users/new"));

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("alice@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the user" }).ClickAsync();

        await Expect(page.GetByText("An account with this email address already exists.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Disable_AsksForConfirmation_ThenDisablesTheAccount()
    {
        var (context, page) = await SignInAsync("disabler@admin.test");
        await using var _ = context;
        var email = $"to-disable-{Guid.NewGuid():N}@example.com";
        var id = await CreateUserAsync(email);
        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/users/{id}/actions"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Disable…" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Disable {email}?" })).ToBeVisibleAsync();
        Assert.False((await FindAsync(email)).User!.Disabled);
        await page.GetByRole(AriaRole.Button, new() { Name = "Disable the account" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/users/{id}$"));
        Assert.True((await FindAsync(email)).User!.Disabled);
    }

    [Fact]
    public async Task Import_UploadsACsvFile_AndTheProgressPageReachesDone()
    {
        var (context, page) = await SignInAsync("importer@admin.test");
        await using var _ = context;
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("email,givenName,roles\n");
        for (var i = 0; i < 1200; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"imp-{prefix}-{i}@example.com,Imported {i},customer\n");
        }

        csv.Append("alice@example.com,Alice,\n");
        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/users/import"));

        await page.GetByLabel("File (.csv or .json)").SetInputFilesAsync(new FilePayload
        {
            Name = "users.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/users/import/[0-9a-f-]{36}$"));
        await Expect(page.Locator("progress#import-progress")).ToHaveAttributeAsync("max", "1201");
        // The page refreshes itself until the job has ended.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Done" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-processed]")).ToHaveTextAsync("1201");
        await Expect(page.Locator("[data-created]")).ToHaveTextAsync("1200");
        await Expect(page.Locator("[data-skipped]")).ToHaveTextAsync("1");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "An account with this email address already exists." })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Import_FileWithProblems_ListsThemByRow_AndImportsNothing()
    {
        var (context, page) = await SignInAsync("checker@admin.test");
        await using var _ = context;
        var valid = $"never-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync(Server.ConsoleUrl($"tenants/{TestTenants.Acme}/users/import"));

        await page.GetByLabel("File (.csv or .json)").SetInputFilesAsync(new FilePayload
        {
            Name = "users.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes($"email\n{valid}\nnot-an-email\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Row 2, email" })).ToBeVisibleAsync();
        Assert.Null((await FindAsync(valid)).User);
    }

    private async Task<(IBrowserContext Context, IPage Page)> SignInAsync(string adminEmail)
    {
        await Server.CreateAdminAsync(adminEmail, TestTenants.Acme);
        return await ConsoleSession.SignInAsync(chromium, Server, adminEmail);
    }

    private async Task<Guid> CreateUserAsync(string email)
    {
        await using var scope = await AcmeScopeAsync();
        var user = new CiamUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>().CreateAsync(user, TestTenants.Password)).Succeeded);
        return user.Id;
    }

    private async Task<(CiamUser? User, IList<string> Roles)> FindAsync(string email)
    {
        await using var scope = await AcmeScopeAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>();
        var user = await users.FindByEmailAsync(email);
        return (user, user is null ? [] : await users.GetRolesAsync(user));
    }

    private async Task<AsyncServiceScope> AcmeScopeAsync()
    {
        var scope = Server.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<CiamDbContext>().Tenants.SingleAsync(t => t.Slug == TestTenants.Acme);
        scope.ServiceProvider.GetRequiredService<ITenantContext>().Set(tenant);
        return scope;
    }

    [GeneratedRegex("/users/[0-9a-f-]{36}$")]
    private static partial Regex UserPage();
}
