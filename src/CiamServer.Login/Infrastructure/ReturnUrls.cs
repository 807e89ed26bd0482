using Microsoft.AspNetCore.Http;

namespace CiamServer.Login.Infrastructure;

/// <summary>Return URLs are only ever paths of this tenant: never another site, never another tenant.</summary>
internal static class ReturnUrls
{
    public static string Safe(HttpRequest request, string? returnUrl)
    {
        var home = request.PathBase + "/account";
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 8192)
        {
            return home;
        }

        // Rejects //host, /\host, schemes and control characters: only a path below this tenant's base.
        var isLocalPath = returnUrl[0] == '/' && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
            && !returnUrl.Any(char.IsControl) && !returnUrl.Contains('\\');
        var tenantBase = request.PathBase.Value + "/";
        return isLocalPath && returnUrl.StartsWith(tenantBase, StringComparison.Ordinal) && !HasDotSegment(returnUrl) ? returnUrl : home;
    }

    // Browsers resolve "." and ".." (also written %2e) in the Location header: /t/acme/../globex/ is globex's.
    private static bool HasDotSegment(string returnUrl) =>
        Uri.UnescapeDataString(returnUrl.Split('?', '#')[0]).Split('/').Any(segment => segment is "." or "..");
}
