using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Login.Cookies;

/// <summary>One SSO cookie per tenant: <c>__Host-</c> cookies must have Path=/, so instead of a path the
/// tenant goes into the name. Signing in to one tenant never touches another tenant's session.</summary>
internal sealed class TenantCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, TenantKey(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, TenantKey(context, key), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, TenantKey(context, key), options);

    private static string TenantKey(HttpContext context, string key) =>
        context.RequestServices.GetRequiredService<ITenantContext>().Tenant is { } tenant ? key + "." + tenant.Slug : key;
}
