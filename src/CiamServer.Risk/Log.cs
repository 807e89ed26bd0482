using Microsoft.Extensions.Logging;

namespace CiamServer.Risk;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Risk of sign-in by user {UserId}: score {Score}, {Decision}, {ReasonCount} signal(s)")]
    public static partial void RiskAssessed(this ILogger logger, Guid? userId, int score, RiskDecision decision, int reasonCount);
}
