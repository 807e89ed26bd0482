using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CiamServer.TokenValidation.Internal;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Scheme {Scheme}: the revocation set has not been confirmed current since {SinceConfirmed} (limit {FailClosedAfter}); tokens are {Consequence} until Redis answers again")]
    public static partial void RevocationDataStale(this ILogger logger, string scheme, TimeSpan? sinceConfirmed, TimeSpan failClosedAfter, string consequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheme {Scheme}: the revocation set is current again ({Entries} entries)")]
    public static partial void RevocationDataCurrent(this ILogger logger, string scheme, int entries);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Scheme {Scheme}: the revocation set is not loaded yet (Redis unreachable?); tokens are {Consequence} until it is")]
    public static partial void InitialLoadPending(this ILogger logger, string scheme, string consequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheme {Scheme}: Redis {ConnectionType} connection lost ({FailureType})")]
    public static partial void ConnectionLost(this ILogger logger, string scheme, ConnectionType connectionType, ConnectionFailureType failureType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheme {Scheme}: Redis {ConnectionType} connection restored; reconciling")]
    public static partial void ConnectionRestored(this ILogger logger, string scheme, ConnectionType connectionType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scheme {Scheme}: revocation check against Redis failed")]
    public static partial void RefreshFailed(this ILogger logger, string scheme, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Scheme {Scheme}: reconciled {Read} revocation(s) from Redis; {Entries} held, {Pruned} expired entries pruned")]
    public static partial void Reconciled(this ILogger logger, string scheme, int read, int entries, int pruned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheme {Scheme}: ignored {Count} sorted-set member(s) that are not sid:/jti: entries")]
    public static partial void InvalidMembers(this ILogger logger, string scheme, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheme {Scheme}: ignored a revocation message that is not {{member}}|{{score}}: {Message}")]
    public static partial void InvalidMessage(this ILogger logger, string scheme, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scheme {Scheme}: refused a revoked token")]
    public static partial void TokenRevoked(this ILogger logger, string scheme);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Scheme {Scheme}: refused a token because revocation status is unavailable")]
    public static partial void TokenRefusedWhileStale(this ILogger logger, string scheme);
}
