using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace CiamServer.Testing;

/// <summary>Drives the authorization code flow as a relying party and a person would: PKCE, the hosted
/// login page, the consent page, then the code exchange. Each step is callable alone for error tests.</summary>
public sealed class OidcFlow(IServerEndpoints server, BrowserLikeClient browser, string tenant)
{
    public string CodeVerifier { get; } = Base64Url(RandomNumberGenerator.GetBytes(32));

    public string CodeChallenge => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));

    public string State { get; } = Base64Url(RandomNumberGenerator.GetBytes(16));

    public string Nonce { get; } = Base64Url(RandomNumberGenerator.GetBytes(16));

    public string AuthorizeUrl(string clientId = "web", string redirectUri = TestTenants.WebRedirectUri,
        string scope = "openid profile email offline_access", bool pkce = true, IDictionary<string, string>? extra = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = State,
            ["nonce"] = Nonce,
        };
        if (pkce)
        {
            query["code_challenge"] = CodeChallenge;
            query["code_challenge_method"] = "S256";
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            query[key] = value;
        }

        return QueryHelpers.AddQueryString(server.Url(tenant, "connect/authorize").ToString(), query);
    }

    /// <summary>Signs in on the hosted login page (from wherever the authorize request led) and returns
    /// the response that leaves the server: the redirect to the client.</summary>
    public async Task<HttpResponseMessage> AuthorizeAsync(string authorizeUrl, string email = "alice@example.com",
        string password = TestTenants.Password, bool consent = true)
    {
        var response = await browser.FollowAsync(await browser.GetAsync(authorizeUrl));
        if (response.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/account/login", StringComparison.Ordinal))
        {
            response = await browser.FollowAsync(await browser.SubmitFormAsync(response,
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }));
        }

        if (response.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/account/consent", StringComparison.Ordinal))
        {
            response = await browser.FollowAsync(await browser.SubmitFormAsync(response, new Dictionary<string, string>(),
                submitButton: consent ? "accept" : "deny"));
        }

        return response;
    }

    /// <summary>The parameters of the redirect back to the client (query of the Location header).</summary>
    public Dictionary<string, string> CallbackParameters(HttpResponseMessage response)
    {
        var location = browser.Location(response);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public async Task<string> SignInForCodeAsync(string clientId = "web", string scope = "openid profile email offline_access",
        string redirectUri = TestTenants.WebRedirectUri)
    {
        var response = await AuthorizeAsync(AuthorizeUrl(clientId, redirectUri, scope));
        var parameters = CallbackParameters(response);
        return parameters.TryGetValue("code", out var code)
            ? code
            : throw new InvalidOperationException("No code in the callback: " + browser.Location(response));
    }

    public async Task<TokenResponse> RedeemAsync(string code, string clientId = "web", string? secret = TestTenants.WebSecret,
        string redirectUri = TestTenants.WebRedirectUri, string? verifier = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = verifier ?? CodeVerifier,
        };
        if (secret is not null)
        {
            form["client_secret"] = secret;
        }

        return await TokenRequestAsync(form);
    }

    public Task<TokenResponse> RefreshAsync(string refreshToken, string clientId = "web", string? secret = TestTenants.WebSecret)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = clientId };
        if (secret is not null)
        {
            form["client_secret"] = secret;
        }

        return TokenRequestAsync(form);
    }

    public async Task<TokenResponse> TokenRequestAsync(IDictionary<string, string> form)
    {
        using var api = ApiClient();
        var response = await api.PostAsync(server.Url(tenant, "connect/token"), new FormUrlEncodedContent(form));
        var json = await response.Content.ReadAsStringAsync();
        return new TokenResponse(response.StatusCode, json.Length > 0 && json[0] == '{' ? JsonDocument.Parse(json).RootElement : default, response);
    }

    /// <summary>A plain API client (no cookies) trusting the test certificate.</summary>
    public HttpClient ApiClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, c, _, _) =>
            TestCertificate.Validate(c as System.Security.Cryptography.X509Certificates.X509Certificate2) },
    });

    private static string Base64Url(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);
}

public sealed record TokenResponse(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Response)
{
    public string? this[string name] => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) ? value.ToString() : null;

    public string? Error => this["error"];

    public string AccessToken => this["access_token"] ?? throw new InvalidOperationException($"No access token: {Status} {Json}");
}
