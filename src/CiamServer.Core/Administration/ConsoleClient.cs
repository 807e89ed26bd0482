namespace CiamServer.Core.Administration;

/// <summary>The admin console as an OIDC client of the admin tenant: a public client (PKCE) whose only redirect
/// URI is the console's callback on the origin the sign-in started from (checked by the protocol module).</summary>
public static class ConsoleClient
{
    public const string ClientId = "ciam-console";

    /// <summary>Under the admin tenant's base (<c>/t/admin</c>).</summary>
    public const string CallbackPath = "/console/signin-oidc";

    /// <summary>Whether <paramref name="redirectUri"/> is the console's callback on the request's own origin and base.</summary>
    public static bool IsCallbackOf(string redirectUri, string requestOriginAndBase) =>
        string.Equals(redirectUri, requestOriginAndBase + CallbackPath, StringComparison.Ordinal);
}
