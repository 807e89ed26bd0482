using System.Net;
using CiamServer.Core.Tenancy;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CiamServer.Risk.Counters;

/// <summary>The counters in Redis, on the connection Core opened. Each operation is one Lua script: one
/// command, one round trip. Windows are fixed and start at the first increment (PEXPIRE when the key is new).
/// Redis errors are not hidden: like the sign-in throttle, a sign-in that cannot read its counters answers 503
/// (Core's ServiceUnavailableMiddleware) rather than going ahead with the velocity signals silent.</summary>
internal sealed class RedisRiskCounters(IConnectionMultiplexer redis, ITenantContext tenants, IOptions<RiskOptions> options)
    : IRiskCounters
{
    // KEYS: account failures, address failures, address names. Missing keys read as 0.
    private const string ReadScript = """
        local account = tonumber(redis.call('GET', KEYS[1])) or 0
        if #KEYS == 1 then return { account, 0, 0 } end
        return { account, tonumber(redis.call('GET', KEYS[2])) or 0, redis.call('PFCOUNT', KEYS[3]) }
        """;

    // KEYS as above; ARGV: failure window ms, names window ms, the name.
    private const string FailureScript = """
        if redis.call('INCR', KEYS[1]) == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        if #KEYS == 1 then return 1 end
        if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[1]) end
        redis.call('PFADD', KEYS[3], ARGV[3])
        if redis.call('PTTL', KEYS[3]) < 0 then redis.call('PEXPIRE', KEYS[3], ARGV[2]) end
        return 1
        """;

    // KEYS: address names; ARGV: names window ms, the name.
    private const string AttemptScript = """
        redis.call('PFADD', KEYS[1], ARGV[2])
        if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return 1
        """;

    public async Task<RiskCounts> ReadAsync(string accountName, IPAddress? address, CancellationToken cancellationToken)
    {
        var keys = RiskCounterKeys.For(tenants, accountName, address);
        RedisKey[] redisKeys = keys.AddressFailures is null
            ? [keys.AccountFailures]
            : [keys.AccountFailures, keys.AddressFailures, keys.AddressAccounts];
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(ReadScript, redisKeys))!;
        return new RiskCounts((long)result[0], (long)result[1], (long)result[2]);
    }

    public async Task RecordFailureAsync(string accountName, IPAddress? address, CancellationToken cancellationToken)
    {
        var keys = RiskCounterKeys.For(tenants, accountName, address);
        RedisKey[] redisKeys = keys.AddressFailures is null
            ? [keys.AccountFailures]
            : [keys.AccountFailures, keys.AddressFailures, keys.AddressAccounts];
        var settings = options.Value;
        await redis.GetDatabase().ScriptEvaluateAsync(FailureScript, redisKeys,
            [Milliseconds(settings.FailedAttempts.Window), Milliseconds(settings.ManyAccounts.Window), RiskCounterKeys.Member(accountName)]);
    }

    public async Task RecordAttemptAsync(string accountName, IPAddress? address, CancellationToken cancellationToken)
    {
        var keys = RiskCounterKeys.For(tenants, accountName, address);
        if (keys.AddressAccounts is null)
        {
            return;
        }

        await redis.GetDatabase().ScriptEvaluateAsync(AttemptScript, [keys.AddressAccounts],
            [Milliseconds(options.Value.ManyAccounts.Window), RiskCounterKeys.Member(accountName)]);
    }

    private static long Milliseconds(TimeSpan window) => (long)window.TotalMilliseconds;
}
