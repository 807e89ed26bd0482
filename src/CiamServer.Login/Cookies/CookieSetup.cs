using CiamServer.Core.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CiamServer.Login.Cookies;

/// <summary>Cookie settings: <c>__Host-</c> prefix, Secure, HttpOnly, SameSite=Lax (the SSO cookie must
/// come along on the top-level redirect from a client). Plain-HTTP development drops the prefix and Secure.</summary>
internal sealed class CookieSetup(IHostEnvironment environment)
    : IConfigureNamedOptions<CookieAuthenticationOptions>, IConfigureOptions<AntiforgeryOptions>
{
    private string Prefix => environment.IsDevelopment() ? "ciam" : "__Host-ciam";

    private CookieSecurePolicy SecurePolicy => environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

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
        // The server-side session enforces idle and absolute timeouts; the ticket only needs to outlive them.
        options.ExpireTimeSpan = TimeSpan.FromDays(1);
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
