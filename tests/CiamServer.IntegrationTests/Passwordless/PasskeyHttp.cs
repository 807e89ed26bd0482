using System.Net;
using System.Text.Json;
using CiamServer.Testing.Passkeys;

namespace CiamServer.IntegrationTests.Passwordless;

/// <summary>What passkeys.js does, over HTTP: read the antiforgery token from the page, post for options,
/// let an authenticator answer, post the answer.</summary>
internal sealed class PasskeyHttp(CiamTestServer server, BrowserLikeClient browser, string tenant)
{
    public string Origin => server.BaseAddress.GetLeftPart(UriPartial.Authority);

    public Uri AccountPage => server.Url(tenant, "account/passkeys");

    public Uri SignInPage => server.Url(tenant, "account/passkey");

    public async Task<string> TokenAsync(Uri page)
    {
        var response = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await BrowserLikeClient.ParseAsync(response);
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on " + page);
    }

    public async Task<(HttpStatusCode Status, JsonElement Json)> PostAsync(Uri page, string handler, IDictionary<string, string> fields,
        string? token = null)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token ?? await TokenAsync(page) };
        var response = await browser.Http.PostAsync(page + "?handler=" + handler, new FormUrlEncodedContent(form));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.StartsWith('{') ? JsonDocument.Parse(text).RootElement : default);
    }

    /// <summary>Registers the authenticator's credential from the account page; the JSON answer of the last step.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Json)> RegisterAsync(SoftwareAuthenticator authenticator, string? origin = null)
    {
        var token = await TokenAsync(AccountPage);
        var (status, begun) = await PostAsync(AccountPage, "Options", new Dictionary<string, string>(), token);
        Assert.True(status == HttpStatusCode.OK, $"Registration options: {status} {begun}");
        var credential = authenticator.Register(begun.GetProperty("options"), origin ?? Origin);
        return await PostAsync(AccountPage, "Register", new Dictionary<string, string>
        {
            ["state"] = begun.GetProperty("state").GetString()!,
            ["credential"] = credential,
        }, token);
    }

    /// <summary>Options for a passkey sign-in: the options JSON and the state.</summary>
    public async Task<(JsonElement Options, string State, string Token)> SignInOptionsAsync()
    {
        var token = await TokenAsync(SignInPage);
        var (status, begun) = await PostAsync(SignInPage, "Options", new Dictionary<string, string>(), token);
        Assert.True(status == HttpStatusCode.OK, $"Sign-in options: {status} {begun}");
        return (begun.GetProperty("options"), begun.GetProperty("state").GetString()!, token);
    }

    public Task<(HttpStatusCode Status, JsonElement Json)> VerifyAsync(string state, string credential, string token, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["state"] = state, ["credential"] = credential };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return PostAsync(SignInPage, "Verify", fields, token);
    }

    /// <summary>A whole passkey sign-in; the JSON answer.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Json)> SignInAsync(SoftwareAuthenticator authenticator, string? returnUrl = null,
        string? origin = null)
    {
        var (options, state, token) = await SignInOptionsAsync();
        return await VerifyAsync(state, authenticator.Assert(options, origin ?? Origin), token, returnUrl);
    }
}
