using System.Security.Claims;
using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace CiamServer.Login.Infrastructure;

/// <summary>Starts a server-side session and issues the tenant's SSO cookie pointing at it.</summary>
public sealed class AccountSignIn(ISessionManager sessions, ITenantContext tenants)
{
    public async Task<UserSession> SignInAsync(HttpContext context, CiamUser user, IReadOnlyCollection<string> methods)
    {
        // Any earlier session in this browser ends: every authentication gets a new session id.
        var previous = await context.AuthenticateAsync(CiamAuthentication.SessionScheme);
        if (previous.Principal?.FindFirstValue(CiamClaimTypes.SessionId) is { } previousId)
        {
            await sessions.EndAsync(previousId, SessionEndReasons.SignOut, context.RequestAborted);
        }

        var device = new SessionDevice(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString());
        var session = await sessions.StartAsync(user.Id, methods, device, context.RequestAborted);
        var identity = new ClaimsIdentity(
            [
                new Claim(CiamClaimTypes.Subject, user.Id.ToString()),
                new Claim(CiamClaimTypes.SessionId, session.Id),
                new Claim(CiamClaimTypes.Tenant, tenants.Required.Id.ToString()),
            ],
            CiamAuthentication.SessionScheme,
            CiamClaimTypes.Subject,
            null);
        await context.SignInAsync(CiamAuthentication.SessionScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = false });
        return session;
    }
}
