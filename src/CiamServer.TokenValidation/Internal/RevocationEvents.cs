using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CiamServer.TokenValidation.Internal;

/// <summary>Adds the revocation check after signature and claims validation. A post-configure step, so it
/// wraps whatever events the host configured instead of being replaced by them.</summary>
internal sealed class RevocationEvents(string scheme, RevocationGuard guard, ILogger<RevocationGuard> logger)
    : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (!string.Equals(name, scheme, StringComparison.Ordinal))
        {
            return;
        }

        if (options.EventsType is not null)
        {
            // The handler would resolve a fresh events object per request and skip the revocation check.
            throw new InvalidOperationException(
                $"Scheme '{scheme}' uses AddCiamJwtBearer, which does not support JwtBearerOptions.EventsType; set Events instead.");
        }

        var events = options.Events ??= new JwtBearerEvents();
        var onTokenValidated = events.OnTokenValidated;
        events.OnTokenValidated = context =>
        {
            Check(context);
            return context.Result is null ? onTokenValidated(context) : Task.CompletedTask;
        };

        var onChallenge = events.OnChallenge;
        events.OnChallenge = context =>
        {
            if (context.Options.IncludeErrorDetails && context.AuthenticateFailure is TokenRejectedException rejected)
            {
                context.Error = "invalid_token";
                context.ErrorDescription = rejected.Message;
            }

            return onChallenge(context);
        };
    }

    private void Check(TokenValidatedContext context)
    {
        var verdict = context.SecurityToken is JsonWebToken token
            ? guard.Evaluate(token)
            : guard.Evaluate(context.Principal?.FindFirst(RevocationGuard.SessionIdClaim)?.Value,
                context.Principal?.FindFirst(JwtRegisteredClaimNames.Jti)?.Value);
        switch (verdict)
        {
            case RevocationVerdict.Revoked:
                logger.TokenRevoked(scheme);
                context.Fail(new TokenRejectedException(TokenRejectedException.RevokedDescription));
                break;
            case RevocationVerdict.Unavailable:
                logger.TokenRefusedWhileStale(scheme);
                context.Fail(new TokenRejectedException(TokenRejectedException.UnavailableDescription));
                break;
            case RevocationVerdict.Accepted:
                break;
        }
    }
}
