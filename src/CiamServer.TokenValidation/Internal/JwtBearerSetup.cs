using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CiamServer.TokenValidation.Internal;

/// <summary>Turns <see cref="CiamJwtBearerOptions"/> into strict <see cref="JwtBearerOptions"/>. Discovery,
/// JWKS caching and key rollover stay with the handler's own configuration manager.</summary>
internal static class JwtBearerSetup
{
    public const string AccessTokenType = "at+jwt";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>The asymmetric algorithms the server may sign with. Never "none", never HMAC (a public key
    /// must not double as a shared secret).</summary>
    public static readonly string[] Algorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSsaPssSha256];

    public static void Apply(JwtBearerOptions jwt, CiamJwtBearerOptions ciam)
    {
        var issuer = ciam.Authority!.TrimEnd('/');
        jwt.Authority = issuer;
        jwt.Audience = ciam.Audience;
        jwt.RequireHttpsMetadata = true;
        jwt.BackchannelHttpHandler = ciam.BackchannelHttpHandler;
        // A token signed with a key we have not seen yet: re-read JWKS (rate-limited by RefreshInterval).
        jwt.RefreshOnIssuerKeyNotFound = true;
        jwt.IncludeErrorDetails = true;
        // Claims keep the names the server gave them (sub, scope, sid, role) instead of WS-* URIs.
        jwt.MapInboundClaims = false;

        var parameters = jwt.TokenValidationParameters;
        // Exact match (OIDC): the server's issuer is {origin}/t/{tenant} without a trailing slash.
        parameters.ValidIssuer = issuer;
        parameters.ValidAudience = ciam.Audience;
        parameters.ValidTypes = [AccessTokenType];
        parameters.ValidAlgorithms = Algorithms;
        parameters.ClockSkew = ClockSkew;
        parameters.ValidateIssuer = true;
        parameters.ValidateAudience = true;
        parameters.ValidateLifetime = true;
        parameters.RequireExpirationTime = true;
        parameters.RequireSignedTokens = true;
        // Keys come from the issuer's JWKS only; jku, x5u and embedded jwk headers are never followed.
        parameters.NameClaimType = "sub";
        parameters.RoleClaimType = "role";
    }
}
