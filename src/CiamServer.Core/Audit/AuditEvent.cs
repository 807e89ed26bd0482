using CiamServer.Core.Tenancy;

namespace CiamServer.Core.Audit;

/// <summary>An entry of the audit log: who did what to what, when and from where, with before/after data that
/// never holds secrets.</summary>
public sealed class AuditEvent : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    /// <summary>"user", "admin" or "system".</summary>
    public required string ActorType { get; init; }

    public string? ActorId { get; init; }

    /// <summary>A dotted name: "sign_in.risk_assessed", "mfa.totp_enrolled"...</summary>
    public required string Action { get; init; }

    public string? TargetType { get; init; }

    public string? TargetId { get; init; }

    /// <summary>JSON details (no secrets).</summary>
    public string? DataJson { get; init; }

    public string? IpAddress { get; init; }

    public DateTime CreatedAt { get; init; }
}
