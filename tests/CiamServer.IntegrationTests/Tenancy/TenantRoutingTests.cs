using System.Net;

namespace CiamServer.IntegrationTests.Tenancy;

/// <summary>A server with a third tenant that is disabled: it must look exactly like one that does not exist.</summary>
public sealed class TenantRoutingFixture : ServerFixture
{
    protected override TestServerOptions Options()
    {
        var options = new TestServerOptions();
        options.ImportDocuments.Add("""{ "tenants": [ { "slug": "dormant", "displayName": "Dormant", "enabled": false } ] }""");
        return options;
    }
}

[Trait("Category", "Tenancy")]
public sealed class TenantRoutingTests(TenantRoutingFixture fixture) : IClassFixture<TenantRoutingFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Theory]
    [InlineData("/t/initech/account/login")]
    [InlineData("/t/initech/.well-known/openid-configuration")]
    [InlineData("/t/initech/connect/token")]
    [InlineData("/t/ACME/account/login")]
    [InlineData("/t/acme%2F..%2Fglobex/account/login")]
    [InlineData("/t/-acme-/account/login")]
    [InlineData("/t/dormant/account/login")]
    [InlineData("/t/dormant/.well-known/openid-configuration")]
    [InlineData("/account/login")]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks")]
    [InlineData("/connect/authorize?client_id=web&response_type=code")]
    public async Task Get_UnknownDisabledOrMalformedTenant_NotFound(string path)
    {
        using var browser = Server.CreateBrowser();

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownAndDisabledTenant_AnswerAlike()
    {
        using var browser = Server.CreateBrowser();

        var unknown = await browser.GetAsync("/t/initech/account/login");
        var disabled = await browser.GetAsync("/t/dormant/account/login");

        Assert.Equal(unknown.StatusCode, disabled.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await disabled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_KnownTenant_ServesItsPagesAndIssuer()
    {
        using var browser = Server.CreateBrowser();

        var login = await browser.GetAsync("/t/acme/account/login");
        var discovery = await browser.GetAsync("/t/globex/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await discovery.Content.ReadAsStringAsync());
        Assert.Equal(Server.Issuer(TestTenants.Globex), json.RootElement.GetProperty("issuer").GetString()!.TrimEnd('/'));
    }
}
