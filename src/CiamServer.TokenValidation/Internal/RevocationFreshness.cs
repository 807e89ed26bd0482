namespace CiamServer.TokenValidation.Internal;

/// <summary>When the local set was last known complete: the subscription connection answered and nothing
/// could have been missed since the last full reconcile. Staleness is measured from that moment.</summary>
internal sealed class RevocationFreshness(TimeProvider clock, TimeSpan failClosedAfter)
{
    private const long Never = long.MinValue;
    private long _confirmedAt = Never;

    public TimeSpan FailClosedAfter => failClosedAfter;

    public bool WasEverConfirmed => Volatile.Read(ref _confirmedAt) != Never;

    /// <summary>Null until the first successful load.</summary>
    public TimeSpan? SinceConfirmed
    {
        get
        {
            var confirmedAt = Volatile.Read(ref _confirmedAt);
            return confirmedAt == Never ? null : clock.GetElapsedTime(confirmedAt);
        }
    }

    /// <summary>Stale before the first load too: an API that never saw the set cannot vouch for any token.</summary>
    public bool IsStale => SinceConfirmed is not { } since || since > failClosedAfter;

    /// <summary>Called only by the subscriber's loop, with the time its check started.</summary>
    public void Confirm(long timestamp) => Volatile.Write(ref _confirmedAt, timestamp);
}
