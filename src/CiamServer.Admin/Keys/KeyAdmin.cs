using System.Globalization;
using System.Text;
using CiamServer.Core.Data;
using CiamServer.Core.Keys;
using CiamServer.Protocol.Keys;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Admin.Keys;

/// <summary>The server's signing and encryption keys (one ring for all tenants): list them without any private
/// material, rotate, retire. After a change this node re-reads the ring at once (JWKS and the signing key change
/// now); other nodes pick it up within <c>Ciam:Protocol:Keys:RefreshInterval</c>. Audited in the current (admin)
/// tenant as admin.keys.*.</summary>
public sealed class KeyAdmin(CiamDbContext db, KeyRing ring, KeyRingMonitor monitor, AdminAudit audit, TimeProvider clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<KeyPage?> ListAsync(int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var size = limit ?? DefaultPageSize;
        (DateTime CreatedAt, string Id)? after = null;
        if (size is < 1 or > MaxPageSize || (cursor is not null && (after = DecodeCursor(cursor)) is null))
        {
            return null;
        }

        // Newest first; keyset on (created, kid).
        var query = db.SigningKeys.AsNoTracking();
        if (after is { } last)
        {
            query = query.Where(k => k.CreatedAt < last.CreatedAt || (k.CreatedAt == last.CreatedAt && string.Compare(k.Id, last.Id) < 0));
        }

        var rows = await query.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).Take(size + 1).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var next = rows.Count > size ? EncodeCursor(rows[size - 1]) : null;
        return new KeyPage([.. rows.Take(size).Select(k => KeyResource.From(k, now))], next);
    }

    /// <summary>A new signing and encryption key, published now and signing after <c>PublishAhead</c>; the current
    /// ones retire then.</summary>
    public async Task<IReadOnlyList<KeyResource>> RotateAsync(CancellationToken cancellationToken)
    {
        var created = await ring.RotateAsync(cancellationToken);
        await monitor.RefreshAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var keys = await db.SigningKeys.AsNoTracking().Where(k => created.Contains(k.Id)).ToListAsync(cancellationToken);
        var resources = keys.Select(k => KeyResource.From(k, now)).OrderBy(k => k.Use, StringComparer.Ordinal).ToList();
        await audit.WriteAsync("admin.keys.rotated", "key", string.Join(',', created), new { created = resources }, cancellationToken);
        return resources;
    }

    public async Task<(KeyRetirement Outcome, KeyResource? Key)> RetireAsync(string keyId, CancellationToken cancellationToken)
    {
        var before = await db.SigningKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        var outcome = await ring.RetireAsync(keyId, cancellationToken);
        if (outcome != KeyRetirement.Retired)
        {
            return (outcome, null);
        }

        await monitor.RefreshAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var after = KeyResource.From(await db.SigningKeys.AsNoTracking().SingleAsync(k => k.Id == keyId, cancellationToken), now);
        await audit.WriteAsync("admin.keys.retired", "key", keyId, AdminAudit.Change(KeyResource.From(before!, now), after), cancellationToken);
        return (outcome, after);
    }

    private static string EncodeCursor(SigningKeyRecord key) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(key.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + key.Id));

    private static (DateTime, string)? DecodeCursor(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor)).Split(':', 2);
            return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                   && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks
                ? (new DateTime(ticks, DateTimeKind.Utc), parts[1])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>A key as the admin API shows it: never its private part. State: <c>pending</c> (published, not yet
/// in use), <c>active</c> (signs or encrypts; <see cref="RetiresAt"/> when a rotation scheduled its end),
/// <c>retiring</c> (no longer used, still published so tokens it signed validate), <c>expired</c> (out of JWKS).</summary>
public sealed record KeyResource(string Kid, string Use, string Algorithm, DateTime CreatedAt, DateTime ActivatesAt, DateTime? RetiresAt,
    DateTime? ExpiresAt, string State)
{
    public static KeyResource From(SigningKeyRecord key, DateTime now) =>
        new(key.Id, key.Use, key.Algorithm, key.CreatedAt, key.ActivatesAt, key.RetiredAt, key.ExpiresAt, StateOf(key, now));

    public static string StateOf(SigningKeyRecord key, DateTime now) =>
        key.ExpiresAt <= now ? KeyStates.Expired
        : key.RetiredAt <= now ? KeyStates.Retiring
        : key.ActivatesAt > now ? KeyStates.Pending
        : KeyStates.Active;
}

public static class KeyStates
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Retiring = "retiring";
    public const string Expired = "expired";
}

/// <summary>One page of keys, newest first.</summary>
public sealed record KeyPage(IReadOnlyList<KeyResource> Items, string? NextCursor);
