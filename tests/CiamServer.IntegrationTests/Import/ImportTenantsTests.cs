using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Import;

[Trait("Category", "Import")]
public sealed class ImportTenantsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string OtherSecret = "other-test-only-machine-secret";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Import_TwoTenantsWithSameClientIds_EachGetsItsOwnClientsAndScopes()
    {
        var first = ImportDocuments.NewSlug("first");
        var second = ImportDocuments.NewSlug("second");

        var result = await Server.ImportAsync(ImportDocuments.Document(
            ImportDocuments.Tenant(first), ImportDocuments.Tenant(second, machineSecret: OtherSecret)));

        Assert.True(result.Changes > 0);
        var firstRows = await RowVersions.OfTenantAsync(Server, first);
        var secondRows = await RowVersions.OfTenantAsync(Server, second);
        Assert.Equal(3, firstRows.Count(r => r.StartsWith("client:", StringComparison.Ordinal)));
        Assert.Equal(3, secondRows.Count(r => r.StartsWith("client:", StringComparison.Ordinal)));
        Assert.Single(firstRows, r => r.StartsWith("scope:orders.read:", StringComparison.Ordinal));
        Assert.Single(secondRows, r => r.StartsWith("scope:orders.read:", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await ClientCredentialsAsync(first, ImportDocuments.MachineSecret));
        Assert.Equal(HttpStatusCode.OK, await ClientCredentialsAsync(second, OtherSecret));
        Assert.Equal(HttpStatusCode.Unauthorized, await ClientCredentialsAsync(second, ImportDocuments.MachineSecret));
    }

    [Fact]
    public async Task Import_StandardTenants_GlobexHasTheSameClientsAsAcme()
    {
        var acme = await RowVersions.OfTenantAsync(Server, TestTenants.Acme);
        var globex = await RowVersions.OfTenantAsync(Server, TestTenants.Globex);

        Assert.Equal(ClientIds(acme), ClientIds(globex));
        Assert.Equal(["machine", "orders-api", "spa", "third-party", "web"], ClientIds(globex));
    }

    private static List<string> ClientIds(List<string> rows) =>
        rows.Where(r => r.StartsWith("client:", StringComparison.Ordinal)).Select(r => r.Split(':')[1]).Order(StringComparer.Ordinal).ToList();

    private async Task<HttpStatusCode> ClientCredentialsAsync(string slug, string secret) =>
        (await ClientRequests.MachineTokenAsync(Server, slug, secret)).StatusCode;
}
