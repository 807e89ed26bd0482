using CiamServer.Core.Infrastructure;
using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace CiamServer.Mfa.Devices;

/// <summary>The remembered-device cookie, named like the login module's cookies: <c>__Host-ciam.device.{tenant}</c>
/// (Secure, Path=/), or <c>ciam.device.{tenant}</c> on a server allowed to serve plain HTTP, where browsers refuse
/// <c>__Host-</c> cookies. One per tenant, because <c>__Host-</c> cookies cannot be scoped by path.</summary>
internal static class DeviceCookie
{
    /// <summary>A protected token is about 150 characters; anything much longer is not ours.</summary>
    public const int MaxValueLength = 1000;

    public static string Name(IConfiguration configuration, Tenant tenant) =>
        (PlainHttp.IsAllowed(configuration) ? "ciam" : "__Host-ciam") + ".device." + tenant.Slug;

    public static CookieOptions Options(IConfiguration configuration, HttpRequest request, DateTime expiresAt) => new()
    {
        Path = "/",
        HttpOnly = true,
        Secure = !PlainHttp.IsAllowed(configuration) || request.IsHttps,
        // Lax: the cookie must come along when a client's redirect brings the browser to the sign-in page.
        SameSite = SameSiteMode.Lax,
        Expires = new DateTimeOffset(expiresAt, TimeSpan.Zero),
        IsEssential = true,
    };
}
