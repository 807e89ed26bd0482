using System.Net;

namespace CiamServer.IntegrationTests.Operations;

/// <summary>Links in emails are built from the Host header, so only the configured hosts are served.</summary>
[Trait("Category", "Operations")]
public sealed class HostFilteringTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Request_WithAForgedHostHeader_Is400()
    {
        using var browser = Server.CreateBrowser();
        var page = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/forgot-password"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var forged = new HttpRequestMessage(HttpMethod.Get, Server.Url(TestTenants.Acme, "account/forgot-password"));
        forged.Headers.Host = "evil.example";
        using var response = await browser.Http.SendAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Start_OverHttpsWithAnyHostAllowed_Refused()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => CiamTestServer.StartAsync(new TestServerOptions
        {
            Settings = { ["AllowedHosts"] = "*" },
        }));

        Assert.Contains("AllowedHosts", error.ToString(), StringComparison.Ordinal);
    }
}
