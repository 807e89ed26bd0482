using System.Net;
using CiamServer.IntegrationTests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.IntegrationTests.Passwordless;

[Trait("Category", "Passwordless")]
public sealed class SmsCodeTests(PasswordlessFixture fixture) : IClassFixture<PasswordlessFixture>
{
    private const string Tenant = PasswordlessFixture.Phones;

    private CiamTestServer Server => fixture.Server;

    /// <summary>A valid, unused US number (555-01xx is reserved for fiction), in its E.164 form.</summary>
    private static string NewNumber() => $"+1201555{Random.Shared.Next(0, 10_000):D4}";

    private async Task<HttpResponseMessage> RequestCodeAsync(BrowserLikeClient browser, string typed)
    {
        var page = await browser.GetAsync(Server.Url(Tenant, "account/sms"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["PhoneNumber"] = typed });
    }

    private async Task<HttpResponseMessage> SignInAsync(BrowserLikeClient browser, string typed, string e164, int messageNumber = 1)
    {
        var sent = await RequestCodeAsync(browser, typed);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var codePage = await browser.FollowAsync(sent);
        var code = SmsBox.Code(await Server.SmsBox.WaitForAsync(e164, messageNumber));
        return await PasswordlessPages.SubmitCodeAsync(browser, codePage, code);
    }

    [Fact]
    public async Task NumberTypedLocally_IsSentTheCodeInE164_AndSignsUpWithAVerifiedPhone()
    {
        var e164 = NewNumber();
        var local = $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}";
        using var browser = Server.CreateBrowser();

        var signedIn = await SignInAsync(browser, local, e164);

        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.True(await AccountPages.IsSignedInAsync(Server, browser, Tenant));
        var message = Assert.Single(Server.SmsBox.To(e164));
        Assert.Contains("is your Phones Inc code", message, StringComparison.Ordinal);
        Assert.Contains("@localhost #", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameNumberAgain_SignsInToTheSameAccount_AndTokensSayOtpAndSms()
    {
        var e164 = NewNumber();
        using (var first = Server.CreateBrowser())
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await SignInAsync(first, e164, e164)).StatusCode);
        }

        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, Tenant);
        var login = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl(scope: "openid phone")));
        var smsLink = (await BrowserLikeClient.ParseAsync(login)).QuerySelectorAll("a").First(a => a.TextContent.Contains("Text me a code", StringComparison.Ordinal));
        var smsPage = await browser.GetAsync(new Uri(login.RequestMessage!.RequestUri!, smsLink.GetAttribute("href")));
        var sent = await browser.SubmitFormAsync(smsPage, new Dictionary<string, string> { ["PhoneNumber"] = e164 });
        var codePage = await browser.FollowAsync(sent);
        var code = SmsBox.Code(await Server.SmsBox.WaitForAsync(e164, 2));
        var callback = await browser.FollowAsync(await PasswordlessPages.SubmitCodeAsync(browser, codePage, code));

        var tokens = await flow.RedeemAsync(flow.CallbackParameters(callback)["code"]);
        var idToken = new JsonWebToken(tokens["id_token"]!);
        Assert.Equal(["otp", "sms"], idToken.GetPayloadValue<string[]>("amr"));
        Assert.Equal(e164, idToken.GetPayloadValue<string>("phone_number"));
        Assert.True(idToken.GetPayloadValue<bool>("phone_number_verified"));
    }

    [Fact]
    public async Task InvalidNumber_GetsAFieldError()
    {
        using var browser = Server.CreateBrowser();
        foreach (var typed in new[] { "12", "not a number", "+1 000 000 0000", new string('9', 60) })
        {
            var answer = await RequestCodeAsync(browser, typed);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.NotNull(await AccountPages.FieldErrorAsync(answer, "PhoneNumber"));
        }
    }

    [Fact]
    public async Task TenantWithoutTextMessages_HasNoSmsPage()
    {
        using var browser = Server.CreateBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(Server.Url(TestTenants.Acme, "account/sms"))).StatusCode);
        var login = await browser.GetAsync(AccountPages.LoginUrl(Server, TestTenants.Acme));
        Assert.DoesNotContain("Text me a code", await AccountPages.MainTextAsync(login), StringComparison.Ordinal);
        var phonesLogin = await browser.GetAsync(AccountPages.LoginUrl(Server, Tenant));
        Assert.Contains("Text me a code", await AccountPages.MainTextAsync(phonesLogin), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSmsCodes_CountAcrossNewCodes_UntilTheNumberIsPaused()
    {
        var e164 = NewNumber();
        using var browser = Server.CreateBrowser();
        var wrongTries = 0;
        string? lastAlert = null;
        for (var request = 1; request <= 2; request++)
        {
            var codePage = await browser.FollowAsync(await RequestCodeAsync(browser, e164));
            var code = SmsBox.Code(await Server.SmsBox.WaitForAsync(e164, request));
            var wrong = code == "000000" ? "111111" : "000000";
            for (var i = 0; i < 3; i++, wrongTries++)
            {
                lastAlert = await AccountPages.AlertAsync(await PasswordlessPages.SubmitCodeAsync(browser, codePage, wrong));
            }

            if (request == 2)
            {
                // Six wrong tries over two codes: the sign-in throttle (5 per account) pauses this number,
                // so even the right code of the new message is not checked.
                var right = await PasswordlessPages.SubmitCodeAsync(browser, codePage, code);
                Assert.Equal("Too many wrong codes. Wait a few minutes and try again.", await AccountPages.AlertAsync(right));
            }
        }

        Assert.Equal(6, wrongTries);
        Assert.Equal("Too many wrong codes. Wait a few minutes and try again.", lastAlert);
        Assert.False(await AccountPages.IsSignedInAsync(Server, browser, Tenant));
    }
}
