using Microsoft.Extensions.Logging;

namespace CiamServer.Risk;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Risk of sign-in by user {UserId}: score {Score}, {Decision}, {ReasonCount} signal(s)")]
    public static partial void RiskAssessed(this ILogger logger, Guid? userId, int score, RiskDecision decision, int reasonCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk counters could not be read from Redis; the velocity signals are silent for this sign-in")]
    public static partial void RiskCountersUnavailable(this ILogger logger, Exception exception);
}
