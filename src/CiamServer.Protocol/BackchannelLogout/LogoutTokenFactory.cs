using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using CiamServer.Protocol.Keys;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CiamServer.Protocol.BackchannelLogout;

/// <summary>Logout tokens of OIDC Back-Channel Logout 1.0 (section 2.4): a JWT of type logout+jwt, signed with
/// the key that signs ID tokens, naming the session (sid) and user (sub), with the logout event and no nonce.</summary>
internal sealed class LogoutTokenFactory(KeyRingMonitor keys, TimeProvider clock)
{
    internal const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public string Create(string issuer, string clientId, string subject, string sessionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = clientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            TokenType = "logout+jwt",
            SigningCredentials = new SigningCredentials(keys.Current.SigningKeys[0], SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity([
                new Claim("sub", subject),
                new Claim("sid", sessionId),
                new Claim("jti", WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16))),
            ]),
            Claims = new Dictionary<string, object> { ["events"] = JsonSerializer.SerializeToElement(new Dictionary<string, object> { [LogoutEvent] = new { } }) },
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
