namespace CiamServer.TokenValidation.Revocation;

/// <summary>What a revocation entry names.</summary>
public enum RevocationKind
{
    /// <summary>A server session (<c>sid</c>): every token issued through it.</summary>
    Session,

    /// <summary>One token (<c>jti</c>).</summary>
    Token,
}
