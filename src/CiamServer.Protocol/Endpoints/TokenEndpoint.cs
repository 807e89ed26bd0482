using System.Globalization;
using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using CiamServer.Core.Users;
using CiamServer.Protocol.Issuance;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Protocol.Endpoints;

/// <summary>The token endpoint after OpenIddict validated the grant (code, refresh token or client
/// credentials): re-checks the account and session, then issues fresh tokens with fresh claims.</summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        UserManager<CiamUser> users,
        ISessionManager sessions,
        IOpenIddictApplicationManager applications,
        PrincipalFactory principals,
        IOptions<ProtocolOptions> options,
        TimeProvider clock)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cancellationToken = context.RequestAborted;

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
                ?? throw new InvalidOperationException("OpenIddict validated a client that cannot be found.");
            var name = await applications.GetDisplayNameAsync(application, cancellationToken);
            var client = await principals.ForClientAsync(request.ClientId!, name, request.GetScopes(), TenantIssuer.Of(context.Request), cancellationToken);
            return Results.SignIn(client, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            return InvalidGrant("The grant type is not supported.");
        }

        var granted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
            ?? throw new InvalidOperationException("OpenIddict validated a grant without a principal.");
        var user = await users.FindByIdAsync(granted.GetClaim(Claims.Subject)!);
        if (user is null || user.Disabled)
        {
            return InvalidGrant("The account is no longer available.");
        }

        var session = await sessions.FindNotEndedAsync(granted.GetClaim(CiamClaimTypes.SessionId) ?? string.Empty, cancellationToken);
        if (session is null || session.UserId != user.Id)
        {
            return InvalidGrant("The session this grant belongs to has ended.");
        }

        if (request.IsRefreshTokenGrantType() && FamilyIsTooOld(granted, options.Value, clock))
        {
            return InvalidGrant("The refresh token has reached its absolute lifetime; sign in again.");
        }

        var principal = await principals.ForUserAsync(user, session, granted.GetScopes(), TenantIssuer.Of(context.Request), cancellationToken);
        principal.SetAuthorizationId(granted.GetAuthorizationId());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static bool FamilyIsTooOld(System.Security.Claims.ClaimsPrincipal granted, ProtocolOptions options, TimeProvider clock)
    {
        var authTime = granted.GetClaim(Claims.AuthenticationTime);
        return authTime is null
            || !long.TryParse(authTime, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            || clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > options.RefreshTokenAbsoluteLifetime;
    }

    private static IResult InvalidGrant(string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
