using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CiamServer.IntegrationTests.Passwordless;
using CiamServer.IntegrationTests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.IntegrationTests.Mfa;

[Trait("Category", "Mfa")]
public sealed class MfaSignInTests(MfaSignInFixture fixture) : IClassFixture<MfaSignInFixture>
{
    private const string Required = MfaSignInFixture.Required;

    private CiamTestServer Server => fixture.Server;

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    /// <summary>A new verified user of the tenant that has set up an authenticator app; returns its key.</summary>
    private async Task<(string Email, string Secret)> EnrolledUserAsync(string tenant = Required)
    {
        var email = AccountPages.UniqueEmail("mfa");
        await Server.CreateVerifiedUserAsync(tenant, email, TestTenants.Password);
        if (tenant != Required)
        {
            // Set up as from the account's security page (that page has its own tests).
            await using var scope = await Server.ForTenantAsync(tenant);
            var services = scope.ServiceProvider;
            var user = Assert.Single(await Server.UsersInAllTenantsAsync(email));
            var totp = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CiamServer.Mfa.Totp.TotpService>(services);
            var enrolment = await totp.BeginEnrolmentAsync(user, CancellationToken.None);
            Assert.True(await totp.ConfirmEnrolmentAsync(user, MfaChallengePages.CodeAt(enrolment.Secret, Now), CancellationToken.None));
            fixture.Clock.Advance(TimeSpan.FromSeconds(30));
            return (email, enrolment.Secret);
        }

        using var browser = Server.CreateBrowser();
        var challenge = await browser.FollowAsync(await MfaChallengePages.PasswordAsync(Server, browser, tenant, email));
        var secret = await MfaChallengePages.SecretOnPageAsync(challenge);
        var done = await MfaChallengePages.SubmitAsync(browser, challenge, "Enrol", MfaChallengePages.CodeAt(secret, Now));
        Assert.Equal(HttpStatusCode.SeeOther, done.StatusCode);
        // The next step's code is the first one the next sign-in may use.
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        return (email, secret);
    }

