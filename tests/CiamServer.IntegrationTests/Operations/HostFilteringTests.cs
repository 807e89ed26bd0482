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

    [Fact]
    public async Task Discovery_BehindATrustedProxy_IssuerFromForwardedProtoAndHost()
    {
        using var client = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme).ApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Server.Url(TestTenants.Acme, ".well-known/openid-configuration"));
        // Loopback is a trusted proxy by default; a real deployment names its proxies in Ciam:Hosting:KnownProxies.
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "id.ciam.test");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://id.ciam.test/t/acme", document.RootElement.GetProperty("issuer").GetString()!.TrimEnd('/'));
        Assert.StartsWith("https://id.ciam.test/t/acme/", document.RootElement.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedHost_NotAnAllowedHost_Ignored()
    {
        using var client = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme).ApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Server.Url(TestTenants.Acme, ".well-known/openid-configuration"));
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        using var response = await client.SendAsync(request);

        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Server.Issuer(TestTenants.Acme), document.RootElement.GetProperty("issuer").GetString()!.TrimEnd('/'));
    }
}
