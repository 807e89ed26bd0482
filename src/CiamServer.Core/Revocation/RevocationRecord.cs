namespace CiamServer.Core.Revocation;

/// <summary>A revoked session (<c>sid:</c>) or access token (<c>jti:</c>), kept until no token it covers can
/// still be valid. PostgreSQL is the record; Redis holds a copy for APIs and is rebuilt from these rows when
/// it loses them (restart, flush). Not tenant-owned: session and token ids are random and globally unique,
/// and the replicator must see every tenant's rows.</summary>
public sealed class RevocationRecord
{
    /// <summary>The member as APIs see it in Redis: <c>sid:{session id}</c> or <c>jti:{token id}</c>.</summary>
    public required string Member { get; set; }

    /// <summary>After this instant no token it covers can be valid; the row may be deleted.</summary>
    public DateTime ExpiresAt { get; set; }

    public DateTime RevokedAt { get; set; }

    /// <summary>Why: a session end reason (sign-out, password change, ...) or "revocation_endpoint".</summary>
    public required string Reason { get; set; }
}
