using System.Globalization;
using CiamServer.Core.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CiamServer.Login.Localization;

/// <summary>The language of a hosted page, in this order: the OIDC <c>ui_locales</c> of the authorization request
/// (on the page's own query, or inside its returnUrl, which is how the login page receives it; then remembered in a
/// short-lived cookie for the later pages of the same flow), the browser's Accept-Language, then English.
/// Only <see cref="Supported"/> languages are ever chosen.</summary>
internal static class LoginCultures
{
    public const string Default = HostedPageLanguages.Default;

    public static IReadOnlyList<string> Supported => HostedPageLanguages.Supported;

    /// <summary>How long a ui_locales choice outlives its request: the length of a sign-in flow, not a preference.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromHours(1);

    private const string UiLocales = "ui_locales";

    /// <summary>The language the request asks for, and whether it came from ui_locales (then it is remembered).</summary>
    public static (string Culture, bool FromUiLocales) Choose(HttpRequest request, string cookieName)
    {
        if (FromUiLocales(request) is { } asked)
        {
            return (asked, true);
        }

        if (request.Cookies[cookieName] is { } remembered && Supported.Contains(remembered))
        {
            return (remembered, false);
        }

        return (FromAcceptLanguage(request) ?? Default, false);
    }

    /// <summary>The first supported language of ui_locales ("fr-CA en" gives fr), from the query or the returnUrl.</summary>
    internal static string? FromUiLocales(HttpRequest request)
    {
        var value = request.Query[UiLocales].ToString();
        if (value.Length == 0 && request.Query["returnUrl"].ToString() is { Length: > 0 and <= 8192 } returnUrl
            && returnUrl.IndexOf('?', StringComparison.Ordinal) is var question and >= 0)
        {
            value = QueryHelpers.ParseQuery(returnUrl[question..]).TryGetValue(UiLocales, out var inReturnUrl) ? inReturnUrl.ToString() : string.Empty;
        }

        return value.Length is 0 or > 256 ? null : value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Match).FirstOrDefault(c => c is not null);
    }

    private static string? FromAcceptLanguage(HttpRequest request)
    {
        var header = request.Headers.AcceptLanguage.ToString();
        if (header.Length is 0 or > 1024 || !StringWithQualityHeaderValue.TryParseList(header.Split(','), out var languages))
        {
            return null;
        }

        return languages.Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Match(l.Value.ToString()))
            .FirstOrDefault(c => c is not null);
    }

    /// <summary>"fr", "fr-CA" and "FR" match fr; anything else (or malformed) matches nothing.</summary>
    private static string? Match(string tag)
    {
        var language = tag.Split('-')[0].Trim().ToLowerInvariant();
        return Supported.Contains(language) ? language : null;
    }

    public static CultureInfo Culture(string name) => CultureInfo.GetCultureInfo(name);
}
