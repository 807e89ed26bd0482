using System.Globalization;
using System.Security.Claims;
using CiamServer.Core.Users;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CiamServer.Protocol.Issuance;

/// <summary>The claims about a user that the granted scopes release (OIDC Core 5.4), for tokens and userinfo.</summary>
internal static class UserClaims
{
    public static async Task<List<Claim>> ForScopesAsync(UserManager<CiamUser> users, CiamUser user, IReadOnlySet<string> scopes)
    {
        var claims = new List<Claim>();
        if (scopes.Contains(Scopes.Profile))
        {
            Add(claims, Claims.Name, user.DisplayName);
            Add(claims, Claims.GivenName, user.GivenName);
            Add(claims, Claims.FamilyName, user.FamilyName);
            claims.Add(new Claim(Claims.UpdatedAt,
                new DateTimeOffset(user.UpdatedAt, TimeSpan.Zero).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ClaimValueTypes.Integer64));
        }

        if (scopes.Contains(Scopes.Email) && user.Email is not null)
        {
            claims.Add(new Claim(Claims.Email, user.Email));
            claims.Add(new Claim(Claims.EmailVerified, user.EmailConfirmed ? "true" : "false", ClaimValueTypes.Boolean));
        }

        if (scopes.Contains(Scopes.Phone) && user.PhoneNumber is not null)
        {
            claims.Add(new Claim(Claims.PhoneNumber, user.PhoneNumber));
            claims.Add(new Claim(Claims.PhoneNumberVerified, user.PhoneNumberConfirmed ? "true" : "false", ClaimValueTypes.Boolean));
        }

        if (scopes.Contains(StandardScopes.RolesScope))
        {
            claims.AddRange((await users.GetRolesAsync(user)).Select(role => new Claim(Claims.Role, role)));
        }

        return claims;
    }

    private static void Add(List<Claim> claims, string type, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            claims.Add(new Claim(type, value));
        }
    }
}
