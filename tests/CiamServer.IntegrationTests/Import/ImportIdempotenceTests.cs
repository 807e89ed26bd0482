namespace CiamServer.IntegrationTests.Import;

[Trait("Category", "Import")]
public sealed class ImportIdempotenceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Import_SameDocumentTwice_SecondChangesNothing()
    {
        var slug = ImportDocuments.NewSlug("twice");
        var document = ImportDocuments.Document(ImportDocuments.Tenant(slug));
        var first = await Server.ImportAsync(document);
        var before = await RowVersions.OfTenantAsync(Server, slug);

        var second = await Server.ImportAsync(document);

        Assert.True(first.Changes > 0);
        Assert.Equal(0, second.Changes);
        Assert.Equal(before, await RowVersions.OfTenantAsync(Server, slug));
        Assert.Equal(11, before.Count); // tenant, 2 users, 2 roles, 2 user roles, 3 clients, 1 scope
    }

    [Fact]
    public async Task Import_StandardTenantsAgain_ChangesNothing()
    {
        var acme = await RowVersions.OfTenantAsync(Server, TestTenants.Acme);
        var globex = await RowVersions.OfTenantAsync(Server, TestTenants.Globex);

        var again = await Server.ImportAsync(TestTenants.Standard);

        Assert.Equal(0, again.Changes);
        Assert.Equal(acme, await RowVersions.OfTenantAsync(Server, TestTenants.Acme));
        Assert.Equal(globex, await RowVersions.OfTenantAsync(Server, TestTenants.Globex));
    }
}
