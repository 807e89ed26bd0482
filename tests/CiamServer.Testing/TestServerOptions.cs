using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Testing;

public sealed class TestServerOptions
{
    /// <summary>Import files (JSON text in the import format) the server imports at start-up.</summary>
    public List<string> ImportDocuments { get; } = [TestTenants.Standard];

    /// <summary>Configuration keys to set or override, e.g. <c>Ciam:Login:Throttling:AccountFailuresBeforeDelay</c>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>"Testing" by default (production behaviour: __Host- cookies, HTTPS only).</summary>
    public string Environment { get; set; } = "Testing";

    public bool UseRedis { get; set; } = true;

    /// <summary>Overrides the Redis address, e.g. to go through an <see cref="OutageProxy"/>.</summary>
    public string? RedisConfiguration { get; set; }

    /// <summary>Share one database between several servers (a multi-node test). Null: a fresh one.</summary>
    public TestDatabase? Database { get; set; }

    /// <summary>Overrides the connection string built from the database, e.g. to go through an <see cref="OutageProxy"/>.</summary>
    public Func<TestDatabase, string>? DatabaseConnectionString { get; set; }

    /// <summary>The clock the server uses (a FakeTimeProvider for tests of expiry).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>0: any free port.</summary>
    public int Port { get; set; }

    public Action<IServiceCollection>? ConfigureServices { get; set; }
}
