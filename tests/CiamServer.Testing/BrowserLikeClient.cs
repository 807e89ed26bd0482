using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace CiamServer.Testing;

/// <summary>An HttpClient that behaves like a browser without JavaScript: keeps cookies, asks for HTML,
/// lets the test follow or stop at each redirect, and fills in and submits forms (antiforgery included).</summary>
public sealed class BrowserLikeClient : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public BrowserLikeClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                TestCertificate.Validate(certificate as System.Security.Cryptography.X509Certificates.X509Certificate2) },
        };
        Http = new HttpClient(handler) { BaseAddress = baseAddress };
        Http.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml");
        Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) CiamServerTests/1.0");
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public Task<HttpResponseMessage> GetAsync(Uri url) => Http.GetAsync(url);

    /// <summary>Follows redirects within the server (and stops at the first one that leaves it).</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response, int maxRedirects = 10)
    {
        for (var i = 0; i < maxRedirects && IsRedirect(response) && IsLocal(Location(response)); i++)
        {
            response = await Http.GetAsync(Location(response));
        }

        return response;
    }

    public async Task<HttpResponseMessage> GetAndFollowAsync(string url) => await FollowAsync(await GetAsync(url));

    public static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    public Uri Location(HttpResponseMessage response) =>
        response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location))
            : throw new InvalidOperationException($"The response ({(int)response.StatusCode}) has no Location header.");

    public bool IsLocal(Uri uri) => uri.Authority == Http.BaseAddress!.Authority;

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Submits the page's form (the first one, or the one matched by a CSS selector) with fields
    /// set as given, keeping hidden fields such as the antiforgery token. A submit button's name and
    /// value are sent when <paramref name="submitButton"/> names one; a button of a named page handler
    /// (<c>formaction="...?handler=Email"</c>) is named by the handler.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(HttpResponseMessage page, IDictionary<string, string> fields,
        string formSelector = "form", string? submitButton = null)
    {
        var document = await ParseAsync(page);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.RequestMessage?.RequestUri}: {document.Title}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input"))
        {
            var name = input.GetAttribute("name");
            var type = input.GetAttribute("type") ?? "text";
            if (name is null || fields.ContainsKey(name) || (type == "checkbox" && !input.HasAttribute("checked")))
            {
                continue;
            }

            values.Add(new(name, input.GetAttribute("value") ?? string.Empty));
        }

        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        var action = form.GetAttribute("action");
        if (submitButton is not null && form.QuerySelector($"button[value='{submitButton}']") is { } button)
        {
            values.Add(new(button.GetAttribute("name")!, submitButton));
        }
        else if (submitButton is not null && form.QuerySelector($"button[formaction*='handler={submitButton}']") is { } handlerButton)
        {
            // A Razor Pages named handler (asp-page-handler): the button posts to its own formaction.
            action = handlerButton.GetAttribute("formaction");
        }

        var target = string.IsNullOrEmpty(action) ? page.RequestMessage!.RequestUri! : new Uri(page.RequestMessage!.RequestUri!, action);
        return await Http.PostAsync(target, new FormUrlEncodedContent(values));
    }

    public void Dispose() => Http.Dispose();
}
