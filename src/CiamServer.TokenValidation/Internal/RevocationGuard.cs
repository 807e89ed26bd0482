using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.TokenValidation.Internal;

/// <summary>The per-request decision: two hash lookups and a clock read, no I/O.</summary>
internal sealed class RevocationGuard(RevocationSet set, RevocationFreshness freshness, bool failOpen)
{
    public const string SessionIdClaim = "sid";

    public RevocationVerdict Evaluate(JsonWebToken token) =>
        Evaluate(token.TryGetPayloadValue<string>(SessionIdClaim, out var sessionId) ? sessionId : null, token.Id);

    public RevocationVerdict Evaluate(string? sessionId, string? tokenId)
    {
        // A known revocation wins even when the set is stale: it is still true.
        if ((!string.IsNullOrEmpty(sessionId) && set.IsSessionRevoked(sessionId))
            || (!string.IsNullOrEmpty(tokenId) && set.IsTokenRevoked(tokenId)))
        {
            return RevocationVerdict.Revoked;
        }

        return !failOpen && freshness.IsStale ? RevocationVerdict.Unavailable : RevocationVerdict.Accepted;
    }
}
