using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace CiamServer.Protocol.Endpoints;

/// <summary>Helpers to carry an authorization request through the login and consent pages and back.</summary>
internal static class AuthorizationRequests
{
    /// <summary>Parameters this server adds when a page posts a request back; never forwarded to pages.</summary>
    public const string ConsentDecisionParameter = "ciam_consent";
    public const string RememberConsentParameter = "ciam_remember";
    public const string ConfirmParameter = "ciam_confirm";

    /// <summary>Added to the return URL when the login page is shown because of an id_token_hint; kept.</summary>
    public const string HintedLoginParameter = "ciam_hinted_login";

    private static readonly HashSet<string> InternalParameters = new(StringComparer.Ordinal)
    {
        ConsentDecisionParameter, RememberConsentParameter, ConfirmParameter, "__RequestVerificationToken",
    };

    /// <summary>The request's parameters from the query or form, with a transform of each (value) pair.</summary>
    public static IEnumerable<KeyValuePair<string, StringValues>> Parameters(HttpRequest request) =>
        (request.HasFormContentType ? request.Form.AsEnumerable() : request.Query.AsEnumerable())
            .Where(p => !InternalParameters.Contains(p.Key));

    /// <summary>A local URL re-issuing this request as a GET, optionally without some prompt values or parameters.</summary>
    public static string LocalUrl(HttpRequest request, string path, string[]? promptValuesToDrop = null, string[]? parametersToDrop = null)
    {
        promptValuesToDrop ??= [];
        var query = new QueryBuilder();
        foreach (var (key, values) in Parameters(request))
        {
            if (parametersToDrop?.Contains(key) == true)
            {
                continue;
            }

            if (key == "prompt" && promptValuesToDrop.Length > 0)
            {
                var kept = values.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Except(promptValuesToDrop);
                var joined = string.Join(' ', kept);
                if (joined.Length > 0)
                {
                    query.Add(key, joined);
                }

                continue;
            }

            query.Add(key, values.ToArray()!);
        }

        return request.PathBase + path + query.ToQueryString();
    }
}
