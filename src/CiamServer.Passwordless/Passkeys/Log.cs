using Microsoft.Extensions.Logging;

namespace CiamServer.Passwordless.Passkeys;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Passkey {CredentialId} of user {UserId}: signature counter {Received} is not above the stored {Stored}; possible cloned authenticator")]
    public static partial void PossibleClonedAuthenticator(this ILogger logger, Guid credentialId, Guid userId, uint received, uint stored);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passkey {Ceremony} refused: {Reason}")]
    public static partial void PasskeyRefused(this ILogger logger, string ceremony, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passkey {CredentialId} registered for user {UserId} (attestation {Format})")]
    public static partial void PasskeyRegistered(this ILogger logger, Guid credentialId, Guid userId, string format);
}
