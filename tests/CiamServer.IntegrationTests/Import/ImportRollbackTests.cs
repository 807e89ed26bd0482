using CiamServer.Import;

namespace CiamServer.IntegrationTests.Import;

[Trait("Category", "Import")]
public sealed class ImportRollbackTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Theory]
    [InlineData("password1", "leaked passwords")]
    [InlineData("qwertyuiop", "leaked passwords")]
    [InlineData("short", "Use at least 8 characters.")]
    [InlineData("late@example.com", "too easy to guess")]
    public async Task Import_PasswordRefusedByIdentity_WholeImportRolledBack(string password, string message)
    {
        var first = ImportDocuments.NewSlug("first");
        var second = ImportDocuments.NewSlug("second");
        // The refused password comes last: by then the first tenant and most of the second are written.
        var secondTenant = ImportDocuments.Tenant(second).Replace("\"minLength\": 10", "\"minLength\": 8", StringComparison.Ordinal).Replace(
            """{ "email": "nopassword@example.com", "emailVerified": false }""",
            $$"""{ "email": "nopassword@example.com", "emailVerified": false }, { "email": "late@example.com", "password": "{{password}}" }""",
            StringComparison.Ordinal);
        Assert.Contains("late@example.com", secondTenant, StringComparison.Ordinal);
        var before = await RowVersions.CountAllAsync(Server);

        var refused = await Assert.ThrowsAsync<ImportException>(() =>
            Server.ImportAsync(ImportDocuments.Document(ImportDocuments.Tenant(first), secondTenant)));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("import.json", problem.File);
        Assert.Equal("$.tenants[1].users[2].password", problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Empty(await RowVersions.OfTenantAsync(Server, first));
        Assert.Empty(await RowVersions.OfTenantAsync(Server, second));
        Assert.Equal(before, await RowVersions.CountAllAsync(Server));
        using var browser = Server.CreateBrowser();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await browser.GetAsync(Server.Url(first, "account/login"))).StatusCode);
    }

    [Fact]
    public async Task Import_AfterRefusedImport_SameTenantsImportCleanly()
    {
        var slug = ImportDocuments.NewSlug("retry");
        var broken = ImportDocuments.Tenant(slug).Replace(TestTenants.Password, "password1", StringComparison.Ordinal);
        await Assert.ThrowsAsync<ImportException>(() => Server.ImportAsync(ImportDocuments.Document(broken)));

        var result = await Server.ImportAsync(ImportDocuments.Document(ImportDocuments.Tenant(slug)));

        Assert.True(result.Changes > 0);
        Assert.Equal(11, (await RowVersions.OfTenantAsync(Server, slug)).Count);
    }
}
