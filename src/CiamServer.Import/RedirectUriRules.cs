using System.Net;

namespace CiamServer.Import;

/// <summary>RFC 9700 / RFC 8252 rules for a registered redirect URI: absolute, no fragment, no wildcard, https, or
/// http only on a loopback host, or a private-use scheme (reverse domain name) for native apps.</summary>
public static class RedirectUriRules
{
    public static string? Check(string? value)
    {
        // Registered URIs are matched exactly: a wildcard would never match, or would invite a looser matcher.
        if (value is not null && (value.Contains('*', StringComparison.Ordinal) || value.Contains("%2a", StringComparison.OrdinalIgnoreCase)))
        {
            return "must be an exact URI: wildcards are not allowed.";
        }

        // On Unix, Uri takes "/callback" and "//host/callback" for file paths (implicit file URIs): relative all the same.
        if (string.IsNullOrWhiteSpace(value) || value.Length > 2048 || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.IsFile && !value.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            return "must be an absolute URI (at most 2048 characters).";
        }

        if (!string.IsNullOrEmpty(uri.Fragment) || value.Contains('#', StringComparison.Ordinal))
        {
            return "must not contain a fragment.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "must not contain user information.";
        }

        return uri.Scheme switch
        {
            "https" => null,
            "http" when IsLoopback(uri.Host) => null,
            "http" => "http is allowed only for loopback addresses (localhost, 127.0.0.1, [::1]); use https.",
            _ when uri.Scheme.Contains('.', StringComparison.Ordinal) => null,
            _ => "must use https, http on loopback, or a private-use scheme such as com.example.app.",
        };
    }

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
