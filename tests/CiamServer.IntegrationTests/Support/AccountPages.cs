using System.Net;
using AngleSharp.Html.Dom;

namespace CiamServer.IntegrationTests.Support;

/// <summary>What a person does on the hosted pages: sign in, sign up, follow an emailed link, and what
/// they see there (the page's main text, its alert, field errors).</summary>
internal static class AccountPages
{
    public static string UniqueEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public static string LoginUrl(CiamTestServer server, string tenant, string? returnUrl = null) =>
        server.Url(tenant, "account/login") + (returnUrl is null ? string.Empty : "?returnUrl=" + Uri.EscapeDataString(returnUrl));

    /// <summary>Fills in and submits the login form; the answer is a 303 on success, the page again otherwise.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(CiamTestServer server, BrowserLikeClient browser, string tenant,
        string email, string password, string? returnUrl = null)
    {
        var page = await browser.GetAsync(LoginUrl(server, tenant, returnUrl));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await browser.SubmitFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    public static async Task<HttpResponseMessage> RegisterAsync(CiamTestServer server, BrowserLikeClient browser, string tenant,
        string email, string password)
    {
        var page = await browser.GetAsync(server.Url(tenant, "account/register"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await browser.SubmitFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    /// <summary>Signs up and opens the verification link, so the account can sign in.</summary>
    public static async Task RegisterVerifiedAsync(CiamTestServer server, string tenant, string email, string password)
    {
        using var browser = server.CreateBrowser();
        var registered = await RegisterAsync(server, browser, tenant, email, password);
        Assert.Equal(HttpStatusCode.SeeOther, registered.StatusCode);
        var message = await server.Mailbox.WaitForAsync(email, "Verify your email");
        var verified = await browser.GetAsync(Mailbox.FirstLink(message));
        Assert.Contains("your email address is verified", await MainTextAsync(verified), StringComparison.Ordinal);
    }

    /// <summary>Signs in and checks that it worked (the answer redirects away from the login page).</summary>
    public static async Task SignInSuccessfullyAsync(CiamTestServer server, BrowserLikeClient browser, string tenant, string email, string password)
    {
        var response = await SignInAsync(server, browser, tenant, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"Sign-in of {email} failed: {await AlertAsync(response)}");
    }

    /// <summary>True when the browser's SSO cookie opens the tenant's account page; false when it is sent to sign in.</summary>
    public static async Task<bool> IsSignedInAsync(CiamTestServer server, BrowserLikeClient browser, string tenant)
    {
        var response = await browser.GetAsync(server.Url(tenant, "account"));
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return true;
        }

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/t/{tenant}/account/login", browser.Location(response).AbsolutePath);
        return false;
    }

    public static async Task<string> MainTextAsync(HttpResponseMessage response)
    {
        var document = await BrowserLikeClient.ParseAsync(response);
        return Normalize(document.QuerySelector("main")?.TextContent ?? document.Body?.TextContent ?? string.Empty);
    }

    /// <summary>The text of the page's alert (role=alert), or null when there is none.</summary>
    public static async Task<string?> AlertAsync(HttpResponseMessage response)
    {
        var document = await BrowserLikeClient.ParseAsync(response);
        var alerts = document.QuerySelectorAll("[role=alert]").Select(a => Normalize(a.TextContent)).Where(t => t.Length > 0).ToList();
        return alerts.Count == 0 ? null : string.Join(" | ", alerts);
    }

    /// <summary>The validation message shown next to a field (asp-validation-for).</summary>
    public static async Task<string?> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var document = await BrowserLikeClient.ParseAsync(response);
        return document.QuerySelector($"span[data-valmsg-for='{field}']") is IHtmlElement span && Normalize(span.TextContent) is { Length: > 0 } text
            ? text
            : null;
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
