namespace CiamServer.Risk.Counters;

/// <summary>The counters of one process (no Redis configured): counts and sets of names that expire a window
/// after they start, like their Redis keys. Exact sets where Redis keeps a HyperLogLog.</summary>
internal sealed class MemoryRiskCounterStore(TimeProvider clock)
{
    private const int SweepEvery = 1024;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _startsSinceSweep;

    internal int EntryCount
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public long Count(string key)
    {
        lock (_lock)
        {
            return Live(key) is { } entry ? entry.Count : 0;
        }
    }

    public long Increment(string key, TimeSpan window)
    {
        lock (_lock)
        {
            var entry = Live(key) ?? Start(key, window);
            return ++entry.Count;
        }
    }

    public void AddMember(string key, string member, TimeSpan window)
    {
        lock (_lock)
        {
            var entry = Live(key) ?? Start(key, window);
            entry.Members ??= new HashSet<string>(StringComparer.Ordinal);
            if (entry.Members.Add(member))
            {
                entry.Count = entry.Members.Count;
            }
        }
    }

    /// <summary>The entry unless it expired (then it is dropped).</summary>
    private Entry? Live(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt > clock.GetUtcNow())
        {
            return entry;
        }

        _entries.Remove(key);
        return null;
    }

    private Entry Start(string key, TimeSpan window)
    {
        if (++_startsSinceSweep >= SweepEvery)
        {
            Sweep();
        }

        var entry = new Entry { ExpiresAt = clock.GetUtcNow() + window };
        _entries[key] = entry;
        return entry;
    }

    /// <summary>Drops every expired window, so names and addresses never seen again do not pile up.</summary>
    private void Sweep()
    {
        _startsSinceSweep = 0;
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.Remove(key);
            }
        }
    }

    private sealed class Entry
    {
        public long Count { get; set; }

        public HashSet<string>? Members { get; set; }

        public DateTimeOffset ExpiresAt { get; init; }
    }
}
