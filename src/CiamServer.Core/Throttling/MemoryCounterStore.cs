using System.Collections.Concurrent;

namespace CiamServer.Core.Throttling;

/// <summary>Counters for a single node (the embedded development default).</summary>
internal sealed class MemoryCounterStore(TimeProvider clock) : ICounterStore
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new();

    public Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var counter = _counters.AddOrUpdate(
            key,
            _ => new Counter(1, now + window),
            (_, existing) => existing.ExpiresAt <= now ? new Counter(1, now + window) : existing with { Count = existing.Count + 1 });
        return Task.FromResult(counter.Count);
    }

    public Task<long> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_counters.TryGetValue(key, out var counter) && counter.ExpiresAt > clock.GetUtcNow() ? counter.Count : 0);

    public Task ResetAsync(string key, CancellationToken cancellationToken)
    {
        _counters.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private sealed record Counter(long Count, DateTimeOffset ExpiresAt);
}
