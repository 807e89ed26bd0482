using CiamServer.Core.Data;
using CiamServer.Core.Revocation;
using CiamServer.TokenValidation.Revocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CiamServer.Protocol.Revocation;

/// <summary>Keeps Redis's copy of the revocations (<see cref="RevocationContract"/>) complete, from the record
/// in PostgreSQL. Every pass: when Redis has lost its copy (restart, flush: the marker key is gone), and in
/// any case once a minute, all revocations still in force are written back; otherwise those recorded since
/// the last pass are written and published again, for any whose direct publish failed. Every node runs it; writes are idempotent
/// (ZADD GT) and a message heard twice changes nothing. Also deletes expired rows.</summary>
internal sealed partial class RevocationReplicator(
    IServiceScopeFactory scopes,
    IConnectionMultiplexer redis,
    IOptions<ProtocolOptions> options,
    TimeProvider clock,
    ILogger<RevocationReplicator> logger) : BackgroundService
{
    /// <summary>Set after a full copy; a Redis that restarted without persistence no longer has it.</summary>
    public const string ReplicaMarkerKey = "ciam:revocations:replica";

    private const int BatchSize = 1000;
    // A Redis restored from a snapshot or failed over to a lagging replica keeps the marker but may lack the
    // newest entries: a full copy every this many passes (a minute at the default interval) bounds that gap.
    private const int FullCopyEveryPasses = 12;
    // Rows are stamped by the clocks of several nodes and become visible at commit: look back a little.
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);
    private static readonly RedisChannel Channel = RedisChannel.Literal(RevocationContract.Channel);

    private DateTime _copiedUpTo;
    private int _passesSinceFullCopy;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A node that just started cannot know what was missed while it was away: look back one minute.
        _copiedUpTo = clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(1);
        using var timer = new PeriodicTimer(options.Value.RevocationReplicationInterval, clock);
        do
        {
            try
            {
                await ReplicateAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && Core.Infrastructure.InfrastructureFailure.Is(exception))
            {
                // Nothing advanced: the next pass starts from the same point.
                LogPassFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns how many revocations were written to Redis.</summary>
    internal async Task<int> ReplicateAsync(CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var database = redis.GetDatabase();
        var lost = !await database.KeyExistsAsync(ReplicaMarkerKey);
        var full = lost || _passesSinceFullCopy >= FullCopyEveryPasses - 1;
        var publishSince = _copiedUpTo - Overlap;
        var copied = 0;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CiamDbContext>();
            var inForce = db.Revocations.AsNoTracking().Where(r => r.ExpiresAt > startedAt);
            var query = full ? inForce : inForce.Where(r => r.RevokedAt >= publishSince);
            string? after = null;
            while (true)
            {
                // Keyset paging by member: a full copy of millions of rows never sits in memory at once.
                var page = await query.Where(r => after == null || string.Compare(r.Member, after) > 0)
                    .OrderBy(r => r.Member).Take(BatchSize).ToListAsync(cancellationToken);
                if (page.Count == 0)
                {
                    break;
                }

                await WriteAsync(database, page, publishSince);
                copied += page.Count;
                after = page[^1].Member;
            }

            await db.Revocations.Where(r => r.ExpiresAt < startedAt - Overlap).ExecuteDeleteAsync(cancellationToken);
        }

        if (lost)
        {
            await database.StringSetAsync(ReplicaMarkerKey, startedAt.ToString("O"));
            LogRebuilt(logger, copied);
        }

        _passesSinceFullCopy = full ? 0 : _passesSinceFullCopy + 1;
        _copiedUpTo = startedAt;
        return copied;
    }

    private static async Task WriteAsync(IDatabase database, List<RevocationRecord> page, DateTime publishSince)
    {
        var entries = page.Select(r => new SortedSetEntry(r.Member, new DateTimeOffset(r.ExpiresAt, TimeSpan.Zero).ToUnixTimeSeconds())).ToArray();
        await database.SortedSetAddAsync(RevocationContract.Key, entries, SortedSetWhen.GreaterThan);
        // APIs that stayed connected already hold the older ones; the recent ones may never have reached them.
        foreach (var entry in entries.Where((_, i) => page[i].RevokedAt >= publishSince))
        {
            await database.PublishAsync(Channel, RevocationContract.FormatMessage(entry.Element!, (long)entry.Score));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis had no copy of the revocations; wrote back {Count} still in force")]
    private static partial void LogRebuilt(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revocation replication pass failed; retrying on the next pass")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
