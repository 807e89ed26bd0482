namespace CiamServer.TokenValidation.Tests.Infrastructure;

/// <summary>Two server nodes sharing one PostgreSQL database and a Redis of their own, as behind a load
/// balancer: same data-protection keys (in the database), so a cookie from one node is good on the other.
/// Each node is a separate host (own DI container, connection pools, Redis connection, background services)
/// on its own Kestrel port, in the test process.</summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    private TestDatabase? _database;

    public CiamTestServer NodeA { get; private set; } = null!;

    public CiamTestServer NodeB { get; private set; } = null!;

    internal PrivateRedis Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await PrivateRedis.StartAsync();
        _database = await TestDatabase.CreateAsync();
        // One after the other: the first applies the migrations and creates the key ring, the second finds them.
        NodeA = await CiamTestServer.StartAsync(Options());
        NodeB = await CiamTestServer.StartAsync(Options());
    }

    public async Task DisposeAsync()
    {
        await NodeB.DisposeAsync();
        await NodeA.DisposeAsync();
        await _database!.DisposeAsync();
        await Redis.DisposeAsync();
    }

    // Replication every second, so a Redis restart is repaired quickly enough for a test.
    private TestServerOptions Options() => new()
    {
        Database = _database,
        RedisConfiguration = Redis.Configuration,
        Settings = { ["Ciam:Protocol:RevocationReplicationInterval"] = "00:00:01" },
    };
}
