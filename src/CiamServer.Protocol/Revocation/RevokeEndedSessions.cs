using CiamServer.Core.Sessions;
using CiamServer.TokenValidation.Revocation;
using Microsoft.Extensions.Options;

namespace CiamServer.Protocol.Revocation;

/// <summary>When sessions end, their ids go on the revocation list for as long as a token carrying them can
/// still be valid, so APIs using the validation library refuse those tokens within moments.</summary>
internal sealed class RevokeEndedSessions(RevocationLog log, IOptions<ProtocolOptions> options, TimeProvider clock) : ISessionEndedHandler
{
    public Task OnSessionsEndedAsync(IReadOnlyList<EndedSession> sessions, CancellationToken cancellationToken)
    {
        var until = (clock.GetUtcNow() + options.Value.SessionRevocationLifetime + RevocationLog.ClockSkewMargin).ToUnixTimeSeconds();
        var entries = sessions.Select(s => new RevocationEntry(RevocationKind.Session, s.SessionId, until)).ToList();
        // One reason per call in practice (one user action ends them together).
        return log.RecordAsync(entries, sessions.Count > 0 ? sessions[0].Reason : "unknown", cancellationToken);
    }
}
