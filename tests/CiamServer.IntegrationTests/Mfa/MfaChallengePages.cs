using System.Net;
using CiamServer.IntegrationTests.Support;
using OtpNet;

namespace CiamServer.IntegrationTests.Mfa;

/// <summary>What a person does at the second step: read the key off the set-up page, type codes from an
/// authenticator app (computed here with Otp.NET on the server's clock).</summary>
internal static class MfaChallengePages
{
    /// <summary>Signs in with the password; returns the page the browser lands on (the challenge, or beyond).</summary>
    public static async Task<HttpResponseMessage> PasswordAsync(CiamTestServer server, BrowserLikeClient browser, string tenant, string email,
        string? returnUrl = null)
    {
        var response = await AccountPages.SignInAsync(server, browser, tenant, email, TestTenants.Password, returnUrl);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response;
    }

    public static bool IsChallenge(BrowserLikeClient browser, HttpResponseMessage response) =>
        BrowserLikeClient.IsRedirect(response) && browser.Location(response).AbsolutePath.EndsWith("/account/mfa", StringComparison.Ordinal);

    public static async Task<string> SecretOnPageAsync(HttpResponseMessage page)
    {
        var element = (await BrowserLikeClient.ParseAsync(page)).QuerySelector("[data-totp-secret]")
            ?? throw new InvalidOperationException("No key on the page: " + await AccountPages.MainTextAsync(page));
        return element.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    public static string CodeAt(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

    /// <summary>Submits the form of a handler (Totp, Recovery, Enrol, OneTimeCode) on the challenge page.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(BrowserLikeClient browser, HttpResponseMessage page, string handler, string code,
        bool remember = false)
    {
        var fields = new Dictionary<string, string> { ["Code"] = code };
        if (remember)
        {
            fields["RememberDevice"] = "true";
        }

        return await browser.SubmitFormAsync(page, fields, $"form[action*='handler={handler}']");
    }
}
