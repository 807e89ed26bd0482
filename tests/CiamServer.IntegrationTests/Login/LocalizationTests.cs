using System.Net;
using System.Text.Json;
using CiamServer.IntegrationTests.Support;

namespace CiamServer.IntegrationTests.Login;

/// <summary>The hosted pages' language: ui_locales of the authorization request, then Accept-Language, then English.</summary>
[Trait("Category", "Login")]
public sealed class LocalizationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private CiamTestServer Server => fixture.Server;

    [Fact]
    public async Task AuthorizeWithUiLocalesFr_LoginPageInFrench()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);

        var page = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["ui_locales"] = "fr-CA en" })));

        Assert.EndsWith("/account/login", page.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var document = await BrowserLikeClient.ParseAsync(page);
        Assert.Equal("fr", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Se connecter", document.QuerySelector("h1")?.TextContent);
        Assert.Equal("Mot de passe", document.QuerySelector("label[for='Input_Password']")?.TextContent);
    }

    [Fact]
    public async Task UiLocalesFr_WrongPasswordAndLaterPagesOfTheFlow_StayInFrench()
    {
        using var browser = Server.CreateBrowser();
        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var login = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl(extra: new Dictionary<string, string> { ["ui_locales"] = "fr" })));

        var wrong = await browser.SubmitFormAsync(login, new Dictionary<string, string> { ["Input.Email"] = "alice@example.com", ["Input.Password"] = "not the password" });
        var empty = await browser.SubmitFormAsync(login, new Dictionary<string, string> { ["Input.Email"] = string.Empty, ["Input.Password"] = "x" });
        // A page of the same flow whose URL carries no ui_locales: the short-lived cookie keeps the language.
        var checkEmail = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/check-email"));

        Assert.Equal("L'e-mail ou le mot de passe est incorrect.", await AccountPages.AlertAsync(wrong));
        Assert.Equal("Saisissez votre adresse e-mail.", await AccountPages.FieldErrorAsync(empty, "Input.Email"));
        Assert.Equal("fr", (await BrowserLikeClient.ParseAsync(checkEmail)).DocumentElement.GetAttribute("lang"));
        Assert.Equal("Consultez vos e-mails", (await BrowserLikeClient.ParseAsync(checkEmail)).QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("fr-FR,fr;q=0.9,en;q=0.5")]
    [InlineData("de-DE, fr;q=0.8, en;q=0.7")]
    public async Task AcceptLanguageFr_LoginPageInFrench(string acceptLanguage)
    {
        using var browser = Server.CreateBrowser();
        browser.Http.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var document = await BrowserLikeClient.ParseAsync(await browser.GetAsync(Server.Url(TestTenants.Acme, "account/login")));

        Assert.Equal("fr", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Mot de passe oublié ?", document.QuerySelector("a[href*='forgot-password']")?.TextContent);
    }

    [Theory]
    [InlineData(null, "de-DE,de;q=0.9")]
    [InlineData("de", null)]
    [InlineData("xx-invalid", "ja")]
    [InlineData("en", "fr")]
    [InlineData(null, "fr;q=0")]
    public async Task UnsupportedOrEnglish_LoginPageInEnglish(string? uiLocales, string? acceptLanguage)
    {
        using var browser = Server.CreateBrowser();
        if (acceptLanguage is not null)
        {
            browser.Http.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        }

        var flow = new OidcFlow(Server, browser, TestTenants.Acme);
        var extra = uiLocales is null ? null : new Dictionary<string, string> { ["ui_locales"] = uiLocales };
        var page = await browser.FollowAsync(await browser.GetAsync(flow.AuthorizeUrl(extra: extra)));

        var document = await BrowserLikeClient.ParseAsync(page);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", document.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Discovery_ListsUiLocalesSupported()
    {
        using var browser = Server.CreateBrowser();

        var json = JsonDocument.Parse(await browser.Http.GetStringAsync(Server.Url(TestTenants.Acme, ".well-known/openid-configuration"))).RootElement;

        Assert.Equal(["en", "fr"], json.GetProperty("ui_locales_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task PasswordResetEmail_UiLocalesFr_WrittenInFrench()
    {
        using var browser = Server.CreateBrowser();
        browser.Http.DefaultRequestHeaders.Add("Accept-Language", "fr");
        var email = AccountPages.UniqueEmail("francoise");
        await AccountPages.RegisterVerifiedAsync(Server, TestTenants.Acme, email, TestTenants.Password);
        var form = await browser.GetAsync(Server.Url(TestTenants.Acme, "account/forgot-password"));

        await browser.SubmitFormAsync(form, new Dictionary<string, string> { ["Email"] = email });

        var message = await Server.Mailbox.WaitForAsync(email, "Réinitialiser votre mot de passe");
        Assert.Contains("Ouvrez ce lien pour choisir un nouveau mot de passe", message.TextBody, StringComparison.Ordinal);
    }
}
