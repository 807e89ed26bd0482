using System.Net;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>Authorization requests the server must refuse even from a signed-in user (who would otherwise get
/// a code at once): no PKCE for a public client, plain PKCE, duplicated parameters, implicit or hybrid
/// response types, oversized values.</summary>
[Trait("Category", "Protocol")]
public sealed class AuthorizeRequestValidationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Tenant = TestTenants.Acme;

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Authorize_PublicClientWithoutCodeChallenge_ShowsInvalidRequestPageWithoutCode()
    {
        // OpenIddict checks PKCE before it has validated redirect_uri, so the refusal is the error page
        // (no redirect), which also means no code.
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await browser.GetAsync(flow.AuthorizeUrl("spa", TestTenants.SpaRedirectUri, "openid", pkce: false));

        await ProtocolCalls.AssertErrorPageAsync(response, "invalid_request", "code_challenge");
    }

    [Fact]
    public async Task Authorize_PublicClientWithCodeChallenge_IssuesCode()
    {
        // The control for the refusals: the same signed-in browser and client, with S256.
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await browser.GetAsync(flow.AuthorizeUrl("spa", TestTenants.SpaRedirectUri, "openid"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(TestTenants.SpaRedirectUri, ProtocolCalls.RedirectTarget(browser.Location(response)));
        Assert.True(ProtocolCalls.RedirectParameters(browser.Location(response)).ContainsKey("code"));
    }

    [Theory]
    [InlineData("spa", "plain")]
    [InlineData("web", "plain")]
    [InlineData("spa", "S512")]
    [InlineData("spa", "s256")]
    public async Task Authorize_CodeChallengeMethodOtherThanS256_ShowsInvalidRequestPageWithoutCode(string clientId, string method)
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);
        var redirectUri = clientId == "spa" ? TestTenants.SpaRedirectUri : TestTenants.WebRedirectUri;

        var response = await browser.GetAsync(flow.AuthorizeUrl(clientId, redirectUri, "openid",
            extra: new Dictionary<string, string> { ["code_challenge"] = flow.CodeVerifier, ["code_challenge_method"] = method }));

        await ProtocolCalls.AssertErrorPageAsync(response, "invalid_request", "code_challenge_method");
    }

    [Fact]
    public async Task Authorize_CodeChallengeWithoutMethod_ShowsInvalidRequestPageWithoutCode()
    {
        // Without a method the challenge would mean "plain" (RFC 7636 4.3), which this server does not accept.
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);
        var url = flow.AuthorizeUrl("spa", TestTenants.SpaRedirectUri, "openid", pkce: false,
            extra: new Dictionary<string, string> { ["code_challenge"] = flow.CodeChallenge });

        var response = await browser.GetAsync(url);

        await ProtocolCalls.AssertErrorPageAsync(response, "invalid_request", "code_challenge_method");
    }

    [Theory]
    [InlineData("client_id", "web")]
    [InlineData("client_id", "spa")]
    [InlineData("redirect_uri", TestTenants.WebRedirectUri)]
    [InlineData("redirect_uri", "https://evil.example/callback")]
    public async Task Authorize_DuplicateClientIdOrRedirectUri_ShowsErrorPageWithoutRedirect(string parameter, string secondValue)
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await browser.GetAsync(flow.AuthorizeUrl("web", scope: "openid") + $"&{parameter}={Uri.EscapeDataString(secondValue)}");

        await ProtocolCalls.AssertErrorPageAsync(response, "invalid_request", $"'{parameter}'");
    }

    [Theory]
    [InlineData("response_type", null, "code")]
    [InlineData("scope", null, "openid profile email")]
    [InlineData("scope", null, "openid")]
    [InlineData("state", null, "another-state")]
    [InlineData("nonce", null, "another-nonce")]
    [InlineData("code_challenge", null, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("code_challenge_method", null, "S256")]
    [InlineData("prompt", "login", "none")]
    [InlineData("max_age", "0", "3600")]
    [InlineData("login_hint", "alice@example.com", "bob@example.com")]
    public async Task Authorize_DuplicateParameter_ShowsInvalidRequestPageWithoutCode(string parameter, string? firstValue, string secondValue)
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);
        var extra = firstValue is null ? null : new Dictionary<string, string> { [parameter] = firstValue };

        var response = await browser.GetAsync(flow.AuthorizeUrl("web", scope: "openid", extra: extra)
            + $"&{parameter}={Uri.EscapeDataString(secondValue)}");

        await ProtocolCalls.AssertErrorPageAsync(response, "invalid_request", $"'{parameter}'");
    }

    [Theory]
    [InlineData("token")]
    [InlineData("id_token")]
    [InlineData("id_token token")]
    [InlineData("code token")]
    [InlineData("code id_token")]
    [InlineData("code id_token token")]
    [InlineData("none")]
    public async Task Authorize_ImplicitOrHybridResponseType_ShowsUnsupportedResponseTypePage(string responseType)
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await browser.GetAsync(flow.AuthorizeUrl("web", scope: "openid",
            extra: new Dictionary<string, string> { ["response_type"] = responseType }));

        await ProtocolCalls.AssertErrorPageAsync(response, "unsupported_response_type");
    }

    [Theory]
    [InlineData("state")]
    [InlineData("nonce")]
    public async Task Authorize_OversizedParameterInQuery_UriTooLong414(string parameter)
    {
        // Kestrel refuses request lines over 8 KB itself. 16 KB rather than 100 KB: Kestrel answers and closes
        // the connection as soon as the limit is passed, and a client still writing 100 KB gets a broken pipe
        // instead of the answer (the form test below sends 100 KB in a body, which the server reads).
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await browser.GetAsync(flow.AuthorizeUrl("web", scope: "openid",
            extra: new Dictionary<string, string> { [parameter] = new string('a', 16 * 1024) }));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("state")]
    [InlineData("nonce")]
    public async Task Authorize_OversizedParameterInForm_ShowsInvalidRequestPage(string parameter)
    {
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);

        var response = await PostAuthorizeAsync(browser, parameter, new string('a', 100 * 1024));

        await ProtocolCalls.AssertErrorPageAsync(response, "invalid_request", $"'{parameter}'");
    }

    [Fact]
    public async Task Authorize_StateOf4096CharactersInForm_IssuesCodeAndEchoesState()
    {
        // The control for the limit: a long but bounded state is still fine.
        using var browser = await ProtocolCalls.SignedInBrowserAsync(Server, Tenant);
        var state = new string('s', 4096);

        var response = await PostAuthorizeAsync(browser, "state", state);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var parameters = ProtocolCalls.RedirectParameters(browser.Location(response));
        Assert.True(parameters.ContainsKey("code"));
        Assert.Equal(state, parameters.GetValueOrDefault("state"));
    }

    /// <summary>POSTs a valid authorization request for "web" (form_post of the request is allowed, OIDC Core 3.1.2.1)
    /// with one parameter set to the given value.</summary>
    private async Task<HttpResponseMessage> PostAuthorizeAsync(BrowserLikeClient browser, string parameter, string value)
    {
        var flow = new OidcFlow(Server, browser, Tenant);
        var form = new Dictionary<string, string>
        {
            ["client_id"] = "web",
            ["redirect_uri"] = TestTenants.WebRedirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid",
            ["state"] = flow.State,
            ["nonce"] = flow.Nonce,
            ["code_challenge"] = flow.CodeChallenge,
            ["code_challenge_method"] = "S256",
        };
        form[parameter] = value;
        return await browser.Http.PostAsync(Server.Url(Tenant, "connect/authorize"), new FormUrlEncodedContent(form));
    }
}
