using CiamServer.Core.Sessions;

namespace CiamServer.Protocol.Sessions;

/// <summary>When a session ends, its refresh tokens, access-token entries and authorizations are revoked
/// in the database: the token endpoint, introspection and userinfo refuse them from that moment.</summary>
internal sealed class RevokeSessionTokens(SessionAuthorizations authorizations) : ISessionEndedHandler
{
    public Task OnSessionsEndedAsync(IReadOnlyList<EndedSession> sessions, CancellationToken cancellationToken) =>
        authorizations.RevokeAsync(sessions.Select(s => s.SessionId).ToList(), cancellationToken);
}
