using System.Net;

namespace CiamServer.IntegrationTests.Login;

/// <summary>A server where globex has its own colour, so each tenant's page can be told apart.</summary>
public sealed class BrandingFixture : ServerFixture
{
    protected override TestServerOptions Options()
    {
        var options = new TestServerOptions();
        options.ImportDocuments.Clear();
        options.ImportDocuments.Add($$"""
            { "tenants": [ {{TestTenants.Tenant(TestTenants.Acme, "Acme Corp")}},
              {{TestTenants.Tenant(TestTenants.Globex, "Globex Corporation").Replace("#123456", "#a1b2c3", StringComparison.Ordinal)}} ] }
            """);
        return options;
    }
}

[Trait("Category", "Login")]
public sealed class BrandingTests(BrandingFixture fixture) : IClassFixture<BrandingFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Theory]
    [InlineData(TestTenants.Acme, "Acme Corp", "#123456", "#a1b2c3")]
    [InlineData(TestTenants.Globex, "Globex Corporation", "#a1b2c3", "#123456")]
    public async Task LoginPage_Tenant_ShowsItsDisplayNameAndPrimaryColour(string tenant, string name, string colour, string otherColour)
    {
        using var browser = Server.CreateBrowser();

        var page = await browser.GetAsync(Server.Url(tenant, "account/login"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await BrowserLikeClient.ParseAsync(page);
        Assert.Equal(name, document.QuerySelector(".brand-name")?.TextContent.Trim());
        Assert.EndsWith(name, document.Title, StringComparison.Ordinal);
        var style = string.Concat(document.QuerySelectorAll("style").Select(s => s.TextContent));
        Assert.Contains($"--primary: {colour}", style, StringComparison.Ordinal);
        Assert.DoesNotContain(otherColour, style, StringComparison.Ordinal);
    }
}
