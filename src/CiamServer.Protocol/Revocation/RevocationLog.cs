using CiamServer.Core.Data;
using CiamServer.TokenValidation.Revocation;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Protocol.Revocation;

/// <summary>Records revocations: first in PostgreSQL (the record, so nothing is lost if Redis is down or
/// forgets), then straight to Redis for the APIs. Whatever the direct publish misses, the
/// <see cref="RevocationReplicator"/> copies on its next pass.</summary>
internal sealed class RevocationLog(CiamDbContext db, RevocationBroadcaster broadcaster, TimeProvider clock)
{
    /// <summary>Added to every entry's lifetime: APIs accept a token up to 30 s past its exp (the library's
    /// clock skew), and the clocks of servers and APIs drift apart a little.</summary>
    public static readonly TimeSpan ClockSkewMargin = TimeSpan.FromMinutes(1);

    public async Task RecordAsync(IReadOnlyCollection<RevocationEntry> entries, string reason, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await SaveAsync(entries, reason, cancellationToken);
        await broadcaster.PublishAsync(entries, cancellationToken);
    }

    /// <summary>One upsert per entry: atomic against a concurrent revocation of the same member (a double
    /// submit, two nodes ending the same session), and a repeated revocation may only extend the lifetime,
    /// like ZADD GT in Redis. Runs in the caller's transaction when there is one.</summary>
    private async Task SaveAsync(IReadOnlyCollection<RevocationEntry> entries, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = db.Database.ProviderName == SqliteProvider ? "max" : "GREATEST";
        foreach (var entry in entries)
        {
            var expiresAt = DateTimeOffset.FromUnixTimeSeconds(entry.ExpiresAt).UtcDateTime;
            // Only the function name is spliced in (one of two constants); the values are parameters.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $$"""
                INSERT INTO revocations ("Member", "ExpiresAt", "RevokedAt", "Reason") VALUES ({0}, {1}, {2}, {3})
                ON CONFLICT ("Member") DO UPDATE SET "ExpiresAt" = {{latest}}(revocations."ExpiresAt", excluded."ExpiresAt")
                """,
                [entry.Member, expiresAt, now, reason],
                cancellationToken);
#pragma warning restore EF1002
        }
    }

    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";
}
