namespace CiamServer.Core.Audit;

/// <summary>Writes audit events of the current tenant.</summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>What to record; <paramref name="Data"/> is serialised to JSON and must hold no secrets.</summary>
public sealed record AuditEntry(string ActorType, string? ActorId, string Action, string? TargetType = null, string? TargetId = null,
    object? Data = null, string? IpAddress = null);
