using System.Security.Claims;
using CiamServer.Core.Authentication;
using static OpenIddict.Abstractions.OpenIddictConstants;
using OidcDestinations = OpenIddict.Abstractions.OpenIddictConstants.Destinations;

namespace CiamServer.Protocol.Issuance;

/// <summary>Which token carries which claim. Access tokens stay lean (APIs need who, which session,
/// how strongly authenticated, and roles); identity data goes to the ID token and userinfo.</summary>
internal static class Destinations
{
    public const string AccessToken = OidcDestinations.AccessToken;

    public static IEnumerable<string> For(Claim claim, IReadOnlySet<string> scopes) => claim.Type switch
    {
        Claims.Subject => [AccessToken, OidcDestinations.IdentityToken],
        CiamClaimTypes.SessionId or Claims.AuthenticationContextReference or Claims.AuthenticationMethodReference
            => [AccessToken, OidcDestinations.IdentityToken],
        Claims.AuthenticationTime => [OidcDestinations.IdentityToken],
        Claims.Role => [AccessToken, OidcDestinations.IdentityToken],
        Claims.Name or Claims.GivenName or Claims.FamilyName or Claims.UpdatedAt when scopes.Contains(Scopes.Profile)
            => [OidcDestinations.IdentityToken],
        Claims.Email or Claims.EmailVerified when scopes.Contains(Scopes.Email) => [OidcDestinations.IdentityToken],
        Claims.PhoneNumber or Claims.PhoneNumberVerified when scopes.Contains(Scopes.Phone) => [OidcDestinations.IdentityToken],
        _ => [],
    };
}
