using System.Net;
using System.Text;
using System.Text.Json;
using CiamServer.Core.Data;
using CiamServer.IntegrationTests.Support;
using CiamServer.Testing.Passkeys;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.IntegrationTests.Passwordless;

/// <summary>Passkeys over real HTTP with a software authenticator: registration from the account page,
/// sign-in (discoverable, through a code flow), and the checks that refuse replays, phishing origins,
/// cloned authenticators, other tenants' credentials and unattested authenticators where attestation is required.</summary>
[Trait("Category", "Passwordless")]
public sealed class PasskeyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Theory]
    [InlineData(false, "hwk")]
    [InlineData(true, "swk")]
    public async Task RegisterThenSignInThroughCodeFlow_IdTokenAmrSaysKeyKindAndMfa(bool synced, string keyMethod)
    {
        using var authenticator = new SoftwareAuthenticator { BackupEligible = synced };
        await RegisteredUserAsync(TestTenants.Acme, authenticator);

        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var login = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl()));
        Assert.EndsWith("/account/login", login.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var returnUrl = QueryHelpers.ParseQuery(login.RequestMessage.RequestUri.Query)
            .Single(p => p.Key.Equals("returnUrl", StringComparison.OrdinalIgnoreCase)).Value.ToString();

        var (status, json) = await new PasskeyHttp(Server, browser, TestTenants.Acme).SignInAsync(authenticator, returnUrl);

        Assert.Equal(HttpStatusCode.OK, status);
        var redirect = json.GetProperty("redirect").GetString()!;
        Assert.Equal(returnUrl, redirect);
        var callback = await browser.FollowAsync(await browser.GetAsync(new Uri(Server.BaseAddress, redirect)));
        var tokens = await flow.RedeemAsync(flow.CallbackParameters(callback)["code"]);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var amr = Payload(tokens["id_token"]!).GetProperty("amr").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal([keyMethod, "mfa"], amr);
    }

    [Fact]
    public async Task AccountPausedByWrongPasswords_CanStillSignInWithItsPasskey()
    {
        // Brute force cannot lock the owner out: the pause stops passwords and codes, not a passkey.
        using var authenticator = new SoftwareAuthenticator();
        var email = await RegisteredUserAsync(TestTenants.Acme, authenticator);
        using var attacker = Server.CreateBrowser();
        for (var i = 0; i < 6; i++)
        {
            await AccountPages.SignInAsync(Server, attacker, TestTenants.Acme, email, "wrong guess " + i);
        }

        using var owner = Server.CreateBrowser();
        var withPassword = await AccountPages.SignInAsync(Server, owner, TestTenants.Acme, email, TestTenants.Password);
        Assert.Equal("Too many attempts. Wait a few minutes and try again, or reset your password.", await AccountPages.AlertAsync(withPassword));

        var (status, _) = await new PasskeyHttp(Server, owner, TestTenants.Acme).SignInAsync(authenticator);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(await AccountPages.IsSignedInAsync(Server, owner, TestTenants.Acme));
    }

    [Fact]
    public async Task Register_StoresCredentialWithUserHandleCounterTransportsAndFlags()
    {
        using var authenticator = new SoftwareAuthenticator { BackupEligible = true, Counter = 7 };
        var email = await RegisteredUserAsync(TestTenants.Acme, authenticator);

        var stored = await CredentialAsync(authenticator);
        Assert.Equal(authenticator.UserHandle, stored.UserHandle);
        Assert.Equal(7u, stored.SignCount);
        Assert.Equal("internal", stored.Transports);
        Assert.Equal("none", stored.AttestationFormat);
        Assert.True(stored.IsBackupEligible);
        Assert.True(stored.IsBackedUp);
        Assert.Equal(Guid.Empty, stored.AaGuid);
        Assert.Null(stored.LastUsedAt);
        Assert.NotNull(email);
    }

    [Fact]
    public async Task SignIn_UpdatesCounterAndLastUsed_GoesToAccountByDefault()
    {
        using var authenticator = new SoftwareAuthenticator();
        await RegisteredUserAsync(TestTenants.Acme, authenticator);
        using var browser = Server.CreateBrowser();

        var (status, json) = await new PasskeyHttp(Server, browser, TestTenants.Acme).SignInAsync(authenticator);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("/t/acme/account", json.GetProperty("redirect").GetString());
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
        var stored = await CredentialAsync(authenticator);
        Assert.Equal(authenticator.Counter, stored.SignCount);
        Assert.NotNull(stored.LastUsedAt);
    }

    [Fact]
    public async Task SignIn_ReplayedAnswer_Refused()
    {
        using var authenticator = new SoftwareAuthenticator();
        await RegisteredUserAsync(TestTenants.Acme, authenticator);
        using var browser = Server.CreateBrowser();
        var http = new PasskeyHttp(Server, browser, TestTenants.Acme);
        var (options, state, token) = await http.SignInOptionsAsync();
        var answer = authenticator.Assert(options, http.Origin);

        var first = await http.VerifyAsync(state, answer, token);
        using var attacker = Server.CreateBrowser();
        var attackerHttp = new PasskeyHttp(Server, attacker, TestTenants.Acme);
        var replay = await attackerHttp.VerifyAsync(state, answer, await attackerHttp.TokenAsync(attackerHttp.SignInPage));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal("The passkey request has expired. Try again.", replay.Json.GetProperty("error").GetString());
        Assert.False(await AccountPages.IsSignedInAsync(Server, attacker, TestTenants.Acme));
    }

    [Theory]
    [InlineData("https://phishing.example", null)]
    [InlineData(null, "phishing.example")]
    public async Task SignIn_WrongOriginOrRelyingPartyId_Refused(string? origin, string? rpId)
    {
        using var authenticator = new SoftwareAuthenticator();
        await RegisteredUserAsync(TestTenants.Acme, authenticator);
        authenticator.RelyingPartyIdOverride = rpId;
        using var browser = Server.CreateBrowser();

        var (status, json) = await new PasskeyHttp(Server, browser, TestTenants.Acme).SignInAsync(authenticator, origin: origin);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("This passkey is not recognised", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task Register_WrongOrigin_Refused()
    {
        using var authenticator = new SoftwareAuthenticator();
        var email = await PasskeyTestData.ImportUserAsync(Server, TestTenants.Acme);
        using var browser = await SignedInAsync(TestTenants.Acme, email);

        var (status, _) = await new PasskeyHttp(Server, browser, TestTenants.Acme).RegisterAsync(authenticator, "https://phishing.example");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(0, await PasskeyCountAsync(email));
    }

    [Fact]
    public async Task SignIn_CounterGoesBackwards_RefusedAsPossibleClone()
    {
        using var authenticator = new SoftwareAuthenticator { Counter = 10 };
        await RegisteredUserAsync(TestTenants.Acme, authenticator);
        using var browser = Server.CreateBrowser();
        var http = new PasskeyHttp(Server, browser, TestTenants.Acme);
        Assert.Equal(HttpStatusCode.OK, (await http.SignInAsync(authenticator)).Status);

        authenticator.Counter = 5;
        using var clone = Server.CreateBrowser();
        var (status, _) = await new PasskeyHttp(Server, clone, TestTenants.Acme).SignInAsync(authenticator);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(await AccountPages.IsSignedInAsync(Server, clone, TestTenants.Acme));
        Assert.Equal(11u, (await CredentialAsync(authenticator)).SignCount);
    }

    [Fact]
    public async Task SignIn_AuthenticatorWithoutCounter_SignsInEveryTime()
    {
        using var authenticator = new SoftwareAuthenticator { CountsSignatures = false };
        await RegisteredUserAsync(TestTenants.Acme, authenticator);

        for (var i = 0; i < 2; i++)
        {
            using var browser = Server.CreateBrowser();
            Assert.Equal(HttpStatusCode.OK, (await new PasskeyHttp(Server, browser, TestTenants.Acme).SignInAsync(authenticator)).Status);
        }
    }

    [Fact]
    public async Task SignIn_AnotherTenantsCredential_Refused()
    {
        using var authenticator = new SoftwareAuthenticator();
        await RegisteredUserAsync(TestTenants.Acme, authenticator);
        using var browser = Server.CreateBrowser();

        var (status, json) = await new PasskeyHttp(Server, browser, TestTenants.Globex).SignInAsync(authenticator);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("This passkey is not recognised", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Globex));
    }

    [Fact]
    public async Task SignIn_DisabledUser_SameAnswerAsUnknownCredential()
    {
        using var authenticator = new SoftwareAuthenticator();
        var email = await RegisteredUserAsync(TestTenants.Acme, authenticator);
        await PasskeyTestData.UpdateUserAsync(Server, TestTenants.Acme, email, u => u.Disabled = true);
        using var unknown = new SoftwareAuthenticator { UserHandle = authenticator.UserHandle };
        using var browser = Server.CreateBrowser();
        var http = new PasskeyHttp(Server, browser, TestTenants.Acme);

        var disabled = await http.SignInAsync(authenticator);
        var notRegistered = await http.SignInAsync(unknown);

        Assert.Equal(HttpStatusCode.BadRequest, disabled.Status);
        Assert.Equal(notRegistered.Status, disabled.Status);
        Assert.Equal(notRegistered.Json.GetProperty("error").GetString(), disabled.Json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Register_TenantRequiresAttestation_RefusesNone()
    {
        const string tenant = "pk-attested";
        var email = await PasskeyTestData.ImportUserAsync(Server, tenant, "Attested Inc");
        await PasskeyTestData.SetSignInPolicyAsync(Server, tenant, p => p.RequirePasskeyAttestation = true);
        using var browser = await SignedInAsync(tenant, email);
        using var authenticator = new SoftwareAuthenticator();
        var http = new PasskeyHttp(Server, browser, tenant);
        var (_, begun) = await http.PostAsync(http.AccountPage, "Options", new Dictionary<string, string>());
        Assert.Equal("direct", begun.GetProperty("options").GetProperty("attestation").GetString());

        var (status, json) = await http.RegisterAsync(authenticator);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("does not show which device made it", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await PasskeyCountAsync(email));
    }

    [Fact]
    public async Task RegistrationOptions_ResidentKeyAndUserVerificationRequired_ExistingCredentialsExcluded()
    {
        using var authenticator = new SoftwareAuthenticator();
        var email = await RegisteredUserAsync(TestTenants.Acme, authenticator);
        using var browser = await SignedInAsync(TestTenants.Acme, email);
        var http = new PasskeyHttp(Server, browser, TestTenants.Acme);

        var (_, begun) = await http.PostAsync(http.AccountPage, "Options", new Dictionary<string, string>());

        var options = begun.GetProperty("options");
        Assert.Equal("required", options.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString());
        Assert.Equal("required", options.GetProperty("authenticatorSelection").GetProperty("userVerification").GetString());
        Assert.Equal("none", options.GetProperty("attestation").GetString());
        Assert.Equal("Acme Corp", options.GetProperty("rp").GetProperty("name").GetString());
        Assert.Equal("localhost", options.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal([-7, -257, -8], options.GetProperty("pubKeyCredParams").EnumerateArray().Select(p => p.GetProperty("alg").GetInt32()));
        Assert.Equal(WebEncoders.Base64UrlEncode(authenticator.CredentialId),
            options.GetProperty("excludeCredentials").EnumerateArray().Single().GetProperty("id").GetString());
        Assert.True(WebEncoders.Base64UrlDecode(options.GetProperty("challenge").GetString()!).Length >= 16);
    }

    [Fact]
    public async Task Delete_LastWayToSignIn_Refused()
    {
        using var authenticator = new SoftwareAuthenticator();
        var email = await RegisteredUserAsync(TestTenants.Acme, authenticator);
        using var browser = await SignedInAsync(TestTenants.Acme, email);
        // A passkey-only account: no password, no verified email to receive a code.
        await PasskeyTestData.UpdateUserAsync(Server, TestTenants.Acme, email, u =>
        {
            u.PasswordHash = null;
            u.EmailConfirmed = false;
        });

        var response = await DeleteAsync(browser, await CredentialAsync(authenticator));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PasskeysLastMethod, await AccountPages.AlertAsync(response));
        Assert.Equal(1, await PasskeyCountAsync(email));
    }

    [Fact]
    public async Task RenameThenDelete_WithAnotherWayToSignIn_Works()
    {
        using var authenticator = new SoftwareAuthenticator();
        var email = await RegisteredUserAsync(TestTenants.Acme, authenticator);
        using var browser = await SignedInAsync(TestTenants.Acme, email);
        var credential = await CredentialAsync(authenticator);

        var page = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/passkeys"));
        var renamed = await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["name"] = "Work laptop" },
            $"form:has(input[value='{credential.Id}'])[action*='Rename']");
        Assert.Contains("Work laptop", await AccountPages.MainTextAsync(renamed), StringComparison.Ordinal);
        Assert.Equal("Work laptop", (await CredentialAsync(authenticator)).Name);

        var deleted = await DeleteAsync(browser, credential);

        Assert.Contains("The passkey has been deleted", await AccountPages.MainTextAsync(deleted), StringComparison.Ordinal);
        Assert.Equal(0, await PasskeyCountAsync(email));
    }

    [Fact]
    public async Task AddOrDelete_SignedInLongAgo_AskedToSignInAgain()
    {
        using var authenticator = new SoftwareAuthenticator();
        var email = await RegisteredUserAsync(TestTenants.Acme, authenticator);
        using var browser = await SignedInAsync(TestTenants.Acme, email);
        await AgeSessionsAsync(email, TimeSpan.FromMinutes(20));
        var http = new PasskeyHttp(Server, browser, TestTenants.Acme);

        var (status, json) = await http.PostAsync(http.AccountPage, "Options", new Dictionary<string, string>());
        var deleted = await DeleteAsync(browser, await CredentialAsync(authenticator));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("/t/acme/account/login?returnUrl=%2Ft%2Facme%2Faccount%2Fpasskeys", json.GetProperty("signInUrl").GetString());
        Assert.Equal("For your security, sign in again before adding or deleting a passkey.", await AccountPages.AlertAsync(deleted));
        Assert.Equal(1, await PasskeyCountAsync(email));
    }

    [Fact]
    public async Task AddPrompt_ShowsButtonAndNotNowToSafeReturnUrl()
    {
        var email = await PasskeyTestData.ImportUserAsync(Server, TestTenants.Acme);
        using var browser = await SignedInAsync(TestTenants.Acme, email);

        var safe = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/passkeys/add?returnUrl=%2Ft%2Facme%2Faccount%2Fsessions"));
        var unsafeTarget = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/passkeys/add?returnUrl=https%3A%2F%2Fevil.example%2F"));

        var document = await BrowserLikeClient.ParseAsync(safe);
        Assert.NotNull(document.QuerySelector("[data-passkey-register] button"));
        Assert.Equal("/t/acme/account/sessions", document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Not now").GetAttribute("href"));
        Assert.Equal("/t/acme/account", (await BrowserLikeClient.ParseAsync(unsafeTarget)).QuerySelectorAll("a")
            .Single(a => a.TextContent.Trim() == "Not now").GetAttribute("href"));
    }

    [Fact]
    public async Task PasskeysOffForTenant_NoSignInNoAdding_ButTheUserCanStillSeeAndDeleteTheirs()
    {
        const string tenant = "pk-off";
        using var authenticator = new SoftwareAuthenticator();
        var email = await RegisteredUserAsync(tenant, authenticator);
        await PasskeyTestData.SetSignInPolicyAsync(Server, tenant, p => p.Passkey = false);
        using var browser = await SignedInAsync(tenant, email);
        // Antiforgery tokens carry the user: one from a signed-in page for the account page, one from an
        // anonymous page for the sign-in endpoint.
        var signedInToken = await new PasskeyHttp(Server, browser, tenant).TokenAsync(Server.Url(tenant, "account/passkeys"));
        var anonymousToken = await new PasskeyHttp(Server, browser, TestTenants.Acme).TokenAsync(Server.Url(TestTenants.Acme, "account/passkey"));

        foreach (var path in new[] { "account/passkey", "account/passkeys/add" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(Server.Url(tenant, path))).StatusCode);
        }

        foreach (var (path, handler) in new[] { ("account/passkey", "Options"), ("account/passkeys", "Options"), ("account/passkeys", "Register") })
        {
            var post = await browser.Http.PostAsync(Server.Url(tenant, $"{path}?handler={handler}"),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = path == "account/passkey" ? anonymousToken : signedInToken }));
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"{path} {handler}: {post.StatusCode}");
        }

        var page = await browser.GetAsync(Server.Url(tenant, "account/passkeys"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await BrowserLikeClient.ParseAsync(page);
        Assert.Null(document.QuerySelector("[data-passkey-register]"));
        Assert.Contains("You can delete the ones you have.", await AccountPages.MainTextAsync(page), StringComparison.Ordinal);
        var account = await browser.GetAsync(Server.Url(tenant, "account"));
        Assert.NotNull((await BrowserLikeClient.ParseAsync(account)).QuerySelector("a[href$='/account/passkeys']"));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"id\": 5, \"rawId\": [1,2,3], \"response\": \"x\"}")]
    [InlineData("{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"!!\",\"authenticatorData\":\"AA\",\"signature\":\"AA\"}}")]
    [InlineData("{\"id\":\"AA\",\"rawId\":\"AA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\",\"authenticatorData\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"signature\":\"AA\"}}")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task SignIn_MalformedAnswer_Is400Json(string credential)
    {
        using var browser = Server.CreateBrowser();
        var http = new PasskeyHttp(Server, browser, TestTenants.Acme);
        var (_, state, token) = await http.SignInOptionsAsync();

        var (status, json) = await http.VerifyAsync(state, credential, token);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("", "{}")]
    [InlineData("not-a-protected-state", "{}")]
    public async Task SignIn_MissingOrForgedState_Is400Json(string state, string credential)
    {
        using var browser = Server.CreateBrowser();
        var http = new PasskeyHttp(Server, browser, TestTenants.Acme);

        var (status, json) = await http.VerifyAsync(state, credential, await http.TokenAsync(http.SignInPage));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The passkey request has expired. Try again.", json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task SignIn_RegistrationStateUsedForSignIn_Refused()
    {
        using var authenticator = new SoftwareAuthenticator();
        var email = await PasskeyTestData.ImportUserAsync(Server, TestTenants.Acme);
        using var browser = await SignedInAsync(TestTenants.Acme, email);
        var http = new PasskeyHttp(Server, browser, TestTenants.Acme);
        var (_, begun) = await http.PostAsync(http.AccountPage, "Options", new Dictionary<string, string>());

        var (status, _) = await http.VerifyAsync(begun.GetProperty("state").GetString()!, "{}", await http.TokenAsync(http.SignInPage));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task SignIn_HugeBody_RefusedWithoutServerError()
    {
        using var browser = Server.CreateBrowser();
        var http = new PasskeyHttp(Server, browser, TestTenants.Acme);
        var (_, state, token) = await http.SignInOptionsAsync();

        var huge = await http.VerifyAsync(state, new string('x', 1_000_000), token);
        var large = await http.VerifyAsync(state, "{\"id\":\"" + new string('A', 60_000) + "\"}", token);

        Assert.True((int)huge.Status is 400 or 413, $"Got {huge.Status}");
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.False(string.IsNullOrEmpty(large.Json.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Verify_WithoutAntiforgeryToken_Refused()
    {
        using var browser = Server.CreateBrowser();
        await browser.GetAsync(Server.Url(TestTenants.Acme, "account/passkey"));

        var response = await browser.Http.PostAsync(Server.Url(TestTenants.Acme, "account/passkey?handler=Options"),
            new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private const string PasskeysLastMethod =
        "You cannot delete this passkey: it is the only way you can sign in. Add another passkey or another way to sign in first.";

    /// <summary>A new user who signed in with their password and registered the authenticator's passkey.</summary>
    private async Task<string> RegisteredUserAsync(string tenant, SoftwareAuthenticator authenticator)
    {
        var email = await PasskeyTestData.ImportUserAsync(Server, tenant);
        using var browser = await SignedInAsync(tenant, email);
        var (status, json) = await new PasskeyHttp(Server, browser, tenant).RegisterAsync(authenticator);
        Assert.True(status == HttpStatusCode.OK, $"Registration failed: {status} {json}");
        Assert.Equal($"/t/{tenant}/account/passkeys?added=true", json.GetProperty("redirect").GetString());
        return email;
    }

    private async Task<BrowserLikeClient> SignedInAsync(string tenant, string email)
    {
        var browser = Server.CreateBrowser();
        await AccountPages.SignInSuccessfullyAsync(Server, browser, tenant, email, TestTenants.Password);
        return browser;
    }

    private async Task<HttpResponseMessage> DeleteAsync(BrowserLikeClient browser, Core.Passwordless.PasskeyCredential credential)
    {
        var page = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/passkeys"));
        return await browser.SubmitFormAsync(page, new Dictionary<string, string>(),
            $"form:has(input[value='{credential.Id}'])[action*='Delete']");
    }

    private async Task<Core.Passwordless.PasskeyCredential> CredentialAsync(SoftwareAuthenticator authenticator)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        return await db.PasskeyCredentials.IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.CredentialId == authenticator.CredentialId);
    }

    private async Task<int> PasskeyCountAsync(string email)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var userId = await db.Users.IgnoreQueryFilters().Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        return await db.PasskeyCredentials.IgnoreQueryFilters().CountAsync(c => c.UserId == userId);
    }

    private async Task AgeSessionsAsync(string email, TimeSpan age)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
        var userId = await db.Users.IgnoreQueryFilters().Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
        var createdAt = DateTime.UtcNow - age;
        await db.Sessions.IgnoreQueryFilters().Where(s => s.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.CreatedAt, createdAt));
    }

    private static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(jwt.Split('.')[1]))).RootElement;
}
