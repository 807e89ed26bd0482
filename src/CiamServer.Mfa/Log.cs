using Microsoft.Extensions.Logging;

namespace CiamServer.Mfa;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Error,
        Message = "The authenticator secret of user {UserId} cannot be decrypted (Data Protection keys lost or changed); the user must enrol again")]
    public static partial void TotpSecretUnreadable(this ILogger logger, Guid userId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Authenticator app {Action} for user {UserId}")]
    public static partial void TotpChanged(this ILogger logger, string action, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Authenticator code refused for user {UserId}: {Reason}")]
    public static partial void TotpRefused(this ILogger logger, Guid userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery code used by user {UserId}; {Remaining} left")]
    public static partial void RecoveryCodeRedeemed(this ILogger logger, Guid userId, int remaining);
}
