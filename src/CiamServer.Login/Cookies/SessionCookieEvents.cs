using System.Security.Claims;
using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Login.Cookies;

/// <summary>The cookie only points at a server-side session: each request checks that the session is
/// still alive (not ended, not idle too long, not past its absolute end) and in this tenant.</summary>
internal sealed class SessionCookieEvents : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var tenant = context.HttpContext.RequestServices.GetRequiredService<ITenantContext>().Tenant;
        var principal = context.Principal;
        var sessionId = principal?.FindFirstValue(CiamClaimTypes.SessionId);
        var valid = tenant is not null
            && principal?.FindFirstValue(CiamClaimTypes.Tenant) == tenant.Id.ToString()
            && sessionId is not null
            && await context.HttpContext.RequestServices.GetRequiredService<ISessionManager>()
                .TouchAsync(sessionId, context.HttpContext.RequestAborted) is not null;
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CiamAuthentication.SessionScheme);
        }
    }

    // Pages and the protocol decide where to send people; the cookie handler never redirects on its own
    // (an API-style 401 would otherwise become a redirect with a return URL nobody checked).
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.Request.PathBase + "/account/login");
        return Task.CompletedTask;
    }
}
