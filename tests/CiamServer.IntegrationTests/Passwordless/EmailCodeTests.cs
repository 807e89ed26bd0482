using System.Net;
using CiamServer.Core.Data;
using CiamServer.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.IntegrationTests.Passwordless;

[Trait("Category", "Passwordless")]
public sealed class EmailCodeTests(PasswordlessFixture fixture) : IClassFixture<PasswordlessFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task NewAddress_CodeFromTheEmail_CreatesAVerifiedAccountWithoutPasswordAndSignsIn()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("otp-new");

        var signedIn = await PasswordlessPages.SignInByEmailCodeAsync(Server, browser, TestTenants.Acme, email);

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        // A new account is offered a passkey before it goes on.
        Assert.Equal("/t/acme/account/passkeys/add", browser.Location(signedIn).AbsolutePath);
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
        var user = Assert.Single(await Server.UsersInAllTenantsAsync(email));
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
    }

    [Fact]
    public async Task ExistingAccount_CodeSignsInToIt_AndTheIdTokenSaysOtp()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var login = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl()));
        Assert.EndsWith("/account/login", login.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);

        var sent = await browser.SubmitFormAsync(login, new Dictionary<string, string> { ["Input.Email"] = "alice@example.com" }, submitButton: "Email");
        var codePage = await browser.FollowAsync(sent);
        var code = PasswordlessPages.CodeIn(await PasswordlessPages.LatestEmailAsync(Server, "alice@example.com"));
        var callback = await browser.FollowAsync(await PasswordlessPages.SubmitCodeAsync(browser, codePage, code));

        var tokens = await flow.RedeemAsync(flow.CallbackParameters(callback)["code"]);
        var idToken = new JsonWebToken(tokens["id_token"]!);
        Assert.Equal(["otp"], idToken.GetPayloadValue<string[]>("amr"));
        var alice = Assert.Single(await Server.UsersInAllTenantsAsync("alice@example.com"), u => u.Id.ToString() == idToken.Subject);
        Assert.NotNull(alice.PasswordHash);
    }

    [Fact]
    public async Task AddressWithAndWithoutAccount_GetTheSameAnswer()
    {
        using var browser = Server.CreateBrowser();

        var existing = await browser.FollowAsync(await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, "alice@example.com"));
        var missing = await browser.FollowAsync(await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, AccountPages.UniqueEmail("nobody")));

        Assert.Equal(existing.StatusCode, missing.StatusCode);
        // The same page but for the (masked) address itself.
        static string WithoutAddress(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\S+•+@example\.com", "X");
        Assert.Contains("•@example.com", await AccountPages.MainTextAsync(existing), StringComparison.Ordinal);
        Assert.Equal(WithoutAddress(await AccountPages.MainTextAsync(existing)), WithoutAddress(await AccountPages.MainTextAsync(missing)));
    }

    [Fact]
    public async Task Code_IsStoredOnlyAsAHash()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("hashed");
        await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, email);
        var code = PasswordlessPages.CodeIn(await PasswordlessPages.LatestEmailAsync(Server, email));

        await using var scope = await Server.ForTenantAsync(TestTenants.Acme);
        var row = await scope.ServiceProvider.GetRequiredService<CiamDbContext>().OneTimeCodes.SingleAsync(c => c.Recipient == email.ToUpperInvariant());
        Assert.Equal(64, row.CodeHash.Length);
        Assert.DoesNotContain(code, row.CodeHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_WorksOnce()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("once");
        var codePage = await browser.FollowAsync(await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, email));
        var code = PasswordlessPages.CodeIn(await PasswordlessPages.LatestEmailAsync(Server, email));

        Assert.Equal(HttpStatusCode.SeeOther, (await PasswordlessPages.SubmitCodeAsync(browser, codePage, code)).StatusCode);
        var again = await PasswordlessPages.SubmitCodeAsync(browser, codePage, code);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("This code can no longer be used. Ask for a new one.", await AccountPages.AlertAsync(again));
    }

    [Fact]
    public async Task FiveWrongTries_KillTheCode_EvenForTheRightOne()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("tries");
        var codePage = await browser.FollowAsync(await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, email));
        var code = PasswordlessPages.CodeIn(await PasswordlessPages.LatestEmailAsync(Server, email));
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 1; i <= 4; i++)
        {
            var answer = await PasswordlessPages.SubmitCodeAsync(browser, codePage, wrong);
            Assert.Equal("That code is not right. Check the message and try again.", await AccountPages.AlertAsync(answer));
        }

        var fifth = await PasswordlessPages.SubmitCodeAsync(browser, codePage, wrong);
        Assert.Equal("This code can no longer be used. Ask for a new one.", await AccountPages.AlertAsync(fifth));
        var right = await PasswordlessPages.SubmitCodeAsync(browser, codePage, code);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task Code_AfterTenMinutes_HasExpired()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("expiry");
        var codePage = await browser.FollowAsync(await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, email));
        var code = PasswordlessPages.CodeIn(await PasswordlessPages.LatestEmailAsync(Server, email));

        fixture.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var late = await PasswordlessPages.SubmitCodeAsync(browser, codePage, code);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal("This code can no longer be used. Ask for a new one.", await AccountPages.AlertAsync(late));
        Assert.Empty(await Server.UsersInAllTenantsAsync(email));
    }

    [Fact]
    public async Task CodePage_InAnotherBrowser_IsNotThere()
    {
        using var asker = Server.CreateBrowser();
        using var other = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("bound");
        var sent = await PasswordlessPages.RequestEmailCodeAsync(Server, asker, TestTenants.Acme, email);
        var codeUrl = asker.Location(sent);
        var code = PasswordlessPages.CodeIn(await PasswordlessPages.LatestEmailAsync(Server, email));

        var elsewhere = await other.GetAsync(codeUrl);
        Assert.Equal(HttpStatusCode.SeeOther, elsewhere.StatusCode);
        Assert.Equal("/t/acme/account/login", other.Location(elsewhere).AbsolutePath);

        // Posting the code from that browser (with its own antiforgery token) gets nowhere either.
        var otherLogin = await other.GetAsync(AccountPages.LoginUrl(Server, TestTenants.Acme));
        var token = (await BrowserLikeClient.ParseAsync(otherLogin)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await other.Http.PostAsync(codeUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Code"] = code,
        }));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal("/t/acme/account/login", other.Location(posted).AbsolutePath);
        Assert.Empty(await Server.UsersInAllTenantsAsync(email));
    }

    [Fact]
    public async Task CodeOfOneTenant_IsUnknownAtAnother()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("tenant");
        var sent = await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, email);
        var flow = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(browser.Location(sent).Query)["flow"].ToString();

        var atGlobex = await browser.GetAsync(Server.Url(TestTenants.Globex, "account/code?flow=" + flow));

        Assert.Equal(HttpStatusCode.SeeOther, atGlobex.StatusCode);
        Assert.Equal("/t/globex/account/login", browser.Location(atGlobex).AbsolutePath);
    }

    [Fact]
    public async Task MalformedInput_GetsFieldErrorsNotErrors()
    {
        using var browser = Server.CreateBrowser();
        var notAnEmail = await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, "not-an-email");
        Assert.Equal(HttpStatusCode.OK, notAnEmail.StatusCode);
        Assert.Equal("Enter a valid email address.", await AccountPages.FieldErrorAsync(notAnEmail, "Input.Email"));

        var email = AccountPages.UniqueEmail("malformed");
        var codePage = await browser.FollowAsync(await PasswordlessPages.RequestEmailCodeAsync(Server, browser, TestTenants.Acme, email));
        foreach (var bad in new[] { "12345", "abcdef", new string('9', 5000), "" })
        {
            var answer = await PasswordlessPages.SubmitCodeAsync(browser, codePage, bad);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.NotNull(await AccountPages.FieldErrorAsync(answer, "Code"));
        }

        var garbageFlow = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/code?flow=not-a-guid"));
        Assert.Equal(HttpStatusCode.SeeOther, garbageFlow.StatusCode);
    }

    [Fact]
    public async Task UnverifiedAccount_ProvenByCode_LosesThePasswordItsCreatorSet()
    {
        // Someone signed up with this address and a password of their choosing but never verified it.
        using var squatter = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("prehijack");
        Assert.Equal(HttpStatusCode.SeeOther, (await AccountPages.RegisterAsync(Server, squatter, TestTenants.Acme, email, TestTenants.Password)).StatusCode);

        using var owner = Server.CreateBrowser();
        var signedIn = await PasswordlessPages.SignInByEmailCodeAsync(Server, owner, TestTenants.Acme, email);

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        var user = Assert.Single(await Server.UsersInAllTenantsAsync(email));
        Assert.True(user.EmailConfirmed);
        Assert.Null(user.PasswordHash);
        var squatterSignIn = await AccountPages.SignInAsync(Server, squatter, TestTenants.Acme, email, TestTenants.Password);
        Assert.Equal(HttpStatusCode.OK, squatterSignIn.StatusCode);
    }

    [Fact]
    public async Task DisabledAccount_IsToldSoAfterProvingTheAddress()
    {
        var email = AccountPages.UniqueEmail("disabled");
        await Server.CreateVerifiedUserAsync(TestTenants.Acme, email, TestTenants.Password);
        await using (var scope = await Server.ForTenantAsync(TestTenants.Acme))
        {
            var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
            await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).ExecuteUpdateAsync(s => s.SetProperty(u => u.Disabled, true));
        }

        using var browser = Server.CreateBrowser();
        var answer = await PasswordlessPages.SignInByEmailCodeAsync(Server, browser, TestTenants.Acme, email);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("This account is disabled. Contact support if you think this is a mistake.", await AccountPages.AlertAsync(answer));
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, TestTenants.Acme));
    }

    [Fact]
    public async Task CodeOnlyTenant_SendsACodeAndNoLink()
    {
        using var browser = Server.CreateBrowser();
        var email = AccountPages.UniqueEmail("codeonly");
        var page = await browser.FollowAsync(await PasswordlessPages.RequestEmailCodeAsync(Server, browser, PasswordlessFixture.CodeOnly, email));

        var message = await PasswordlessPages.LatestEmailAsync(Server, email);
        Assert.True(PasswordlessPages.HasCode(message));
        Assert.DoesNotContain("magic-link", message.TextBody, StringComparison.Ordinal);
        Assert.NotNull((await BrowserLikeClient.ParseAsync(page)).QuerySelector("input[name=Code]"));
    }

    [Fact]
    public async Task PasswordOnlyTenant_RefusesEmailCodes()
    {
        using var browser = Server.CreateBrowser();
        var login = await browser.GetAsync(AccountPages.LoginUrl(Server, PasswordlessFixture.PasswordOnly));
        Assert.Null((await BrowserLikeClient.ParseAsync(login)).QuerySelector("button[formaction*='handler=Email']"));

        var token = (await BrowserLikeClient.ParseAsync(login)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await browser.Http.PostAsync(AccountPages.LoginUrl(Server, PasswordlessFixture.PasswordOnly) + "?handler=Email",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Email"] = "alice@example.com" }));
        Assert.Equal(HttpStatusCode.NotFound, forced.StatusCode);
    }
}
