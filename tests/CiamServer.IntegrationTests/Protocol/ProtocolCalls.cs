using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.IntegrationTests.Protocol;

/// <summary>Small helpers the protocol tests share: reading redirects and pages, calling the JSON endpoints
/// as an API would (no cookies, JSON accepted), and getting a signed-in browser or a set of tokens.</summary>
internal static class ProtocolCalls
{
    public const string Alice = "alice@example.com";

    /// <summary>A plain API client (no cookies, no redirects) trusting the test certificate.</summary>
    public static HttpClient ApiClient()
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, c, _, _) => TestCertificate.Validate(c as X509Certificate2) },
        });
        client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        return client;
    }

    /// <summary>The parameters of a redirect, from its query and its fragment (response_type=token answers in the fragment).</summary>
    public static Dictionary<string, string> RedirectParameters(Uri location)
    {
        var parameters = QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        if (location.Fragment.Length > 1)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(location.Fragment[1..]))
            {
                parameters[key] = value.ToString();
            }
        }

        return parameters;
    }

    /// <summary>The Location header without its query and fragment: where a redirect really goes.</summary>
    public static string RedirectTarget(Uri location) => location.GetLeftPart(UriPartial.Path);

    /// <summary>The path of the page a response shows (after redirects were followed), relative to the tenant.</summary>
    public static string PagePath(HttpResponseMessage response) => response.RequestMessage!.RequestUri!.AbsolutePath;

    public static bool IsLoginPage(HttpResponseMessage response, string tenant) =>
        response.StatusCode == HttpStatusCode.OK && PagePath(response) == $"/t/{tenant}/account/login";

    public static bool IsConsentPage(HttpResponseMessage response, string tenant) =>
        response.StatusCode == HttpStatusCode.OK && PagePath(response) == $"/t/{tenant}/account/consent";

    public static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response) => await BrowserLikeClient.ParseAsync(response);

    /// <summary>The error page for a request that cannot go back to the client: 400, HTML, no Location, no way
    /// onward to another site; its developer detail names the error (and, when given, a parameter).</summary>
    public static async Task AssertErrorPageAsync(HttpResponseMessage response, string? error = null, string? detailContains = null)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
            $"Expected the error page (400), got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await PageAsync(response);
        Assert.Contains("not valid", page.Title, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.QuerySelectorAll("meta[http-equiv='refresh' i]"));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href], form[action]"), element =>
            (element.GetAttribute("href") ?? element.GetAttribute("action"))!.Contains("//", StringComparison.Ordinal));
        var detail = page.QuerySelector("code")?.TextContent ?? string.Empty;
        if (error is not null)
        {
            Assert.StartsWith(error + ":", detail, StringComparison.Ordinal);
        }

        if (detailContains is not null)
        {
            Assert.Contains(detailContains, detail, StringComparison.Ordinal);
        }
    }

    /// <summary>Adds a verified user (password <see cref="TestTenants.Password"/>) to one standard tenant, by importing
    /// that tenant's standard document again with the user added; re-importing the rest changes nothing.
    /// Tests that leave state on a user (remembered consent) use their own user so they stay independent.</summary>
    public static async Task<string> ImportUserAsync(CiamTestServer server, string tenant, string? email = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var displayName = tenant == TestTenants.Acme ? "Acme Corp" : "Globex";
        var user = $$"""
            { "email": "{{email}}", "password": "{{TestTenants.Password}}", "emailVerified": true, "givenName": "Test", "familyName": "User" },
            """;
        var document = TestTenants.Tenant(tenant, displayName);
        Assert.Contains("\"users\": [", document, StringComparison.Ordinal);
        await server.ImportAsync($$"""{ "tenants": [ {{document.Replace("\"users\": [", "\"users\": [ " + user, StringComparison.Ordinal)}} ] }""");
        return email;
    }

    /// <summary>A browser with an SSO session in the tenant (signed in through a code flow of "web").</summary>
    public static async Task<BrowserLikeClient> SignedInBrowserAsync(CiamTestServer server, string tenant, string email = Alice)
    {
        var browser = server.CreateBrowser();
        var flow = new OidcFlow(server, browser, tenant);
        var response = await flow.AuthorizeAsync(flow.AuthorizeUrl(), email);
        Assert.True(flow.CallbackParameters(response).ContainsKey("code"), "Signing in did not give a code: " + browser.Location(response));
        return browser;
    }

    /// <summary>A new browser holding copies of another browser's cookies: replays an old SSO cookie after the
    /// original browser was signed out, to show the server ended the session and not just the cookie.</summary>
    public static BrowserLikeClient BrowserWithCookiesOf(CiamTestServer server, BrowserLikeClient original)
    {
        var browser = server.CreateBrowser();
        foreach (var cookie in original.Cookies.GetAllCookies().Cast<Cookie>())
        {
            browser.Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain) { Secure = cookie.Secure, HttpOnly = cookie.HttpOnly });
        }

        return browser;
    }

    /// <summary>Signs alice in with a new browser and redeems the code for "web" (refresh token included).</summary>
    public static async Task<TokenResponse> TokensAsync(CiamTestServer server, string tenant,
        string scope = "openid profile email offline_access orders.read")
    {
        using var browser = server.CreateBrowser();
        var flow = new OidcFlow(server, browser, tenant);
        var tokens = await flow.RedeemAsync(await flow.SignInForCodeAsync(scope: scope));
        Assert.True(tokens.Status == HttpStatusCode.OK, $"Redeeming the code failed: {tokens.Status} {tokens.Json}");
        return tokens;
    }

    /// <summary>An RP-initiated logout request (OIDC RP-Initiated Logout 1.0 section 2).</summary>
    public static string EndSessionUrl(CiamTestServer server, string tenant, string? idTokenHint, string? postLogoutRedirectUri,
        string? state, string? clientId = null) =>
        QueryHelpers.AddQueryString(server.Url(tenant, "connect/endsession").ToString(), new Dictionary<string, string?>
        {
            ["id_token_hint"] = idTokenHint,
            ["post_logout_redirect_uri"] = postLogoutRedirectUri,
            ["state"] = state,
            ["client_id"] = clientId,
        }.Where(p => p.Value is not null));

    public static async Task<JsonElement> IntrospectAsync(CiamTestServer server, string tenant, string token,
        string clientId = "orders-api", string secret = TestTenants.ApiSecret)
    {
        using var api = ApiClient();
        var response = await api.PostAsync(server.Url(tenant, "connect/introspect"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["token"] = token,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Introspection answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static bool IsActive(JsonElement introspection) =>
        introspection.TryGetProperty("active", out var active) && active.ValueKind == JsonValueKind.True;

    /// <summary>Calls userinfo with a bearer token (none when null), by GET or by POST.</summary>
    public static async Task<HttpResponseMessage> UserInfoAsync(CiamTestServer server, string tenant, string? accessToken, bool post = false)
    {
        using var api = ApiClient();
        using var request = new HttpRequestMessage(post ? HttpMethod.Post : HttpMethod.Get, server.Url(tenant, "connect/userinfo"));
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (post)
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        var response = await api.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>A claim of a JWT (access or ID token), read without validation: the tests check what was issued.</summary>
    public static string? Claim(string jwt, string type) =>
        new JsonWebToken(jwt).Claims.FirstOrDefault(c => c.Type == type)?.Value;
}
