namespace CiamServer.IntegrationTests.Operations;

/// <summary>A server whose PostgreSQL connections go through an <see cref="OutageProxy"/> the tests cut and restore.</summary>
public sealed class DatabaseOutageFixture : ServerFixture, IAsyncLifetime
{
    private OutageProxy? _proxy;

    public OutageProxy Proxy => _proxy ?? throw new InvalidOperationException("The server has not started.");

    protected override TestServerOptions Options() => new()
    {
        DatabaseConnectionString = database =>
        {
            var (host, port) = TestDatabase.Endpoint(database.ConnectionString);
            _proxy = new OutageProxy(host, port);
            return database.Through("127.0.0.1", _proxy.Port);
        },
    };

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
    }
}

/// <summary>A server whose Redis connection goes through an <see cref="OutageProxy"/> the tests cut and restore.</summary>
public sealed class RedisOutageFixture : ServerFixture, IAsyncLifetime
{
    private OutageProxy? _proxy;

    public OutageProxy Proxy => _proxy ?? throw new InvalidOperationException("The server has not started.");

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    protected override TestServerOptions Options()
    {
        var redis = TestServices.RedisAsync().GetAwaiter().GetResult();
        var endpoint = redis.Split(',')[0];
        var colon = endpoint.LastIndexOf(':');
        _proxy = colon < 0
            ? new OutageProxy(endpoint, 6379)
            : new OutageProxy(endpoint[..colon], int.Parse(endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        return new TestServerOptions { RedisConfiguration = $"127.0.0.1:{_proxy.Port}" };
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
    }
}
