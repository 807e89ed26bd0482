using StackExchange.Redis;

namespace CiamServer.Core.Throttling;

/// <summary>Counters in Redis: one round trip per increment (INCR and, on the first, PEXPIRE in one script).</summary>
internal sealed class RedisCounterStore(IConnectionMultiplexer redis) : ICounterStore
{
    private const string IncrementScript =
        "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

    public async Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            IncrementScript, [new RedisKey(key)], [(long)window.TotalMilliseconds]);
        return (long)result;
    }

    public async Task<long> GetAsync(string key, CancellationToken cancellationToken)
    {
        var value = await redis.GetDatabase().StringGetAsync(key);
        return value.HasValue ? (long)value : 0;
    }

    public Task ResetAsync(string key, CancellationToken cancellationToken) =>
        redis.GetDatabase().KeyDeleteAsync(key);
}
