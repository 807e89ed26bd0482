using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Protocol.Issuance;

/// <summary>The OIDC scopes every tenant has, the claims each one releases, and how they read to people.</summary>
public static class StandardScopes
{
    public const string RolesScope = "roles";

    public static readonly IReadOnlyDictionary<string, string[]> ClaimsByScope = new Dictionary<string, string[]>
    {
        [Scopes.OpenId] = [Claims.Subject],
        [Scopes.Profile] = [Claims.Name, Claims.GivenName, Claims.FamilyName, Claims.UpdatedAt],
        [Scopes.Email] = [Claims.Email, Claims.EmailVerified],
        [Scopes.Phone] = [Claims.PhoneNumber, Claims.PhoneNumberVerified],
        [Scopes.OfflineAccess] = [],
        [RolesScope] = [Claims.Role],
    };

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [Scopes.OpenId] = "Know who you are when you sign in",
        [Scopes.Profile] = "See your name",
        [Scopes.Email] = "See your email address",
        [Scopes.Phone] = "See your phone number",
        [Scopes.OfflineAccess] = "Stay connected to your account when you are not using the app",
        [RolesScope] = "See the roles you have",
    };

    public static IEnumerable<string> All => ClaimsByScope.Keys;

    public static IEnumerable<string> AllClaims =>
        ClaimsByScope.Values.SelectMany(claims => claims)
            .Concat([Claims.AuthenticationTime, Claims.AuthenticationMethodReference, "sid", Claims.AuthenticationContextReference])
            .Distinct();
}
