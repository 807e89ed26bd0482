using System.Globalization;

namespace CiamServer.TokenValidation.Revocation;

/// <summary>How CiamServer publishes revocations in Redis, shared by the server (writer) and every API
/// (reader). A sorted set <see cref="Key"/> holds members <c>sid:{sid}</c> and <c>jti:{jti}</c> scored with
/// the unix time (seconds) after which they no longer matter; each addition is also published on
/// <see cref="Channel"/> as <c>{member}|{score}</c>. Entries scored before now may be pruned by anyone.</summary>
public static class RevocationContract
{
    public const string Key = "ciam:revocations";
    public const string Channel = "ciam:revocations";
    public const string SessionPrefix = "sid:";
    public const string TokenPrefix = "jti:";
    public const char MessageSeparator = '|';

    public static string SessionMember(string sessionId) => Member(RevocationKind.Session, sessionId);

    public static string TokenMember(string tokenId) => Member(RevocationKind.Token, tokenId);

    public static string Member(RevocationKind kind, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return (kind == RevocationKind.Session ? SessionPrefix : TokenPrefix) + id;
    }

    public static string FormatMessage(string member, long expiresAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{member}{MessageSeparator}{expiresAt}");

    /// <summary>Reads a sorted-set member and its score; false for anything that is not <c>sid:</c>/<c>jti:</c>
    /// followed by an id.</summary>
    public static bool TryParseMember(string? member, long expiresAt, out RevocationEntry entry)
    {
        entry = default;
        if (member is null)
        {
            return false;
        }

        RevocationKind kind;
        if (member.StartsWith(SessionPrefix, StringComparison.Ordinal))
        {
            kind = RevocationKind.Session;
        }
        else if (member.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            kind = RevocationKind.Token;
        }
        else
        {
            return false;
        }

        // Both prefixes have the same length.
        var id = member[SessionPrefix.Length..];
        if (id.Length == 0)
        {
            return false;
        }

        entry = new RevocationEntry(kind, id, expiresAt);
        return true;
    }

    /// <summary>Reads a pub/sub message <c>{member}|{score}</c>. The last separator splits, so an id may
    /// itself contain one.</summary>
    public static bool TryParseMessage(string? message, out RevocationEntry entry)
    {
        entry = default;
        var separator = message?.LastIndexOf(MessageSeparator) ?? -1;
        return separator > 0
            && TryParseScore(message.AsSpan(separator + 1), out var expiresAt)
            && TryParseMember(message![..separator], expiresAt, out entry);
    }

    /// <summary>Scores are whole unix seconds; a writer that formats them as doubles is tolerated.</summary>
    public static bool TryParseScore(ReadOnlySpan<char> text, out long expiresAt)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out expiresAt))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && double.IsFinite(score))
        {
            expiresAt = ToUnixSeconds(score);
            return true;
        }

        return false;
    }

    /// <summary>A sorted-set score as unix seconds (rounded up, so an entry is never dropped early).</summary>
    public static long ToUnixSeconds(double score) =>
        score >= long.MaxValue ? long.MaxValue : score <= long.MinValue ? long.MinValue : (long)Math.Ceiling(score);
}
