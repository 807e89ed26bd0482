using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace CiamServer.Protocol.Keys;

/// <summary>Holds this node's view of the key ring and signals when it changes, so OpenIddict's options
/// (which carry the credentials) are rebuilt without a restart.</summary>
public sealed class KeyRingMonitor(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private KeyRingSnapshot? _current;
    private CancellationTokenSource _changed = new();

    public KeyRingSnapshot Current =>
        _current ?? throw new InvalidOperationException("The key ring was not loaded; the host loads it at start-up.");

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    /// <summary>Re-reads the ring; true when it changed (a rotation, or a key that became active or expired).</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var ring = scope.ServiceProvider.GetRequiredService<KeyRing>();
            var snapshot = await ring.LoadAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
            if (_current is not null && _current.Fingerprint == snapshot.Fingerprint)
            {
                return false;
            }

            _current = snapshot;
            var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
            await previous.CancelAsync();
            previous.Dispose();
            return true;
        }
        finally
        {
            _refreshLock.Release();
        }
    }
}
