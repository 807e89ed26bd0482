using System.Text.Json;
using CiamServer.Core.Data;

namespace CiamServer.Core.Audit;

/// <summary>The audit log in the server's database (table audit_events). Each entry is saved at once, so callers
/// write it after their own change is saved: an entry then never records something that did not happen.</summary>
internal sealed class DatabaseAuditLog(CiamDbContext db, TimeProvider clock) : IAuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var row = new AuditEvent
        {
            ActorType = entry.ActorType,
            ActorId = entry.ActorId,
            Action = entry.Action,
            TargetType = entry.TargetType,
            TargetId = entry.TargetId,
            DataJson = entry.Data is null ? null : JsonSerializer.Serialize(entry.Data, Json),
            IpAddress = entry.IpAddress,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AuditEvents.Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }
}
