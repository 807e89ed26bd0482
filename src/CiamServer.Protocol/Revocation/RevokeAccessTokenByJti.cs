using OpenIddict.Abstractions;
using OpenIddict.Server;
using CiamServer.TokenValidation.Revocation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CiamServer.Protocol.Revocation;

/// <summary>An access token revoked at the revocation endpoint (RFC 7009) is refused by APIs too: after
/// OpenIddict has revoked its entry in the database, its jti goes on the revocation list until it expires.
/// Refresh tokens need no entry: only the token endpoint takes them, and it checks the database.</summary>
internal sealed class RevokeAccessTokenByJti(RevocationLog log) : IOpenIddictServerHandler<HandleRevocationRequestContext>
{
    public const string Reason = "revocation_endpoint";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
            .UseScopedHandler<RevokeAccessTokenByJti>()
            .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(HandleRevocationRequestContext context)
    {
        var principal = context.GenericTokenPrincipal;
        if (context.IsRejected || principal is null || principal.GetTokenType() != TokenTypeIdentifiers.AccessToken)
        {
            return;
        }

        if (principal.GetClaim(Claims.JwtId) is not { Length: > 0 } tokenId || principal.GetExpirationDate() is not { } expiresAt)
        {
            return;
        }

        var until = (expiresAt + RevocationLog.ClockSkewMargin).ToUnixTimeSeconds();
        await log.RecordAsync([new RevocationEntry(RevocationKind.Token, tokenId, until)], Reason, context.CancellationToken);
    }
}
