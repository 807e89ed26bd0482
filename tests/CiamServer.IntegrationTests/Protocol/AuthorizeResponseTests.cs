using System.Net;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>How the authorization endpoint answers: iss in every response to the client (RFC 9207), 303 redirects
/// (RFC 9700 4.12), no CORS, and pages that cannot be framed.</summary>
[Trait("Category", "Protocol")]
public sealed class AuthorizeResponseTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Authorize_Success_Redirects303WithCodeStateAndIss()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await flow.AuthorizeAsync(flow.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = browser.Location(response);
        Assert.Equal(TestTenants.WebRedirectUri, ProtocolCalls.RedirectTarget(location));
        var parameters = ProtocolCalls.RedirectParameters(location);
        Assert.False(string.IsNullOrEmpty(parameters.GetValueOrDefault("code")));
        Assert.Equal(flow.State, parameters.GetValueOrDefault("state"));
        Assert.Equal(Server.Issuer(Tenant), parameters.GetValueOrDefault("iss"));
    }

    [Fact]
    public async Task Authorize_ErrorForClient_Redirects303WithErrorStateAndIss()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await browser.GetAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["prompt"] = "none" }));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var parameters = ProtocolCalls.RedirectParameters(browser.Location(response));
        Assert.Equal("login_required", parameters.GetValueOrDefault("error"));
        Assert.Equal(flow.State, parameters.GetValueOrDefault("state"));
        Assert.Equal(Server.Issuer(Tenant), parameters.GetValueOrDefault("iss"));
    }

    [Fact]
    public async Task Authorize_EveryRedirectOfTheSignIn_Is303()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);

        // To the login page, then (after the credentials are posted) back to authorize, then to the client.
        var toLogin = await browser.GetAsync(flow.AuthorizeUrl());
        Assert.Equal(HttpStatusCode.SeeOther, toLogin.StatusCode);
        var login = await browser.FollowAsync(toLogin);
        var afterPost = await browser.SubmitFormAsync(login,
            new Dictionary<string, string> { ["Input.Email"] = ProtocolCalls.Alice, ["Input.Password"] = TestTenants.Password });
        Assert.Equal(HttpStatusCode.SeeOther, afterPost.StatusCode);
        var toClient = await browser.GetAsync(browser.Location(afterPost));
        Assert.Equal(HttpStatusCode.SeeOther, toClient.StatusCode);
        Assert.Equal(TestTenants.WebRedirectUri, ProtocolCalls.RedirectTarget(browser.Location(toClient)));
    }

    [Fact]
    public async Task Authorize_WithOriginHeader_SendsNoCorsHeaders()
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);
        using var request = new HttpRequestMessage(HttpMethod.Get, flow.AuthorizeUrl());
        request.Headers.Add("Origin", "https://client.example");

        var response = await browser.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Authorize_CorsPreflight_IsNotAllowed()
    {
        using var browser = Server.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Options, Server.Url(Tenant, "connect/authorize"));
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await browser.Http.SendAsync(request);

        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("account/login")]
    [InlineData("connect/authorize?client_id=no-such-client")]
    [InlineData("account/logout")]
    [InlineData("account/signed-out")]
    public async Task Page_Any_CannotBeFramed(string path)
    {
        using var browser = Server.CreateBrowser();

        var response = await browser.GetAsync(Server.Url(Tenant, path));

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        AssertNotFrameable(response);
    }

    [Fact]
    public async Task ConsentPage_CannotBeFramed()
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await browser.GetAndFollowAsync(flow.AuthorizeUrl("third-party", scope: "openid profile"));

        Assert.True(ProtocolCalls.IsConsentPage(response, Tenant), "Expected the consent page, got " + ProtocolCalls.PagePath(response));
        AssertNotFrameable(response);
    }

    private static void AssertNotFrameable(HttpResponseMessage response)
    {
        var csp = string.Join(";", response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", string.Join(",", response.Headers.TryGetValues("X-Frame-Options", out var frame) ? frame : []));
    }
}
