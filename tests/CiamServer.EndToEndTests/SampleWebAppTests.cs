using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using CiamServer.Core.Keys;
using CiamServer.Testing.Samples;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CiamServer.EndToEndTests;

/// <summary>The sample web app as a person uses it, through a cookie-keeping client without JavaScript:
/// sign in on the hosted pages, call the API with the access token, sign out everywhere.</summary>
[Trait("Category", "EndToEnd")]
public sealed class SampleWebAppTests(SampleStackFixture fixture) : IClassFixture<SampleStackFixture>
{
    private SampleStack Stack => fixture.Stack;

    [Fact]
    public async Task SignIn_CallApi_SignOut_ThroughTheHostedPages()
    {
        using var browser = Stack.Server.CreateBrowser();

        // The protected page sends the user to the tenant's login page.
        var page = await FollowAsync(browser, await browser.GetAsync(Stack.WebApp("/")));
        Assert.Equal(Stack.Server.Url(SampleStack.Tenant, "account/login").AbsolutePath, page.RequestMessage!.RequestUri!.AbsolutePath);

        page = await FollowAsync(browser, await browser.SubmitFormAsync(page,
            new Dictionary<string, string> { ["Input.Email"] = SampleStack.Email, ["Input.Password"] = SampleStack.Password }));
        Assert.EndsWith("/account/consent", page.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Use the demo API on your behalf", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Allow: the server answers with the form_post page, which a browser submits to the app.
        var formPost = await browser.SubmitFormAsync(page, new Dictionary<string, string>(), submitButton: "accept");
        Assert.True(formPost.StatusCode == HttpStatusCode.OK, $"{formPost.StatusCode} {formPost.Headers.Location}");
        var form = (await BrowserLikeClient.ParseAsync(formPost)).QuerySelector("form") as IHtmlFormElement;
        Assert.NotNull(form);
        Assert.Equal(Stack.WebApp("/signin-oidc"), new Uri(form.GetAttribute("action")!));
        Assert.NotNull(form.QuerySelector("input[name=code]"));
        AssertCspAllowsItsInlineScripts(formPost, await BrowserLikeClient.ParseAsync(formPost));

        page = await FollowAsync(browser, await browser.SubmitFormAsync(formPost, new Dictionary<string, string>()));
        Assert.Equal(Stack.WebApp("/"), page.RequestMessage!.RequestUri);
        var home = await BrowserLikeClient.ParseAsync(page);
        Assert.Equal(SampleStack.Email, home.QuerySelector("#user-email")?.TextContent);
        Assert.Equal("Carol Danvers", home.QuerySelector("#user-name")?.TextContent);

        // The app calls the API with the access token; the API says whose token it is.
        page = await browser.GetAsync(Stack.WebApp("/call-api"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var apiPage = await BrowserLikeClient.ParseAsync(page);
        Assert.Equal("200 OK", apiPage.QuerySelector("#api-status")?.TextContent);
        using var me = JsonDocument.Parse(apiPage.QuerySelector("#api-response")!.TextContent);
        Assert.Equal(await Stack.UserIdAsync(), me.RootElement.GetProperty("sub").GetString());
        Assert.Equal(SampleStack.ClientId, me.RootElement.GetProperty("client_id").GetString());
        Assert.Contains("demo.api", me.RootElement.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        // Sign out in the app: the server's end_session endpoint ends the session and sends the user back.
        page = await FollowAsync(browser, await browser.SubmitFormAsync(await browser.GetAsync(Stack.WebApp("/")),
            new Dictionary<string, string>(), formSelector: "form[method=post]"));
        Assert.Equal(Stack.WebApp("/signed-out"), page.RequestMessage!.RequestUri);

        // Signed out at both ends: the app asks the server again, and the server asks for a password again.
        page = await FollowAsync(browser, await browser.GetAsync(Stack.WebApp("/")));
        Assert.EndsWith("/account/login", page.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_RefusesRequestsWithoutAValidAccessToken()
    {
        using var client = new HttpClient(SampleStack.TrustingHandler()) { BaseAddress = Stack.ApiAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me")).StatusCode);

        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me")).StatusCode);
    }

    /// <summary>Tokens signed with the server's signing key (the fixed test key), issuer and audience right,
    /// so each case differs from a real access token only in what it tests: an ID token's typ is refused
    /// (401), and a token without the API's scope is authenticated but not allowed (403).</summary>
    [Theory]
    [InlineData("at+jwt", "openid demo.api", HttpStatusCode.OK)]
    [InlineData("JWT", "openid demo.api", HttpStatusCode.Unauthorized)]
    [InlineData("at+jwt", "openid profile", HttpStatusCode.Forbidden)]
    public async Task Api_AcceptsOnlyAccessTokensThatCarryItsScope(string type, string scope, HttpStatusCode expected)
    {
        using var client = new HttpClient(SampleStack.TrustingHandler()) { BaseAddress = Stack.ApiAddress };
        using var discovery = JsonDocument.Parse(await client.GetStringAsync(
            Stack.Server.Url(SampleStack.Tenant, ".well-known/openid-configuration")));
        using var key = new TestKeyMaterialFactory().CreateRsaKey(KeyUses.Signing);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = type,
            Issuer = discovery.RootElement.GetProperty("issuer").GetString(),
            Audience = "demo-api",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = "someone", ["client_id"] = SampleStack.ClientId, ["scope"] = scope },
            // Its own uncached provider: the process-wide cache is keyed by the key's thumbprint, which the
            // server's own signing key (same test key, same process) shares.
            SigningCredentials = new SigningCredentials(
                new RsaSecurityKey(key) { CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false } },
                SecurityAlgorithms.RsaSha256),
        });

        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var response = await client.GetAsync("/me");

        Assert.Equal(expected, response.StatusCode);
    }

    /// <summary>A browser runs the form_post page's auto-submit script only if the page's CSP allows it
    /// (by hash: script-src has no 'unsafe-inline'); otherwise the user is left on a blank page.</summary>
    private static void AssertCspAllowsItsInlineScripts(HttpResponseMessage response, IHtmlDocument page)
    {
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        var scripts = page.QuerySelectorAll("script").Where(s => !s.HasAttribute("src")).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script.TextContent)));
            Assert.Contains($"'sha256-{hash}'", scriptSrc, StringComparison.Ordinal);
        }
    }

    /// <summary>Follows redirects like a browser, across the server and the apps (all on this machine).</summary>
    private static async Task<HttpResponseMessage> FollowAsync(BrowserLikeClient browser, HttpResponseMessage response)
    {
        for (var i = 0; i < 15 && BrowserLikeClient.IsRedirect(response); i++)
        {
            var next = browser.Location(response);
            Assert.True(next.IsLoopback, $"Redirected off this machine: {next}");
            response = await browser.GetAsync(next);
        }

        return response;
    }
}
