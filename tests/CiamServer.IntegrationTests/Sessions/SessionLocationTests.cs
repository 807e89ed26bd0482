using CiamServer.Core.Geo;
using CiamServer.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Sessions;

/// <summary>A server with a real GeoLite2 Country database, behind a proxy that tells it the client's address
/// (X-Forwarded-For from loopback, a trusted proxy by default).</summary>
public sealed class GeoServerFixture : ServerFixture
{
    protected override TestServerOptions Options() => new()
    {
        Settings = { ["Ciam:Geo:DatabasePath"] = TestServices.GeoDatabasePath() },
    };
}

[Trait("Category", "Sessions")]
public sealed class SessionLocationTests(GeoServerFixture fixture) : IClassFixture<GeoServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    private IIpLocator Locator => Server.Services.GetRequiredService<IIpLocator>();

    [Theory]
    [InlineData("8.8.8.8", "United States")]
    [InlineData("2001:4860:4860::8888", "United States")]
    [InlineData("::ffff:8.8.8.8", "United States")]
    [InlineData("194.109.6.66", "Netherlands")]
    public void Locate_PublicAddress_CountryName(string address, string country) => Assert.Equal(country, Locator.Locate(address));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.1.10")]
    [InlineData("172.20.0.5")]
    [InlineData("::1")]
    [InlineData("fd00::1")]
    [InlineData("not an address")]
    [InlineData(null)]
    public void Locate_PrivateOrInvalidAddress_Unknown(string? address) => Assert.Null(Locator.Locate(address));

    [Fact]
    public void Locate_IPv6WithAnIPv4OnlyDatabase_UnknownNotAnError()
    {
        var ipv4Only = Path.Combine(Path.GetDirectoryName(TestServices.GeoDatabasePath())!, "geolite2-country-ipv4.mmdb");
        using var locator = new MmdbIpLocator(Microsoft.Extensions.Options.Options.Create(new GeoOptions { DatabasePath = ipv4Only }));

        Assert.Null(locator.Locate("2001:4860:4860::8888"));
        Assert.Equal("United States", locator.Locate("8.8.8.8"));
    }

    [Fact]
    public async Task SignInFromAbroad_SessionsPageShowsTheCountry()
    {
        using var browser = Server.CreateBrowser();
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "194.109.6.66");
        await new OidcFlow(Server, browser, TestTenants.Acme).SignInForCodeAsync();

        var page = await browser.GetAndFollowAsync(Server.Url(TestTenants.Acme, "account/sessions").ToString());

        Assert.Contains("194.109.6.66 · Netherlands", await AccountPages.MainTextAsync(page), StringComparison.Ordinal);
    }
}
