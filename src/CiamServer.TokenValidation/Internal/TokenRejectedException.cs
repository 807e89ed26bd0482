using Microsoft.IdentityModel.Tokens;

namespace CiamServer.TokenValidation.Internal;

/// <summary>The failure a refused token carries to the challenge, where its message becomes the
/// error_description (the handler only describes its own exception types).</summary>
internal sealed class TokenRejectedException(string message) : SecurityTokenValidationException(message)
{
    public const string RevokedDescription = "The token has been revoked";
    public const string UnavailableDescription = "Token revocation status is unavailable";
}
