using System.Security.Cryptography;
using CiamServer.Core.Data;
using CiamServer.Core.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CiamServer.Protocol.Keys;

/// <summary>The server's signing and encryption keys, kept in the database with their private parts
/// protected by Data Protection. Rotation publishes a new key ahead, then retires the old one with an
/// overlap as long as the longest token it may have signed.</summary>
public sealed class KeyRing(CiamDbContext db, IDataProtectionProvider protection, IKeyMaterialFactory factory,
    IOptions<ProtocolOptions> options, TimeProvider clock)
{
    private const string ProtectorPurpose = "CiamServer.Protocol.KeyRing.v1";

    private IDataProtector Protector => protection.CreateProtector(ProtectorPurpose);

    /// <summary>Creates a signing and an encryption key when none is active (first start).</summary>
    public async Task EnsureKeysAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var use in new[] { KeyUses.Signing, KeyUses.Encryption })
        {
            var hasActive = await db.SigningKeys.AnyAsync(
                k => k.Use == use && k.ActivatesAt <= now && (k.RetiredAt == null || k.RetiredAt > now), cancellationToken);
            if (!hasActive)
            {
                db.SigningKeys.Add(CreateRecord(use, activatesAt: now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Publishes a new key of each use now, activates it after <see cref="KeyRotationOptions.PublishAhead"/>,
    /// and retires the current ones then; they stay published until their tokens can no longer be valid.</summary>
    public async Task<IReadOnlyList<string>> RotateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var activation = now + options.Value.Keys.PublishAhead;
        var created = new List<string>();
        foreach (var use in new[] { KeyUses.Signing, KeyUses.Encryption })
        {
            var overlap = use == KeyUses.Signing ? options.Value.LongestTokenLifetime : options.Value.RefreshTokenAbsoluteLifetime;
            var current = await db.SigningKeys
                .Where(k => k.Use == use && (k.RetiredAt == null || k.RetiredAt > activation))
                .ToListAsync(cancellationToken);
            foreach (var key in current)
            {
                key.RetiredAt = activation;
                key.ExpiresAt = activation + overlap;
            }

            var record = CreateRecord(use, activation);
            db.SigningKeys.Add(record);
            created.Add(record.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>Stops a key signing (or encrypting) now; it stays published until the tokens it may have signed
    /// have expired. Refused for a key that is not in use (pending or already retired) and for the last key of
    /// its use: when the only other keys are published ahead, the earliest of them is activated now.</summary>
    public async Task<KeyRetirement> RetireAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = await db.SigningKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null)
        {
            return KeyRetirement.NotFound;
        }

        if (key.ActivatesAt > now || key.RetiredAt <= now)
        {
            return KeyRetirement.NotActive;
        }

        var others = await db.SigningKeys
            .Where(k => k.Use == key.Use && k.Id != key.Id && (k.RetiredAt == null || k.RetiredAt > now))
            .ToListAsync(cancellationToken);
        if (!others.Any(k => k.ActivatesAt <= now))
        {
            var next = others.OrderBy(k => k.ActivatesAt).FirstOrDefault();
            if (next is null)
            {
                return KeyRetirement.LastKey;
            }

            next.ActivatesAt = now;
        }

        var overlap = key.Use == KeyUses.Signing ? options.Value.LongestTokenLifetime : options.Value.RefreshTokenAbsoluteLifetime;
        key.RetiredAt = now;
        key.ExpiresAt = now + overlap;
        await db.SaveChangesAsync(cancellationToken);
        return KeyRetirement.Retired;
    }

    /// <summary>Keys still published at <paramref name="now"/>, the one to use first.</summary>
    public async Task<KeyRingSnapshot> LoadAsync(DateTime now, CancellationToken cancellationToken)
    {
        var records = await db.SigningKeys.AsNoTracking()
            .Where(k => k.ExpiresAt == null || k.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        return new KeyRingSnapshot(
            Order(records, KeyUses.Signing, now).Select(Unprotect).ToList(),
            Order(records, KeyUses.Encryption, now).Where(k => k.ActivatesAt <= now).Select(Unprotect).ToList());
    }

    // The active key first (the one OpenIddict uses), then keys published ahead, then retired ones.
    private static IEnumerable<SigningKeyRecord> Order(List<SigningKeyRecord> records, string use, DateTime now) =>
        records.Where(k => k.Use == use)
            .OrderByDescending(k => k.ActivatesAt <= now && (k.RetiredAt == null || k.RetiredAt > now))
            .ThenByDescending(k => k.ActivatesAt > now)
            .ThenByDescending(k => k.ActivatesAt);

    private SigningKeyRecord CreateRecord(string use, DateTime activatesAt)
    {
        using var rsa = factory.CreateRsaKey(use);
        return new SigningKeyRecord
        {
            Id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12)),
            Use = use,
            Algorithm = use == KeyUses.Signing ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.RsaOAEP,
            ProtectedPrivateKey = Protector.Protect(Convert.ToBase64String(rsa.ExportPkcs8PrivateKey())),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ActivatesAt = activatesAt,
        };
    }

    private RsaSecurityKey Unprotect(SigningKeyRecord record)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(Protector.Unprotect(record.ProtectedPrivateKey)), out _);
        return new RsaSecurityKey(rsa) { KeyId = record.Id };
    }
}

public enum KeyRetirement
{
    Retired,
    NotFound,

    /// <summary>Published ahead and not signing yet, or already retired.</summary>
    NotActive,

    /// <summary>No other key of its use is active or published ahead: rotate first.</summary>
    LastKey,
}

/// <summary>The keys in use: signing keys (first one signs, all are published) and encryption keys.</summary>
public sealed record KeyRingSnapshot(IReadOnlyList<RsaSecurityKey> SigningKeys, IReadOnlyList<RsaSecurityKey> EncryptionKeys)
{
    /// <summary>Identifies the ring's state, so a node can tell when it changed.</summary>
    public string Fingerprint =>
        string.Join(',', SigningKeys.Select(k => k.KeyId)) + "|" + string.Join(',', EncryptionKeys.Select(k => k.KeyId));
}
