using System.Net;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Login;

[Trait("Category", "Login")]
public sealed class ReturnUrlTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("https://evil.example/t/acme/account")]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/t/acme/account")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/t/acme\\..\\..\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/t/globex/account")]
    [InlineData("/t/globex/connect/authorize?client_id=web")]
    [InlineData("/t/acme/../globex/account")]
    [InlineData("/t/acme/%2e%2e/globex/account")]
    [InlineData("/t/acme/.%2E/globex/account")]
    [InlineData("/t/acmeevil/account")]
    [InlineData("/t/acme/\t/evil.example")]
    public async Task SignIn_ReturnUrlOffSiteOrOtherTenant_EndsAtOwnAccountPage(string returnUrl)
    {
        using var browser = Server.CreateBrowser();

        var response = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password, returnUrl);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = browser.Location(response);
        Assert.Equal(Server.BaseAddress.Authority, location.Authority);
        Assert.Equal("/t/acme/account", location.AbsolutePath);
    }

    [Theory]
    [InlineData("/t/acme/account")]
    [InlineData("/t/acme/connect/authorize?client_id=web&state=x")]
    public async Task SignIn_ReturnUrlOfOwnTenant_Kept(string returnUrl)
    {
        using var browser = Server.CreateBrowser();

        var response = await AccountPages.SignInAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password, returnUrl);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(new Uri(Server.BaseAddress, returnUrl), browser.Location(response));
    }

    [Fact]
    public async Task VerifyEmail_ReturnUrlOffSite_SignInLinkStaysOnTenant()
    {
        using var browser = Server.CreateBrowser();

        var page = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/verify-email?returnUrl=" + Uri.EscapeDataString("https://evil.example")));

        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }
}
