using System.Security.Claims;
using CiamServer.Core.Data;
using CiamServer.Core.OpenIddict;
using CiamServer.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Protocol.Sessions;

/// <summary>Ties each token family to the sign-in session it came from: one ad-hoc authorization per
/// sign-in at a client, carrying the session id, so ending the session can revoke exactly its tokens.</summary>
internal sealed class SessionAuthorizations(
    CiamDbContext db, IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
{
    public async Task<string> CreateAsync(ClaimsPrincipal principal, string subject, string applicationId, UserSession session,
        CancellationToken cancellationToken)
    {
        var authorization = (CiamAuthorization)await authorizations.CreateAsync(
            principal, subject, applicationId, AuthorizationTypes.AdHoc, principal.GetScopes(), cancellationToken);
        authorization.SessionId = session.Id;
        await authorizations.UpdateAsync(authorization, cancellationToken);
        return (await authorizations.GetIdAsync(authorization, cancellationToken))!;
    }

    /// <summary>Revokes the authorizations of the sessions and every token issued under them (refresh tokens
    /// and access-token entries, so introspection and userinfo refuse them at once).</summary>
    public async Task<IReadOnlyList<CiamAuthorization>> RevokeAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken)
    {
        var ids = sessionIds.ToList();
        var revoked = await db.Set<CiamAuthorization>()
            .Where(a => a.SessionId != null && ids.Contains(a.SessionId) && a.Status == Statuses.Valid)
            .ToListAsync(cancellationToken);
        foreach (var authorization in revoked)
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
            await tokens.RevokeByAuthorizationIdAsync(authorization.Id.ToString(), cancellationToken);
        }

        return revoked;
    }
}
