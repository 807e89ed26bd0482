using Xunit;

namespace CiamServer.Testing;

/// <summary>xunit class fixture: one server (with the standard tenants) for the tests of a class.</summary>
public class ServerFixture : IAsyncLifetime
{
    private CiamTestServer? _server;

    public CiamTestServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    protected virtual TestServerOptions Options() => new();

    public async Task InitializeAsync() => _server = await CiamTestServer.StartAsync(Options());

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
