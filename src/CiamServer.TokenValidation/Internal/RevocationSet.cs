using System.Collections.Concurrent;
using CiamServer.TokenValidation.Revocation;

namespace CiamServer.TokenValidation.Internal;

/// <summary>The local copy of the revocation sorted set: id → expiry (unix seconds). One dictionary per
/// kind, so a lookup hashes the claim value as it is, without building "sid:..." per request.</summary>
internal sealed class RevocationSet
{
    private readonly ConcurrentDictionary<string, long> _sessions = new();
    private readonly ConcurrentDictionary<string, long> _tokens = new();

    public int Count => _sessions.Count + _tokens.Count;

    public bool IsSessionRevoked(string sessionId) => _sessions.ContainsKey(sessionId);

    public bool IsTokenRevoked(string tokenId) => _tokens.ContainsKey(tokenId);

    /// <summary>Adds or extends an entry; an entry is never shortened, whatever order copies arrive in
    /// (pub/sub and reconcile race each other).</summary>
    public void Add(RevocationEntry entry)
    {
        var entries = entry.Kind == RevocationKind.Session ? _sessions : _tokens;
        entries.AddOrUpdate(entry.Id, entry.ExpiresAt, (_, existing) => Math.Max(existing, entry.ExpiresAt));
    }

    /// <summary>Drops entries no valid token can match any more; returns how many.</summary>
    public int Prune(long nowUnixSeconds) => Prune(_sessions, nowUnixSeconds) + Prune(_tokens, nowUnixSeconds);

    private static int Prune(ConcurrentDictionary<string, long> entries, long now)
    {
        var removed = 0;
        foreach (var (id, expiresAt) in entries)
        {
            // Removes only if unchanged, so an extension that arrived meanwhile survives.
            if (expiresAt < now && entries.TryRemove(new KeyValuePair<string, long>(id, expiresAt)))
            {
                removed++;
            }
        }

        return removed;
    }
}
