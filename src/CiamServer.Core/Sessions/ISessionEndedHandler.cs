namespace CiamServer.Core.Sessions;

/// <summary>Told when sessions end (sign-out, sign out everywhere, password change, admin action...), after
/// the end is saved. Modules react without the session code knowing them: the protocol revokes the
/// session's tokens, publishes the revocation for APIs, and sends back-channel logout to clients.</summary>
public interface ISessionEndedHandler
{
    Task OnSessionsEndedAsync(IReadOnlyList<EndedSession> sessions, CancellationToken cancellationToken);
}

/// <summary>A session that has just ended.</summary>
public sealed record EndedSession(string SessionId, Guid TenantId, Guid UserId, string Reason, DateTime EndedAt);
