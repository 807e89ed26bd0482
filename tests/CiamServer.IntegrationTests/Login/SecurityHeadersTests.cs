using System.Net;

namespace CiamServer.IntegrationTests.Login;

[Trait("Category", "Login")]
public sealed class SecurityHeadersTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    public static TheoryData<string> Pages => new()
    {
        "/t/acme/account/login",
        "/t/acme/account/register",
        "/t/acme/account/check-email",
        "/t/acme/account/verify-email",
        "/t/acme/account/forgot-password",
        "/t/acme/account/reset-password",
        "/t/acme/account/logout",
        "/t/acme/account/signed-out",
        "/t/acme/account/consent",
        "/t/acme/account",
        "/t/acme/no-such-page",
        "/t/no-such-tenant/account/login",
        "/t/acme/connect/authorize?client_id=unknown",
        "/t/acme/.well-known/openid-configuration",
        "/health/live",
        "/",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_AnyPage_CarriesFramingAndReferrerHeaders(string path)
    {
        using var browser = Server.CreateBrowser();

        var response = await browser.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Post_LoginFormAnswer_CarriesFramingHeaders()
    {
        using var browser = Server.CreateBrowser();
        var page = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/login"));

        var response = await browser.SubmitFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Email"] = "alice@example.com",
            ["Input.Password"] = "wrong password",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Get_PublicHostName_SendsHsts()
    {
        using var browser = Server.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, Server.Url(TestTenants.Acme, "account/login"));
        // Any name but localhost: ASP.NET Core leaves HSTS off for loopback names, which the test server uses.
        request.Headers.Host = "login.ciam.test";

        var response = await browser.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Header(response, "Strict-Transport-Security");
        Assert.Contains("max-age=31536000", hsts, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage!.RequestUri}: no {name} header.");
}
