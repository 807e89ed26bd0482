using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CiamServer.Protocol.Handlers;

/// <summary>A refresh token presented again after it was redeemed means it leaked (RFC 9700 4.14.2).
/// OpenIddict refuses it (error ID2012) and revokes the token family; this also ends the session it belongs to,
/// so the SSO cookie stops working and APIs refuse the session's access tokens (revocation list). Nothing is
/// read on the way: the session id is noted while OpenIddict validates the token, and acted on only when the
/// answer is that refusal, inside the token request's transaction (committed even though the answer is an error).</summary>
internal static class EndSessionOnRefreshTokenReuse
{
    private const string SessionProperty = ".ciam.refresh_token_session";

    /// <summary>OpenIddict's error for "the specified refresh token has already been redeemed".</summary>
    private const string AlreadyRedeemedError = "/ID2012";

    public static OpenIddictServerHandlerDescriptor NoteDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<Note>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public static OpenIddictServerHandlerDescriptor EndDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseScopedHandler<End>()
            // Before TokenRequestTransaction commits.
            .SetOrder(TokenRequestTransaction.CommitDescriptor.Order - 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    internal sealed class Note : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            // Only a refresh grant redeems: introspecting or revoking an old refresh token is no replay.
            if (context.EndpointType == OpenIddictServerEndpointType.Token && context.Principal is { } principal
                && principal.HasTokenType(TokenTypeIdentifiers.RefreshToken)
                && principal.GetClaim(CiamClaimTypes.SessionId) is { Length: > 0 } sessionId)
            {
                context.Transaction.Properties[SessionProperty] = sessionId;
            }

            return ValueTask.CompletedTask;
        }
    }

    internal sealed class End(ISessionManager sessions) : IOpenIddictServerHandler<ApplyTokenResponseContext>
    {
        public async ValueTask HandleAsync(ApplyTokenResponseContext context)
        {
            if (context.Response.ErrorUri?.EndsWith(AlreadyRedeemedError, StringComparison.Ordinal) == true
                && context.Transaction.Properties.TryGetValue(SessionProperty, out var value) && value is string sessionId)
            {
                await sessions.EndAsync(sessionId, SessionEndReasons.RefreshTokenReuse, context.CancellationToken);
            }
        }
    }
}
