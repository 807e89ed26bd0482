namespace CiamServer.Core.Throttling;

/// <summary>Expiring counters shared by all nodes (Redis), or by one process when Redis is not configured.</summary>
public interface ICounterStore
{
    /// <summary>Adds one and returns the new count; the count expires <paramref name="window"/> after its first increment.</summary>
    Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken);

    Task<long> GetAsync(string key, CancellationToken cancellationToken);

    Task ResetAsync(string key, CancellationToken cancellationToken);
}
