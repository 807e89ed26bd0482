using CiamServer.Core.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CiamServer.Login.Cookies;

/// <summary>Cookie settings: <c>__Host-</c> prefix, Secure, HttpOnly, SameSite=Lax (the SSO cookie must
/// come along on the top-level redirect from a client). A server allowed to serve plain HTTP
/// (<c>Ciam:Hosting:AllowInsecureHttp</c>: development, a local demo) drops the prefix and Secure, because
/// browsers refuse <c>__Host-</c> cookies over HTTP and antiforgery refuses a Secure cookie there.</summary>
public sealed class CookieSetup(IConfiguration configuration)
    : IConfigureNamedOptions<CookieAuthenticationOptions>, IConfigureOptions<AntiforgeryOptions>
{
    private bool AllowInsecureHttp => CiamServer.Core.Infrastructure.PlainHttp.IsAllowed(configuration);

    internal string Prefix => AllowInsecureHttp ? "ciam" : "__Host-ciam";

    private CookieSecurePolicy SecurePolicy => AllowInsecureHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        if (name != CiamAuthentication.SessionScheme)
        {
            return;
        }

        options.Cookie.Name = Prefix + ".session";
        options.Cookie.Path = "/";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = SecurePolicy;
        options.CookieManager = new TenantCookieManager();
        // The server-side session enforces the tenant's idle and absolute timeouts (up to a year); the ticket
        // only needs to outlive them. The cookie itself lasts for the browser session.
        options.ExpireTimeSpan = TimeSpan.FromDays(366);
        options.SlidingExpiration = false;
        options.LoginPath = "/account/login";
        options.EventsType = typeof(SessionCookieEvents);
    }

    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);

    public void Configure(AntiforgeryOptions options)
    {
        options.Cookie.Name = Prefix + ".antiforgery";
        options.Cookie.Path = "/";
        options.Cookie.SecurePolicy = SecurePolicy;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.HeaderName = null;
    }
}
