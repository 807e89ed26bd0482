using System.Net;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>The consent page of a client that requires consent ("third-party"). Each test signs in its own
/// user, because a remembered consent stays with the user.</summary>
[Trait("Category", "Protocol")]
public sealed class ConsentTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Tenant = TestTenants.Acme;
    private const string Scope = "openid profile email";

    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task Authorize_ConsentRequiredClient_ShowsScopesInPlainWords()
    {
        using var browser = await SignedInNewUserAsync();
        var flow = new OidcFlow(Server, browser, Tenant);

        var page = await browser.GetAndFollowAsync(flow.AuthorizeUrl("third-party", scope: Scope));

        Assert.True(ProtocolCalls.IsConsentPage(page, Tenant), "Expected the consent page, got " + ProtocolCalls.PagePath(page));
        var document = await ProtocolCalls.PageAsync(page);
        Assert.Contains("Partner App", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var items = document.QuerySelectorAll("ul.scopes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["Know who you are when you sign in", "See your name", "See your email address"], items);
    }

    [Fact]
    public async Task Consent_Denied_RedirectsAccessDeniedWithoutCode()
    {
        using var browser = await SignedInNewUserAsync();
        var flow = new OidcFlow(Server, browser, Tenant);
        var page = await browser.GetAndFollowAsync(flow.AuthorizeUrl("third-party", scope: Scope));

        var response = await browser.SubmitFormAsync(page, new Dictionary<string, string>(), submitButton: "deny");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = browser.Location(response);
        Assert.Equal(TestTenants.WebRedirectUri, ProtocolCalls.RedirectTarget(location));
        var parameters = ProtocolCalls.RedirectParameters(location);
        Assert.Equal("access_denied", parameters.GetValueOrDefault("error"));
        Assert.Equal(flow.State, parameters.GetValueOrDefault("state"));
        Assert.Equal(Server.Issuer(Tenant), parameters.GetValueOrDefault("iss"));
        Assert.False(parameters.ContainsKey("code"));
    }

    [Fact]
    public async Task Consent_AcceptedAndRemembered_NextAuthorizeSkipsConsent()
    {
        using var browser = await SignedInNewUserAsync();
        var first = new OidcFlow(Server, browser, Tenant);
        var page = await browser.GetAndFollowAsync(first.AuthorizeUrl("third-party", scope: Scope));
        var accepted = await browser.SubmitFormAsync(page, new Dictionary<string, string>(), submitButton: "accept");
        var code = first.CallbackParameters(accepted)["code"];
        Assert.Equal(HttpStatusCode.OK, (await first.RedeemAsync(code, clientId: "third-party")).Status);

        var second = new OidcFlow(Server, browser, Tenant);
        var response = await browser.GetAsync(second.AuthorizeUrl("third-party", scope: Scope));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(TestTenants.WebRedirectUri, ProtocolCalls.RedirectTarget(browser.Location(response)));
        Assert.True(second.CallbackParameters(response).ContainsKey("code"));
    }

    [Fact]
    public async Task Consent_AcceptedWithoutRemember_NextAuthorizeAsksAgain()
    {
        using var browser = await SignedInNewUserAsync();
        var first = new OidcFlow(Server, browser, Tenant);
        var page = await browser.GetAndFollowAsync(first.AuthorizeUrl("third-party", scope: Scope));
        var accepted = await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["ciam_remember"] = "false" }, submitButton: "accept");
        Assert.True(first.CallbackParameters(accepted).ContainsKey("code"));

        var second = new OidcFlow(Server, browser, Tenant);
        var again = await browser.GetAndFollowAsync(second.AuthorizeUrl("third-party", scope: Scope));

        Assert.True(ProtocolCalls.IsConsentPage(again, Tenant), "Expected the consent page again, got " + ProtocolCalls.PagePath(again));
    }

    [Fact]
    public async Task PromptNone_ConsentRequiredClientWithoutRememberedConsent_RedirectsConsentRequired()
    {
        using var browser = await SignedInNewUserAsync();
        var flow = new OidcFlow(Server, browser, Tenant);

        var response = await browser.GetAsync(flow.AuthorizeUrl("third-party", scope: Scope,
            extra: new Dictionary<string, string> { ["prompt"] = "none" }));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var parameters = ProtocolCalls.RedirectParameters(browser.Location(response));
        Assert.Equal("consent_required", parameters.GetValueOrDefault("error"));
        Assert.False(parameters.ContainsKey("code"));
    }

    [Fact]
    public async Task PromptConsent_WithRememberedConsent_ShowsConsentPageAgain()
    {
        using var browser = await SignedInNewUserAsync();
        var first = new OidcFlow(Server, browser, Tenant);
        var page = await browser.GetAndFollowAsync(first.AuthorizeUrl("third-party", scope: Scope));
        var accepted = await browser.SubmitFormAsync(page, new Dictionary<string, string>(), submitButton: "accept");
        Assert.True(first.CallbackParameters(accepted).ContainsKey("code"));

        var second = new OidcFlow(Server, browser, Tenant);
        var again = await browser.GetAndFollowAsync(second.AuthorizeUrl("third-party", scope: Scope,
            extra: new Dictionary<string, string> { ["prompt"] = "consent" }));

        Assert.True(ProtocolCalls.IsConsentPage(again, Tenant), "prompt=consent did not show the consent page: " + ProtocolCalls.PagePath(again));
    }

    [Fact]
    public async Task PromptConsent_ClientWithoutConsentRequired_ShowsConsentPageThenIssuesCode()
    {
        using var browser = await SignedInNewUserAsync();
        var flow = new OidcFlow(Server, browser, Tenant);

        var page = await browser.GetAndFollowAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["prompt"] = "consent" }));

        Assert.True(ProtocolCalls.IsConsentPage(page, Tenant), "prompt=consent did not show the consent page: " + ProtocolCalls.PagePath(page));
        var accepted = await browser.SubmitFormAsync(page, new Dictionary<string, string>(), submitButton: "accept");
        Assert.True(flow.CallbackParameters(accepted).ContainsKey("code"));
        var withoutPrompt = await browser.GetAsync(new OidcFlow(Server, browser, Tenant).AuthorizeUrl());
        Assert.True(flow.CallbackParameters(withoutPrompt).ContainsKey("code"), "a first-party client asks for consent only when prompted");
    }

    [Fact]
    public async Task Consent_PostedWithoutAntiforgeryToken_IsNotTakenAsConsent()
    {
        // A page on another site could post "accept" to the authorization endpoint: without the antiforgery
        // token of the consent page, the post is not a decision and the user is asked.
        using var browser = await SignedInNewUserAsync();
        var flow = new OidcFlow(Server, browser, Tenant);
        var form = new Dictionary<string, string>
        {
            ["client_id"] = "third-party",
            ["redirect_uri"] = TestTenants.WebRedirectUri,
            ["response_type"] = "code",
            ["scope"] = Scope,
            ["state"] = flow.State,
            ["code_challenge"] = flow.CodeChallenge,
            ["code_challenge_method"] = "S256",
            ["ciam_consent"] = "accept",
            ["ciam_remember"] = "true",
        };

        var response = await browser.FollowAsync(await browser.Http.PostAsync(Server.Url(Tenant, "connect/authorize"), new FormUrlEncodedContent(form)));

        Assert.True(ProtocolCalls.IsConsentPage(response, Tenant), "A forged consent was accepted: " + response.Headers.Location);
    }

    private async Task<BrowserLikeClient> SignedInNewUserAsync() =>
        await ProtocolCalls.SignedInBrowserAsync(Server, Tenant, await ProtocolCalls.ImportUserAsync(Server, Tenant));
}
