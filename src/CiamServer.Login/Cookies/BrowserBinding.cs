using CiamServer.Passwordless.Codes;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Login.Cookies;

/// <summary>A random value in a cookie that identifies this browser (a device, not a person). Codes and magic
/// links are bound to its hash: only that browser can type the code in, and a link opened in any other browser
/// asks for confirmation instead of signing it in (which would let someone sign a victim into the attacker's
/// account). The risk engine knows devices by the same hash ("we don't recognise this device").</summary>
public sealed class BrowserBinding(CookieSetup cookies)
{
    private string CookieName => cookies.Prefix + ".browser";

    /// <summary>This browser's secret, set now if it has none.</summary>
    public string GetOrCreate(HttpContext context)
    {
        if (Current(context) is { } existing)
        {
            return existing;
        }

        var secret = CodeHashes.NewSecret();
        context.Response.Cookies.Append(CookieName, secret, new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            Secure = !cookies.Prefix.StartsWith("ciam", StringComparison.Ordinal) || context.Request.IsHttps,
            // Lax: it must come along when the user opens the emailed link (a top-level navigation from the mail app).
            SameSite = SameSiteMode.Lax,
            // Long-lived (browsers cap cookies at 400 days), so a familiar device stays familiar.
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        context.Items[CookieName] = secret;
        return secret;
    }

    /// <summary>The device hash the risk engine and sign-in history use (SHA-256 of the cookie value).</summary>
    public string DeviceHash(HttpContext context) => CodeHashes.OfSecret(GetOrCreate(context));

    public string? Current(HttpContext context) =>
        context.Items[CookieName] as string
        ?? (context.Request.Cookies[CookieName] is { Length: > 20 and < 100 } value ? value : null);
}
