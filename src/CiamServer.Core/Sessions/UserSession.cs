using CiamServer.Core.Tenancy;

namespace CiamServer.Core.Sessions;

/// <summary>A server-side sign-in session. Its id is the <c>sid</c> claim of the tokens issued through it;
/// the SSO cookie only points at it, so ending the row ends the cookie too.</summary>
public sealed class UserSession : ITenantOwned
{
    public required string Id { get; init; }

    public Guid TenantId { get; set; }

    public Guid UserId { get; init; }

    /// <summary>Authentication methods used (RFC 8176 values, space separated).</summary>
    public string AuthenticationMethods { get; set; } = "pwd";

    public DateTime CreatedAt { get; init; }

    public DateTime LastSeenAt { get; set; }

    /// <summary>The hard end of the session, from the tenant's absolute lifetime.</summary>
    public DateTime ExpiresAt { get; init; }

    public DateTime? EndedAt { get; set; }

    public string? EndReason { get; set; }

    public string? IpAddress { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>Coarse location of the IP address at sign-in ("Paris, France"), when known.</summary>
    public string? Location { get; init; }

    public bool IsActiveAt(DateTime now, TimeSpan idleTimeout) =>
        EndedAt is null && now < ExpiresAt && now - LastSeenAt < idleTimeout;
}
