using StackExchange.Redis;

namespace CiamServer.TokenValidation;

/// <summary>How an API validates access tokens of one CiamServer tenant. Validated at start-up.</summary>
public sealed class CiamJwtBearerOptions
{
    /// <summary>The tenant's issuer, e.g. <c>https://id.example.com/t/acme</c>. HTTPS only; discovery is read
    /// from <c>{Authority}/.well-known/openid-configuration</c> and only tokens from this issuer are accepted.</summary>
    public string? Authority { get; set; }

    /// <summary>This API's audience (an API scope's audience on the server), e.g. <c>orders-api</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>A StackExchange.Redis configuration string for the Redis the server publishes revocations to.
    /// Set this or <see cref="RedisConnection"/>.</summary>
    public string? RedisConfiguration { get; set; }

    /// <summary>An existing connection to share instead of opening one. Its owner disposes it.</summary>
    public IConnectionMultiplexer? RedisConnection { get; set; }

    /// <summary>How long the local revocation set may go unconfirmed (no healthy Redis) before tokens are
    /// refused. Default 30 seconds; at least 1 second.</summary>
    public TimeSpan FailClosedAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Accept tokens without the revocation check when the set is stale, instead of refusing them.
    /// Default false: a revoked session must not keep working because Redis is down.</summary>
    public bool FailOpen { get; set; }

    /// <summary>How often the whole sorted set is re-read, as a backstop for missed messages. Default 60 s.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The handler for discovery and JWKS requests, e.g. one that trusts a private CA.</summary>
    public HttpMessageHandler? BackchannelHttpHandler { get; set; }
}
