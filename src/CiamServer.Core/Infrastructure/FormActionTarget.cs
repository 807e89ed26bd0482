using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CiamServer.Core.Infrastructure;

/// <summary>CSP form-action also governs the redirects that follow a form post (sign-in, consent, sign-out
/// confirmation), which end at the client's redirect URI. https and http on localhost/127.0.0.1 are always
/// allowed; a client whose redirect URI is a private-use scheme (a native app, <c>com.example.app:/cb</c>) or
/// http on another loopback address (<c>http://[::1]</c>, which CSP cannot name) gets its scheme added, on the
/// pages of its own flow only. The endpoints validate the URI itself against the client's registration.</summary>
internal static partial class FormActionTarget
{
    private static readonly string[] TargetParameters = ["redirect_uri", "post_logout_redirect_uri"];

    /// <summary>" scheme:" to add to form-action, or empty.</summary>
    public static string ExtraSource(HttpRequest request)
    {
        // The consent and sign-out pages carry the request's parameters; the login page carries the
        // authorization request in its returnUrl (query keys are case-insensitive).
        var target = Find(request.Query);
        if (target is null && request.Query["returnUrl"].ToString() is { Length: > 0 } returnUrl
            && returnUrl.IndexOf('?', StringComparison.Ordinal) is var question and >= 0)
        {
            target = Find(QueryHelpers.ParseQuery(returnUrl[question..]));
        }

        if (target is null || !Uri.TryCreate(target, UriKind.Absolute, out var uri))
        {
            return string.Empty;
        }

        var scheme = uri.Scheme.ToLowerInvariant();
        if (scheme == Uri.UriSchemeHttps || (scheme == Uri.UriSchemeHttp && uri.Host is "localhost" or "127.0.0.1"))
        {
            return string.Empty;
        }

        // http only for another loopback address (what the import accepts for http), never for a remote host.
        if (scheme == Uri.UriSchemeHttp)
        {
            return System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address) ? " http:" : string.Empty;
        }

        return SchemeName().IsMatch(scheme) && scheme != "javascript" && scheme != "data" ? " " + scheme + ":" : string.Empty;
    }

    private static string? Find(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> parameters) =>
        parameters.Where(p => TargetParameters.Contains(p.Key, StringComparer.Ordinal))
            .Select(p => p.Value.ToString())
            .FirstOrDefault(v => v.Length > 0);

    [GeneratedRegex("^[a-z][a-z0-9+.-]*\\z")]
    private static partial Regex SchemeName();
}
