using CiamServer.Core.Data;
using CiamServer.Core.OpenIddict;
using CiamServer.Core.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Protocol.BackchannelLogout;

/// <summary>When sessions end, tells every client that signed in through them and registered a
/// back-channel logout URI (OIDC Back-Channel Logout 1.0). The issuer is the tenant's, taken from the
/// request that ended the session.</summary>
internal sealed class NotifyClientsOfLogout(CiamDbContext db, LogoutTokenFactory tokens, LogoutDeliveryQueue queue,
    IHttpContextAccessor http) : ISessionEndedHandler
{
    public async Task OnSessionsEndedAsync(IReadOnlyList<EndedSession> sessions, CancellationToken cancellationToken)
    {
        var request = http.HttpContext?.Request;
        if (request is null)
        {
            return;
        }

        var issuer = TenantIssuer.Of(request);
        var ids = sessions.Select(s => s.SessionId).ToList();
        var targets = await db.Set<CiamAuthorization>()
            .Where(a => a.SessionId != null && ids.Contains(a.SessionId) && a.Application != null && a.Application.BackchannelLogoutUri != null)
            .Select(a => new { a.SessionId, a.Subject, a.Application!.ClientId, a.Application.BackchannelLogoutUri })
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var target in targets)
        {
            queue.Enqueue(new LogoutDelivery(new Uri(target.BackchannelLogoutUri!),
                tokens.Create(issuer, target.ClientId!, target.Subject!, target.SessionId!), target.ClientId!));
        }
    }
}
