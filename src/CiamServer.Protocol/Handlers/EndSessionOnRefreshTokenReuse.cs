using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CiamServer.Protocol.Handlers;

/// <summary>A refresh token presented again after it was redeemed means it leaked (RFC 9700 4.14.2).
/// OpenIddict's next handler refuses it and revokes the token family; this one also ends the session it
/// belongs to, so the SSO cookie stops working and APIs refuse the session's access tokens (revocation list).
/// It runs inside the token request's transaction, which is committed even though the answer is an error.</summary>
internal sealed class EndSessionOnRefreshTokenReuse(IOpenIddictTokenManager tokens, ISessionManager sessions)
    : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenStorageEnabled>()
            .UseScopedHandler<EndSessionOnRefreshTokenReuse>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        // Only a refresh grant redeems: a client introspecting or revoking an old refresh token is no replay.
        if (context.EndpointType != OpenIddictServerEndpointType.Token || context.Principal is not { } principal || !principal.HasTokenType(TokenTypeIdentifiers.RefreshToken)
            || principal.GetTokenId() is not { Length: > 0 } tokenId || principal.GetClaim(CiamClaimTypes.SessionId) is not { Length: > 0 } sessionId)
        {
            return;
        }

        var token = await tokens.FindByIdAsync(tokenId, context.CancellationToken);
        if (token is not null && await tokens.HasStatusAsync(token, Statuses.Redeemed, context.CancellationToken))
        {
            await sessions.EndAsync(sessionId, SessionEndReasons.RefreshTokenReuse, context.CancellationToken);
        }
    }
}
