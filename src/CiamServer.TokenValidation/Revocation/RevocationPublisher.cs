using StackExchange.Redis;

namespace CiamServer.TokenValidation.Revocation;

/// <summary>Writes a revocation the way <see cref="RevocationContract"/> says: prune what has expired, ZADD,
/// PUBLISH, all in one Lua script (one round trip, atomic, so no subscriber can see the message before
/// the sorted set holds the entry).</summary>
public sealed class RevocationPublisher(IConnectionMultiplexer redis, TimeProvider timeProvider)
{
    // GT: a second revocation of the same member may extend its lifetime but never shortens it (Redis 6.2+).
    private const string Script = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
        redis.call('ZADD', KEYS[1], 'GT', ARGV[2], ARGV[1])
        return redis.call('PUBLISH', ARGV[4], ARGV[1] .. '|' .. ARGV[2])
        """;

    private static readonly RedisKey[] Keys = [RevocationContract.Key];

    /// <summary>Revokes every token of a session until <paramref name="relevantUntil"/> (the expiry of the
    /// longest-lived token it may have issued).</summary>
    public Task<long> RevokeSessionAsync(string sessionId, DateTimeOffset relevantUntil) =>
        PublishAsync(new RevocationEntry(RevocationKind.Session, sessionId, relevantUntil.ToUnixTimeSeconds()));

    /// <summary>Revokes one token until its expiry.</summary>
    public Task<long> RevokeTokenAsync(string tokenId, DateTimeOffset relevantUntil) =>
        PublishAsync(new RevocationEntry(RevocationKind.Token, tokenId, relevantUntil.ToUnixTimeSeconds()));

    /// <summary>Returns how many subscribers received the message (connected API instances).</summary>
    public async Task<long> PublishAsync(RevocationEntry entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(entry.Id);
        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(entry.ExpiresAt, now, nameof(entry));
        var result = await redis.GetDatabase().ScriptEvaluateAsync(Script, Keys,
            [entry.Member, entry.ExpiresAt, now, RevocationContract.Channel]);
        return (long)result;
    }
}
