using CiamServer.Core.Data;
using CiamServer.Core.Revocation;
using CiamServer.TokenValidation.Revocation;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Protocol.Revocation;

/// <summary>Records revocations: first in PostgreSQL (the record, so nothing is lost if Redis is down or
/// forgets), then straight to Redis for the APIs. Whatever the direct publish misses, the
/// <see cref="RevocationReplicator"/> copies on its next pass.</summary>
internal sealed class RevocationLog(CiamDbContext db, RevocationBroadcaster broadcaster, TimeProvider clock)
{
    public async Task RecordAsync(IReadOnlyCollection<RevocationEntry> entries, string reason, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await SaveAsync(entries, reason, cancellationToken);
        await broadcaster.PublishAsync(entries, cancellationToken);
    }

    private async Task SaveAsync(IReadOnlyCollection<RevocationEntry> entries, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var members = entries.Select(e => e.Member).ToList();
        var existing = await db.Revocations.Where(r => members.Contains(r.Member)).ToDictionaryAsync(r => r.Member, cancellationToken);
        foreach (var entry in entries)
        {
            var expiresAt = DateTimeOffset.FromUnixTimeSeconds(entry.ExpiresAt).UtcDateTime;
            if (existing.TryGetValue(entry.Member, out var record))
            {
                // Revoked again (a token revoked twice): it may only last longer, like ZADD GT in Redis.
                record.ExpiresAt = record.ExpiresAt > expiresAt ? record.ExpiresAt : expiresAt;
                continue;
            }

            var added = new RevocationRecord { Member = entry.Member, ExpiresAt = expiresAt, RevokedAt = now, Reason = reason };
            db.Revocations.Add(added);
            existing[entry.Member] = added;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