    [Fact]
    public async Task Required_UserWithoutAFactor_SetsUpAnAppAtSignIn_AndTheTokensSayMfa()
    {
        var email = AccountPages.UniqueEmail("enrol");
        await Server.CreateVerifiedUserAsync(Required, email, TestTenants.Password);
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Required);
        var login = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl()));
        var afterPassword = await browser.SubmitFormAsync(login, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestTenants.Password });
        Assert.True(MfaChallengePages.IsChallenge(browser, afterPassword));
        var enrolPage = await browser.FollowAsync(afterPassword);
        Assert.Contains("Set up two-step verification", await AccountPages.MainTextAsync(enrolPage), StringComparison.Ordinal);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, Required));

        var secret = await MfaChallengePages.SecretOnPageAsync(enrolPage);
        var callback = await browser.FollowAsync(await MfaChallengePages.SubmitAsync(browser, enrolPage, "Enrol", MfaChallengePages.CodeAt(secret, Now)));

        var tokens = await flow.RedeemAsync(flow.CallbackParameters(callback)["code"]);
        var idToken = new JsonWebToken(tokens["id_token"]!);
        Assert.Equal("2", idToken.GetPayloadValue<string>("acr"));
        Assert.Equal(["pwd", "otp", "mfa"], idToken.GetPayloadValue<string[]>("amr"));
    }

    [Fact]
    public async Task EnrolledUser_IsChallenged_WrongCodeRefused_RightCodeSignsIn_AndACodeWorksOnce()
    {
        var (email, secret) = await EnrolledUserAsync();
        using var browser = Server.CreateBrowser();
        var challenge = await browser.FollowAsync(await MfaChallengePages.PasswordAsync(Server, browser, Required, email));

        var wrong = await MfaChallengePages.SubmitAsync(browser, challenge, "Totp", MfaChallengePages.CodeAt(secret, Now) == "000000" ? "111111" : "000000");
        Assert.Equal("That code is not right. Try again.", await AccountPages.AlertAsync(wrong));
        var code = MfaChallengePages.CodeAt(secret, Now);
        Assert.Equal(HttpStatusCode.SeeOther, (await MfaChallengePages.SubmitAsync(browser, challenge, "Totp", code)).StatusCode);
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, Required));

        // The same code again, in its own 30 seconds, from another browser: refused (no replay).
        using var other = Server.CreateBrowser();
        var otherChallenge = await other.FollowAsync(await MfaChallengePages.PasswordAsync(Server, other, Required, email));
        var replay = await MfaChallengePages.SubmitAsync(other, otherChallenge, "Totp", code);
        Assert.Equal("That code is not right. Try again.", await AccountPages.AlertAsync(replay));
        Assert.False(await AccountPages.IsSignedInAsync(Server, other, Required));
    }

    [Fact]
    public async Task ChallengePage_WithoutAPendingSignIn_SendsToSignIn()
    {
        using var browser = Server.CreateBrowser();

        var page = await browser.GetAsync(Server.Url(Required, "account/mfa"));

        Assert.Equal(HttpStatusCode.SeeOther, page.StatusCode);
        Assert.Equal($"/t/{Required}/account/login", browser.Location(page).AbsolutePath);
    }

    [Fact]
    public async Task RememberThisDevice_SkipsTheChallengeNextTime_OnThatDeviceOnly()
    {
        var (email, secret) = await EnrolledUserAsync();
        using var browser = Server.CreateBrowser();
        var challenge = await browser.FollowAsync(await MfaChallengePages.PasswordAsync(Server, browser, Required, email));
        Assert.Equal(HttpStatusCode.SeeOther, (await MfaChallengePages.SubmitAsync(browser, challenge, "Totp", MfaChallengePages.CodeAt(secret, Now), remember: true)).StatusCode);

        var again = await MfaChallengePages.PasswordAsync(Server, browser, Required, email);
        Assert.False(MfaChallengePages.IsChallenge(browser, again));
        Assert.Equal($"/t/{Required}/account", browser.Location(again).AbsolutePath);

        using var other = Server.CreateBrowser();
        Assert.True(MfaChallengePages.IsChallenge(other, await MfaChallengePages.PasswordAsync(Server, other, Required, email)));

        fixture.Clock.Advance(TimeSpan.FromDays(31));
        Assert.True(MfaChallengePages.IsChallenge(browser, await MfaChallengePages.PasswordAsync(Server, browser, Required, email)));
    }

    [Fact]
    public async Task StepUp_ClientAsksForAcr2_SessionWithOneFactor_IsAskedForASecondStep()
    {
        // acme has MFA off and alice no factor: the step-up falls back to a code to her verified email.
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password);

        var authorize = await browser.GetAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["acr_values"] = "2" }));
        Assert.True(MfaChallengePages.IsChallenge(browser, authorize));
        var challenge = await browser.FollowAsync(authorize);
        Assert.Contains("The app you are signing in to asks for a second step.", await AccountPages.MainTextAsync(challenge), StringComparison.Ordinal);
        var sent = await browser.SubmitFormAsync(challenge, new Dictionary<string, string>(), "form:not([action*='handler='])", submitButton: "SendEmail");
        var code = PasswordlessPages.CodeIn(await PasswordlessPages.LatestEmailAsync(Server, "alice@example.com", "verification code"));
        var callback = await browser.FollowAsync(await MfaChallengePages.SubmitAsync(browser, sent, "OneTimeCode", code));

        var tokens = await flow.RedeemAsync(flow.CallbackParameters(callback)["code"]);
        var idToken = new JsonWebToken(tokens["id_token"]!);
        Assert.Equal("2", idToken.GetPayloadValue<string>("acr"));
        Assert.Contains("mfa", idToken.GetPayloadValue<string[]>("amr"));
    }

    [Fact]
    public async Task StepUp_WithAPasskeyAsTheSecondFactor_TokensSayPwdHwkMfa()
    {
        var email = AccountPages.UniqueEmail("keystep");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, email, TestTenants.Password);
        using var authenticator = new CiamServer.Testing.Passkeys.SoftwareAuthenticator();
        using (var setup = Server.CreateBrowser())
        {
            await AccountPages.SignInSuccessfullyAsync(Server, setup, TestTenants.Acme, email, TestTenants.Password);
            var (registered, json) = await new PasskeyHttp(Server, setup, TestTenants.Acme).RegisterAsync(authenticator);
            Assert.True(registered == HttpStatusCode.OK, json.ToString());
        }

        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, email, TestTenants.Password);
        var authorize = await browser.GetAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["acr_values"] = "2" }));
        Assert.True(MfaChallengePages.IsChallenge(browser, authorize));

        // The challenge page as the redirect names it (with the way back to the authorization request).
        var challengePage = browser.Location(authorize);
        var challenge = new Uri(challengePage.GetLeftPart(UriPartial.Path));
        var http = new PasskeyHttp(Server, browser, TestTenants.Acme);
        var token = await http.TokenAsync(challengePage);
        var (status, begun) = await http.PostAsync(challenge, "PasskeyOptions", new Dictionary<string, string>(), token);
        Assert.Equal(HttpStatusCode.OK, status);
        var (verified, done) = await http.PostAsync(challenge, "PasskeyVerify", new Dictionary<string, string>
        {
            ["state"] = begun.GetProperty("state").GetString()!,
            ["credential"] = authenticator.Assert(begun.GetProperty("options"), http.Origin),
        }, token);
        Assert.True(verified == HttpStatusCode.OK, done.ToString());

        var callback = await browser.FollowAsync(await browser.GetAsync(new Uri(Server.BaseAddress, done.GetProperty("redirect").GetString())));
        var tokens = await flow.RedeemAsync(flow.CallbackParameters(callback)["code"]);
        var idToken = new JsonWebToken(tokens["id_token"]!);
        Assert.Equal("2", idToken.GetPayloadValue<string>("acr"));
        Assert.Equal(["pwd", "hwk", "mfa"], idToken.GetPayloadValue<string[]>("amr"));
    }

    [Fact]
    public async Task Discovery_ListsTheAcrValuesClientsCanAskFor()
    {
        using var api = new OidcFlow(Server, Server.CreateBrowser(), TestTenants.Acme).ApiClient();
        var json = JsonDocument.Parse(await api.GetStringAsync(Server.Url(TestTenants.Acme, ".well-known/openid-configuration"))).RootElement;

        Assert.Equal(["1", "2"], json.GetProperty("acr_values_supported").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task StepUp_WithPromptNone_AnswersInteractionRequired()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        await AccountPages.SignInSuccessfullyAsync(Server, browser, TestTenants.Acme, "alice@example.com", TestTenants.Password);

        var answer = await browser.GetAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["acr_values"] = "2", ["prompt"] = "none" }));

        Assert.Equal("interaction_required", flow.CallbackParameters(answer)["error"]);
    }

    [Fact]
    public async Task RecoveryCode_StandsInForTheApp_Once()
    {
        var (email, _) = await EnrolledUserAsync();
        string[] codes;
        await using (var scope = await Server.ForTenantAsync(Required))
        {
            var user = Assert.Single(await Server.UsersInAllTenantsAsync(email));
            codes = [.. await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<CiamServer.Mfa.RecoveryCodes.RecoveryCodeService>(scope.ServiceProvider).GenerateAsync(user.Id, CancellationToken.None)];
        }

        using var browser = Server.CreateBrowser();
        var challenge = await browser.FollowAsync(await MfaChallengePages.PasswordAsync(Server, browser, Required, email));
        Assert.Equal(HttpStatusCode.SeeOther, (await MfaChallengePages.SubmitAsync(browser, challenge, "Recovery", codes[0].ToUpperInvariant())).StatusCode);

        using var other = Server.CreateBrowser();
        var otherChallenge = await other.FollowAsync(await MfaChallengePages.PasswordAsync(Server, other, Required, email));
        Assert.Equal("That code is not right. Try again.", await AccountPages.AlertAsync(await MfaChallengePages.SubmitAsync(other, otherChallenge, "Recovery", codes[0])));
    }

    [Fact]
    public async Task Adaptive_FamiliarDeviceSignsInDirectly_NewDeviceIsChallengedWithTheReason_AndAdminsSeeWhy()
    {
        var (email, secret) = await EnrolledUserAsync(MfaSignInFixture.Adaptive);
        using var familiar = Server.CreateBrowser();
        // First sign-in of this user on this device: no history to compare with, so no challenge.
        var first = await MfaChallengePages.PasswordAsync(Server, familiar, MfaSignInFixture.Adaptive, email);
        var second = await MfaChallengePages.PasswordAsync(Server, familiar, MfaSignInFixture.Adaptive, email);
        Assert.False(MfaChallengePages.IsChallenge(familiar, second), "A familiar device was challenged.");

        using var stranger = Server.CreateBrowser();
        var challenged = await MfaChallengePages.PasswordAsync(Server, stranger, MfaSignInFixture.Adaptive, email);
        Assert.True(MfaChallengePages.IsChallenge(stranger, challenged));
        var page = await stranger.FollowAsync(challenged);
        Assert.Contains("device", await AccountPages.MainTextAsync(page), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.SeeOther, (await MfaChallengePages.SubmitAsync(stranger, page, "Totp", MfaChallengePages.CodeAt(secret, Now))).StatusCode);

        using var admin = (await AdminClients.CreateAsync(new OidcFlow(Server, Server.CreateBrowser(), MfaSignInFixture.Adaptive), MfaSignInFixture.AdminSecret)).Client;
        var userId = Assert.Single(await Server.UsersInAllTenantsAsync(email)).Id;
        var list = await admin.GetAsync(Server.Url(MfaSignInFixture.Adaptive, $"admin/api/users/{userId}/sign-ins"));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var attempts = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement;
        var newest = attempts[0];
        Assert.Equal("step_up", newest.GetProperty("decision").GetString());
        Assert.Equal("succeeded", newest.GetProperty("outcome").GetString());
        Assert.True(newest.GetProperty("score").GetInt32() >= 10);
        Assert.NotEqual(0, newest.GetProperty("reasons").GetArrayLength());
        _ = first;
    }

    [Fact]
    public async Task DryRun_OfStricterThresholds_CountsWhatWouldChange_AndBadInputIsA400()
    {
        using var admin = (await AdminClients.CreateAsync(new OidcFlow(Server, Server.CreateBrowser(), MfaSignInFixture.Adaptive), MfaSignInFixture.AdminSecret)).Client;
        var url = Server.Url(MfaSignInFixture.Adaptive, "admin/api/risk/dry-run");

        var strict = await admin.PostAsJsonAsync(url, new { stepUpAt = 1, denyAt = 2, last = 1000 });
        Assert.Equal(HttpStatusCode.OK, strict.StatusCode);
        var result = JsonDocument.Parse(await strict.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(result.GetProperty("attempts").GetInt32(),
            result.GetProperty("withProposal").EnumerateObject().Sum(p => p.Value.GetInt32()));

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(url, new { stepUpAt = 50, denyAt = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync(url, new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }
}
