using System.Text.Json;
using CiamServer.Core.Tenancy;
using CiamServer.Login.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Login.SignIn;

/// <summary>A sign-in that passed its first factor and waits for the second: who, how (RFC 8176 methods), where
/// to go after, and why the second factor is asked for. Kept in a short-lived encrypted cookie of this tenant,
/// so any node can carry on; it is no session and opens nothing but the challenge page.</summary>
public sealed record PendingSignIn(
    Guid TenantId,
    Guid UserId,
    string[] Methods,
    string ReturnUrl,
    Guid? AttemptId,
    string[] Reasons,
    DateTimeOffset ExpiresAt,
    bool StepUp,
    MfaNeed Need);

/// <summary>Reads and writes <see cref="PendingSignIn"/>.</summary>
public sealed class PendingSignInCookie(IDataProtectionProvider protection, CookieSetup cookies, ITenantContext tenants, TimeProvider clock)
{
    /// <summary>How long the user has to pass the second factor.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private IDataProtector Protector => protection.CreateProtector("CiamServer.Login.PendingSignIn");

    private string CookieName => $"{cookies.Prefix}.pending.{tenants.Required.Slug}";

    public void Write(HttpContext context, PendingSignIn pending) =>
        context.Response.Cookies.Append(CookieName, Protector.Protect(JsonSerializer.Serialize(pending)), new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = Lifetime,
            IsEssential = true,
        });

    /// <summary>The pending sign-in of this tenant, or null (none, tampered, another tenant's, expired).</summary>
    public PendingSignIn? Read(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { Length: > 0 and < 8192 } value)
        {
            return null;
        }

        try
        {
            var pending = JsonSerializer.Deserialize<PendingSignIn>(Protector.Unprotect(value));
            return pending is not null && pending.TenantId == tenants.Required.Id && pending.ExpiresAt > clock.GetUtcNow() ? pending : null;
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
}
