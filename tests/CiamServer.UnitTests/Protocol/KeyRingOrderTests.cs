using System.Security.Cryptography;
using CiamServer.Core.Data;
using CiamServer.Core.OpenIddict;
using CiamServer.Core.Tenancy;
using CiamServer.Protocol;
using CiamServer.Protocol.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CiamServer.UnitTests.Protocol;

/// <summary>The key ring's order (which key signs, which are published) through a rotation. The ring
/// lives in an in-memory SQLite database: no database server is involved.</summary>
[Trait("Category", "Unit")]
[Trait("Category", "Protocol")]
public sealed class KeyRingOrderTests : IDisposable
{
    private static readonly TimeSpan PublishAhead = TimeSpan.FromHours(1);

    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CiamDbContext _db;
    private readonly KeyRing _ring;
    private readonly ProtocolOptions _options = new();

    public KeyRingOrderTests()
    {
        _connection.Open();
        var options = new DbContextOptionsBuilder<CiamDbContext>().UseSqlite(_connection);
        options.UseOpenIddict<CiamApplication, CiamAuthorization, CiamScope, CiamToken, Guid>();
        _db = new CiamDbContext(options.Options, new TenantContext());
        _db.Database.EnsureCreated();
        _options.Keys.PublishAhead = PublishAhead;
        _ring = new KeyRing(_db, new EphemeralDataProtectionProvider(), new SharedKeyMaterial(), Options.Create(_options), _clock);
    }

    [Fact]
    public async Task Load_FirstStart_OneKeyOfEachUse()
    {
        await _ring.EnsureKeysAsync(CancellationToken.None);
        await _ring.EnsureKeysAsync(CancellationToken.None);

        var snapshot = await LoadAsync(TimeSpan.Zero);

        Assert.Single(snapshot.SigningKeys);
        Assert.Single(snapshot.EncryptionKeys);
    }

    [Fact]
    public async Task Load_DuringPublishAhead_OldKeySignsNewKeyPublishedSecond()
    {
        await _ring.EnsureKeysAsync(CancellationToken.None);
        var old = (await LoadAsync(TimeSpan.Zero)).SigningKeys[0].KeyId;

        var created = await _ring.RotateAsync(CancellationToken.None);
        var snapshot = await LoadAsync(PublishAhead - TimeSpan.FromSeconds(1));

        Assert.Equal([old, created[0]], snapshot.SigningKeys.Select(k => k.KeyId));
        Assert.DoesNotContain(snapshot.EncryptionKeys, k => k.KeyId == created[1]);
    }

    [Fact]
    public async Task Load_AfterActivation_NewKeySignsOldStillPublished()
    {
        await _ring.EnsureKeysAsync(CancellationToken.None);
        var initial = await LoadAsync(TimeSpan.Zero);

        var created = await _ring.RotateAsync(CancellationToken.None);
        var snapshot = await LoadAsync(PublishAhead + TimeSpan.FromSeconds(1));

        Assert.Equal([created[0], initial.SigningKeys[0].KeyId], snapshot.SigningKeys.Select(k => k.KeyId));
        Assert.Equal([created[1], initial.EncryptionKeys[0].KeyId], snapshot.EncryptionKeys.Select(k => k.KeyId));
    }

    [Fact]
    public async Task Load_AfterOverlap_OldSigningKeyNoLongerPublished()
    {
        await _ring.EnsureKeysAsync(CancellationToken.None);
        var created = await _ring.RotateAsync(CancellationToken.None);

        var snapshot = await LoadAsync(PublishAhead + _options.LongestTokenLifetime + TimeSpan.FromSeconds(1));

        Assert.Equal([created[0]], snapshot.SigningKeys.Select(k => k.KeyId));
    }

    [Fact]
    public async Task Load_TwoRotations_ActiveFirstThenAheadThenRetiredNewestFirst()
    {
        await _ring.EnsureKeysAsync(CancellationToken.None);
        var first = (await LoadAsync(TimeSpan.Zero)).SigningKeys[0].KeyId;
        var second = (await _ring.RotateAsync(CancellationToken.None))[0];
        _clock.Advance(PublishAhead + TimeSpan.FromMinutes(1));
        var third = (await _ring.RotateAsync(CancellationToken.None))[0];

        var snapshot = await LoadAsync(TimeSpan.Zero);

        Assert.Equal([second, third, first], snapshot.SigningKeys.Select(k => k.KeyId));
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }

    private Task<KeyRingSnapshot> LoadAsync(TimeSpan after) =>
        _ring.LoadAsync(_clock.GetUtcNow().UtcDateTime + after, CancellationToken.None);

    /// <summary>Key ids, not key material, tell keys apart in the ring: one generated key serves every record.</summary>
    private sealed class SharedKeyMaterial : IKeyMaterialFactory
    {
        private static readonly Lazy<RSAParameters> Material = new(() =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportParameters(includePrivateParameters: true);
        });

        public RSA CreateRsaKey(string use)
        {
            var rsa = RSA.Create();
            rsa.ImportParameters(Material.Value);
            return rsa;
        }
    }
}
