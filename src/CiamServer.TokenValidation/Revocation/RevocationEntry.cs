namespace CiamServer.TokenValidation.Revocation;

/// <summary>One revoked session or token, relevant until <see cref="ExpiresAt"/> (unix seconds): the
/// expiry of the longest-lived token that could carry it. After that no valid token can match it.</summary>
public readonly record struct RevocationEntry(RevocationKind Kind, string Id, long ExpiresAt)
{
    /// <summary>The sorted-set member: <c>sid:{id}</c> or <c>jti:{id}</c>.</summary>
    public string Member => RevocationContract.Member(Kind, Id);

    /// <summary>The pub/sub message: <c>{member}|{expiresAt}</c>.</summary>
    public string Message => RevocationContract.FormatMessage(Member, ExpiresAt);
}
