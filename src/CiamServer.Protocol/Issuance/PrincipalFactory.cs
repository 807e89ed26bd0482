using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CiamServer.Core.Authentication;
using CiamServer.Core.Sessions;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Protocol.Issuance;

/// <summary>Builds the principal OpenIddict turns into codes and tokens: what is claimed about whom, and
/// which token carries each claim. Profile claims are read fresh from the account every time.</summary>
internal sealed class PrincipalFactory(UserManager<CiamUser> users, IOpenIddictScopeManager scopes)
{
    /// <summary>The authentication context class reference (level of assurance) for a sign-in with one factor.</summary>
    public const string SingleFactorAcr = "1";

    /// <summary>The acr of a sign-in with two factors, or one multi-factor authenticator (a passkey with user
    /// verification): clients ask for it with <c>acr_values=2</c>.</summary>
    public const string MultiFactorAcr = "2";

    /// <summary>What a session's methods (RFC 8176) are worth: "mfa" among them means two factors.</summary>
    public static string AcrOf(UserSession session) =>
        session.AuthenticationMethods.Split(' ').Contains("mfa", StringComparer.Ordinal) ? MultiFactorAcr : SingleFactorAcr;

    public async Task<ClaimsPrincipal> ForUserAsync(CiamUser user, UserSession session, IEnumerable<string> grantedScopes, string issuer, CancellationToken cancellationToken)
    {
        var scopeSet = grantedScopes.ToHashSet(StringComparer.Ordinal);
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(CiamClaimTypes.SessionId, session.Id)
            .SetClaim(Claims.AuthenticationContextReference, AcrOf(session));
        // A JSON array in every token (OIDC Core 2: amr is an array), also with a single method: as plain
        // claims OpenIddict would write one value as a string in the access token.
        identity.AddClaim(new Claim(Claims.AuthenticationMethodReference,
            JsonSerializer.Serialize(session.AuthenticationMethods.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            JsonClaimValueTypes.JsonArray));
        identity.AddClaim(new Claim(Claims.AuthenticationTime,
            new DateTimeOffset(session.CreatedAt, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ClaimValueTypes.Integer64));

        foreach (var claim in await UserClaims.ForScopesAsync(users, user, scopeSet))
        {
            identity.AddClaim(claim);
        }

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopeSet);
        principal.SetResources(await AudiencesAsync(scopeSet, issuer, cancellationToken));
        principal.SetDestinations(claim => Destinations.For(claim, scopeSet));
        return principal;
    }

    public async Task<ClaimsPrincipal> ForClientAsync(string clientId, string? displayName, IEnumerable<string> grantedScopes, string issuer, CancellationToken cancellationToken)
    {
        var scopeSet = grantedScopes.ToHashSet(StringComparer.Ordinal);
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId).SetClaim(Claims.Name, displayName ?? clientId);
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopeSet);
        principal.SetResources(await AudiencesAsync(scopeSet, issuer, cancellationToken));
        principal.SetDestinations(claim => claim.Type == Claims.Name ? [] : [Destinations.AccessToken]);
        return principal;
    }

    /// <summary>The APIs the granted scopes are for. With none (only openid, profile, ...) the token is for
    /// this server's userinfo endpoint, and says so: an access token always names its audience (RFC 9068),
    /// so no API that checks <c>aud</c> can take it for one of its own.</summary>
    private async Task<List<string>> AudiencesAsync(IEnumerable<string> scopeNames, string issuer, CancellationToken cancellationToken)
    {
        var resources = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync([.. scopeNames], cancellationToken))
        {
            resources.Add(resource);
        }

        return resources.Count > 0 ? resources : [issuer];
    }
}
