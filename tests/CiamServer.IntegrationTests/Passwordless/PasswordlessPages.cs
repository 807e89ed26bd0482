using System.Net;
using System.Text.RegularExpressions;
using CiamServer.IntegrationTests.Support;
using MimeKit;

namespace CiamServer.IntegrationTests.Passwordless;

/// <summary>What a person does to sign in without a password: ask for a code, read it from the email or text
/// message, type it in or open the link.</summary>
internal static partial class PasswordlessPages
{
    /// <summary>"Email me a sign-in link/code" on the login page; a 303 to the code page when sent.</summary>
    public static async Task<HttpResponseMessage> RequestEmailCodeAsync(CiamTestServer server, BrowserLikeClient browser, string tenant,
        string email, string? returnUrl = null)
    {
        var page = await browser.GetAsync(AccountPages.LoginUrl(server, tenant, returnUrl));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await browser.SubmitFormAsync(page, new Dictionary<string, string> { ["Input.Email"] = email }, submitButton: "Email");
    }

    /// <summary>The newest sign-in email to the address, once every queued email has been written.</summary>
    public static async Task<MimeMessage> LatestEmailAsync(CiamTestServer server, string email, string subject = "Sign in to")
    {
        await server.EmailsSentAsync();
        return await server.Mailbox.WaitForAsync(email, subject);
    }

    public static string CodeIn(MimeMessage message) =>
        CodeAfterColon().Match(message.TextBody ?? string.Empty) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The message has no code: " + message.TextBody);

    public static bool HasCode(MimeMessage message) => CodeAfterColon().IsMatch(message.TextBody ?? string.Empty);

    /// <summary>Types the code into the code page the browser was sent to.</summary>
    public static async Task<HttpResponseMessage> SubmitCodeAsync(BrowserLikeClient browser, HttpResponseMessage codePage, string code) =>
        await browser.SubmitFormAsync(codePage, new Dictionary<string, string> { ["Code"] = code });

    /// <summary>Asks for an email code and types it in: the whole sign-in (or sign-up) by email code.</summary>
    public static async Task<HttpResponseMessage> SignInByEmailCodeAsync(CiamTestServer server, BrowserLikeClient browser, string tenant,
        string email, string? returnUrl = null)
    {
        var sent = await RequestEmailCodeAsync(server, browser, tenant, email, returnUrl);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var codePage = await browser.FollowAsync(sent);
        var code = CodeIn(await LatestEmailAsync(server, email));
        return await SubmitCodeAsync(browser, codePage, code);
    }

    // "Your code is: 123456" (a link token may hold six digits in a row too, never after ": ").
    [GeneratedRegex(@":\s(\d{6})\b")]
    private static partial Regex CodeAfterColon();
}
