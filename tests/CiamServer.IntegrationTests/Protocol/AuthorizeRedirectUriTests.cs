namespace CiamServer.IntegrationTests.Protocol;

/// <summary>An unknown client or a redirect_uri that is not registered exactly never leads anywhere:
/// the user sees an error page (RFC 6749 4.1.2.1, RFC 9700 4.1). The attack shapes are from SECURITY.md.</summary>
[Trait("Category", "Protocol")]
public sealed class AuthorizeRedirectUriTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Authorize_UnknownClientId_ShowsErrorPageWithoutRedirect()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);

        var response = await browser.GetAsync(flow.AuthorizeUrl(clientId: "no-such-client"));

        await ProtocolCalls.AssertErrorPageAsync(response, "invalid_request");
    }

    [Theory]
    // ..;/ path tricks (Tomcat-style path parameters)
    [InlineData("https://client.example/callback/..;/")]
    [InlineData("https://client.example/evil/..;/callback")]
    [InlineData("https://client.example/callback/../evil")]
    // encodings: single and double encoded characters and separators
    [InlineData("https://client.example/%63allback")]
    [InlineData("https://client.example/%2563allback")]
    [InlineData("https://client.example/callback%252F..%252Fevil")]
    [InlineData("https://client.example%252Fcallback")]
    // added or changed query
    [InlineData("https://client.example/callback?next=https://evil.example/")]
    [InlineData("https://client.example/callback?")]
    // fragment
    [InlineData("https://client.example/callback#")]
    [InlineData("https://client.example/callback#https://evil.example/")]
    // userinfo and multiple @
    [InlineData("https://client.example@evil.example/callback")]
    [InlineData("https://client.example/callback@evil.example")]
    [InlineData("https://evil.example@client.example/callback")]
    [InlineData("https://client.example@evil.example@client.example/callback")]
    // trailing slash, case, port, scheme, host
    [InlineData("https://client.example/callback/")]
    [InlineData("https://client.example/Callback")]
    [InlineData("https://CLIENT.example/callback")]
    [InlineData("HTTPS://client.example/callback")]
    [InlineData("https://client.example:443/callback")]
    [InlineData("https://client.example:8443/callback")]
    [InlineData("http://client.example/callback")]
    [InlineData("https://client.example.evil.example/callback")]
    [InlineData("https://evil.example/callback")]
    [InlineData("//evil.example/callback")]
    [InlineData("/callback")]
    [InlineData("https://client.example\\@evil.example/callback")]
    public async Task Authorize_UnregisteredRedirectUriOfConfidentialClient_ShowsErrorPageWithoutRedirect(string redirectUri)
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);

        var response = await browser.GetAsync(flow.AuthorizeUrl(clientId: "web", redirectUri: redirectUri));

        await ProtocolCalls.AssertErrorPageAsync(response, "invalid_request");
    }

    [Theory]
    [InlineData("http://localhost:7890/callback")]
    [InlineData("http://[::1]:7890/callback")]
    [InlineData("https://127.0.0.1:7890/callback")]
    [InlineData("http://127.0.0.1:7890/callback/")]
    [InlineData("http://127.0.0.1:7890/callback?x=1")]
    [InlineData("http://127.0.0.2:7890/callback")]
    [InlineData("http://127.0.0.1:7890@evil.example/callback")]
    public async Task Authorize_UnregisteredLoopbackRedirectUriOfSpa_ShowsErrorPageWithoutRedirect(string redirectUri)
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);

        var response = await browser.GetAsync(flow.AuthorizeUrl(clientId: "spa", redirectUri: redirectUri));

        await ProtocolCalls.AssertErrorPageAsync(response, "invalid_request");
    }

    [Fact]
    public async Task Authorize_RedirectUriOfAnotherClient_ShowsErrorPageWithoutRedirect()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);

        var response = await browser.GetAsync(flow.AuthorizeUrl(clientId: "spa", redirectUri: TestTenants.WebRedirectUri));

        await ProtocolCalls.AssertErrorPageAsync(response, "invalid_request");
    }

    [Fact]
    public async Task Authorize_RegisteredRedirectUri_IsAcceptedAndLeadsToTheLoginPage()
    {
        // The control for the tests above: the same request with the registered address is accepted.
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);

        var response = await browser.GetAndFollowAsync(flow.AuthorizeUrl(clientId: "spa", redirectUri: TestTenants.SpaRedirectUri));

        Assert.True(ProtocolCalls.IsLoginPage(response, TestTenants.Acme), $"Expected the login page, got {(int)response.StatusCode} {ProtocolCalls.PagePath(response)}");
    }
}
