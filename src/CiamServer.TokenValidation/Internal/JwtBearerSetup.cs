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
        // Key rollover: the server publishes a new key in JWKS an hour (Keys:PublishAhead) before it signs with
        // it, so re-reading discovery and JWKS every 10 minutes (not the default 12 hours) knows every key before
        // a token carries it. A token with a kid not seen yet also triggers a re-read (at most every 30 s); that
        // re-read runs in the background, so the request that triggered it may still be refused.
        jwt.AutomaticRefreshInterval = TimeSpan.FromMinutes(10);
        jwt.RefreshInterval = TimeSpan.FromSeconds(30);
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
