using System.ComponentModel.DataAnnotations;

namespace CiamServer.Protocol;

/// <summary><c>Ciam:Protocol</c>: token lifetimes and key rotation.</summary>
public sealed class ProtocolOptions
{
    public const string Section = "Ciam:Protocol";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most 10 minutes (RFC 9700); 5 by default.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:10:00")]
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Idle expiry of a refresh token: each rotation issues one that lives this long.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00")]
    public TimeSpan RefreshTokenIdleLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Absolute expiry of a refresh token family, counted from the sign-in that started it.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "365.00:00:00")]
    public TimeSpan RefreshTokenAbsoluteLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Remember successful client-secret checks for a few minutes (see ClientSecretVerificationCache).
    /// Off makes every token request pay OpenIddict's full PBKDF2 check; the load harness compares both.</summary>
    public bool CacheClientSecretVerifications { get; set; } = true;

    public KeyRotationOptions Keys { get; } = new();

    /// <summary>How often each node copies revocations from PostgreSQL to Redis: the ones written since its
    /// last pass (whose direct publish may have failed), or all of them when Redis has lost its copy.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RevocationReplicationInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a revoked session stays in the revocation list: the longest lifetime of a token
    /// that carries its sid and is checked by APIs (access and ID tokens; refresh tokens are revoked in the
    /// database, where the token endpoint checks them).</summary>
    internal TimeSpan SessionRevocationLifetime => AccessTokenLifetime > IdentityTokenLifetime ? AccessTokenLifetime : IdentityTokenLifetime;

    /// <summary>The longest time a token signed or encrypted by a key may still be presented.</summary>
    internal TimeSpan LongestTokenLifetime =>
        new[] { AccessTokenLifetime, IdentityTokenLifetime, RefreshTokenIdleLifetime }.Max();
}

/// <summary><c>Ciam:Protocol:Keys</c>.</summary>
public sealed class KeyRotationOptions
{
    /// <summary>How long a new signing key is published in JWKS before it signs, so that APIs caching
    /// JWKS learn it first. Zero activates at once (fine when APIs refresh JWKS on an unknown kid).</summary>
    public TimeSpan PublishAhead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often each node re-reads the key ring, to pick up rotations made on another node.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
