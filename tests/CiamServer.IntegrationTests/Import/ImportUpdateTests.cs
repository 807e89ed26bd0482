using System.Net;
using CiamServer.IntegrationTests.Support;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace CiamServer.IntegrationTests.Import;

[Trait("Category", "Import")]
public sealed class ImportUpdateTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Import_ChangedRedirectUri_UpdatedAndOldOneRefused()
    {
        var slug = ImportDocuments.NewSlug("redirect");
        await Server.ImportAsync(ImportDocuments.Document(ImportDocuments.Tenant(slug)));
        var before = await RowVersions.OfTenantAsync(Server, slug);

        var result = await Server.ImportAsync(ImportDocuments.Document(ImportDocuments.Tenant(slug, redirectUri: "https://app.example/new-callback")));

        Assert.Equal(1, result.Changes);
        Assert.Equal(["https://app.example/new-callback"], await RedirectUrisAsync(slug, "web"));
        var changed = (await RowVersions.OfTenantAsync(Server, slug)).Except(before).ToList();
        Assert.StartsWith("client:web:", Assert.Single(changed), StringComparison.Ordinal);
        var accepted = await AuthorizeAsync(slug, "https://app.example/new-callback");
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Equal($"/t/{slug}/account/login", new Uri(Server.BaseAddress, accepted.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.BadRequest, (await AuthorizeAsync(slug, "https://app.example/callback")).StatusCode);
    }

    [Fact]
    public async Task Import_ChangedDisplayName_UpdatedOnPages()
    {
        var slug = ImportDocuments.NewSlug("renamed");
        await Server.ImportAsync(ImportDocuments.Document(ImportDocuments.Tenant(slug, displayName: "Old Name Ltd")));
        using var browser = Server.CreateBrowser();
        Assert.Contains("Old Name Ltd", await AccountPages.MainTextAsync(await browser.GetAsync(Server.Url(slug, "account/login"))), StringComparison.Ordinal);

        var result = await Server.ImportAsync(ImportDocuments.Document(ImportDocuments.Tenant(slug, displayName: "New Name Ltd")));

        Assert.Equal(1, result.Changes);
        var page = await AccountPages.MainTextAsync(await browser.GetAsync(Server.Url(slug, "account/login")));
        Assert.Contains("New Name Ltd", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Old Name Ltd", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_NewClientSecret_RehashedNewWorksOldRefused()
    {
        var slug = ImportDocuments.NewSlug("secret");
        await Server.ImportAsync(ImportDocuments.Document(ImportDocuments.Tenant(slug)));
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(slug, ImportDocuments.MachineSecret)).StatusCode);
        var oldHash = await SecretHashAsync(slug, "machine");
        var webHash = await SecretHashAsync(slug, "web");
        const string NewSecret = "second-test-only-machine-secret";

        var result = await Server.ImportAsync(ImportDocuments.Document(ImportDocuments.Tenant(slug, machineSecret: NewSecret)));

        Assert.Equal(1, result.Changes);
        var newHash = await SecretHashAsync(slug, "machine");
        Assert.NotNull(newHash);
        Assert.NotEqual(oldHash, newHash);
        Assert.DoesNotContain(NewSecret, newHash, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(slug, NewSecret)).StatusCode);
        var old = await ClientCredentialsAsync(slug, ImportDocuments.MachineSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Contains("invalid_client", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(webHash, await SecretHashAsync(slug, "web"));
        // Importing the new secret again keeps its hash: the import compares, it does not re-hash every time.
        Assert.Equal(0, (await Server.ImportAsync(ImportDocuments.Document(ImportDocuments.Tenant(slug, machineSecret: NewSecret)))).Changes);
    }

    [Fact]
    public async Task Import_Again_KeepsAnEmailTheUserVerified()
    {
        var slug = ImportDocuments.NewSlug("verified");
        var document = ImportDocuments.Document(ImportDocuments.Tenant(slug));
        await Server.ImportAsync(document);
        await using (var scope = await Server.ForTenantAsync(slug))
        {
            // What following the verification link does: the file said emailVerified false.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>();
            var user = await users.FindByEmailAsync("nopassword@example.com") ?? throw new InvalidOperationException("not imported");
            Assert.False(user.EmailConfirmed);
            user.EmailConfirmed = true;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        var again = await Server.ImportAsync(document);

        Assert.Equal(0, again.Changes);
        await using (var scope = await Server.ForTenantAsync(slug))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CiamUser>>();
            Assert.True((await users.FindByEmailAsync("nopassword@example.com"))!.EmailConfirmed);
        }
    }

    private async Task<List<string>> RedirectUrisAsync(string slug, string clientId)
    {
        await using var scope = await Server.ForTenantAsync(slug);
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(clientId) ?? throw new InvalidOperationException("No client " + clientId);
        return [.. await applications.GetRedirectUrisAsync(application)];
    }

    private async Task<string?> SecretHashAsync(string slug, string clientId)
    {
        var row = (await RowVersions.OfTenantAsync(Server, slug)).Single(r => r.StartsWith($"client:{clientId}:", StringComparison.Ordinal));
        return row.Split(':', 4)[3];
    }

    private async Task<HttpResponseMessage> AuthorizeAsync(string slug, string redirectUri)
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, slug);
        return await browser.GetAsync(flow.AuthorizeUrl(redirectUri: redirectUri, scope: "openid"));
    }

    private Task<HttpResponseMessage> ClientCredentialsAsync(string slug, string secret) => ClientRequests.MachineTokenAsync(Server, slug, secret);
}
