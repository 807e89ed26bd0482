using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using CiamServer.Core.Users;
using CiamServer.Protocol.Issuance;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Protocol.Endpoints;

/// <summary>UserInfo (GET and POST): the claims the access token's scopes release, read fresh.</summary>
internal static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, UserManager<CiamUser> users, ISessionManager sessions)
    {
        var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        // A client_credentials token has the client id as subject and no user behind it; FindByIdAsync
        // throws on an id that is not a Guid, which answered such a token with a 500.
        var user = principal?.GetClaim(Claims.Subject) is { } subject && Guid.TryParse(subject, out _)
            ? await users.FindByIdAsync(subject)
            : null;
        var sessionId = principal?.GetClaim(CiamClaimTypes.SessionId);
        var sessionEnded = sessionId is not null && await sessions.FindNotEndedAsync(sessionId, context.RequestAborted) is null;
        if (principal is null || user is null || user.Disabled || sessionEnded)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token is no longer valid.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var response = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id.ToString() };
        foreach (var group in (await UserClaims.ForScopesAsync(users, user, principal.GetScopes().ToHashSet())).GroupBy(c => c.Type))
        {
            response[group.Key] = group.Key == Claims.Role
                ? group.Select(c => c.Value).ToArray()
                : ClaimValues.ToJsonValue(group.First());
        }

        return Results.Ok(response);
    }
}
