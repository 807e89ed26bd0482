using CiamServer.Protocol.Keys;
using Microsoft.Extensions.DependencyInjection;

namespace CiamServer.Protocol;

public static class ProtocolStartup
{
    /// <summary>Creates the first keys if there are none and loads the ring. Run after migrations,
    /// before the server takes requests.</summary>
    public static async Task InitializeProtocolAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KeyRing>().EnsureKeysAsync(cancellationToken);
        }

        await services.GetRequiredService<KeyRingMonitor>().RefreshAsync(cancellationToken);
    }

    /// <summary>Rotates the keys (the <c>keys rotate</c> command) and returns the new key ids.</summary>
    public static async Task<IReadOnlyList<string>> RotateKeysAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeyRing>().RotateAsync(cancellationToken);
    }
}
