namespace CiamServer.TokenValidation.Internal;

internal enum RevocationVerdict
{
    Accepted,
    Revoked,

    /// <summary>The set is stale and the scheme fails closed.</summary>
    Unavailable,
}
