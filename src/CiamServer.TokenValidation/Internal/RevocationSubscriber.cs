using CiamServer.TokenValidation.Revocation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CiamServer.TokenValidation.Internal;

/// <summary>Keeps a scheme's <see cref="RevocationSet"/> current: adds each message of the channel, re-reads
/// the sorted set at start, after every reconnect and every ReconcileInterval, and confirms
/// <see cref="RevocationFreshness"/> only while nothing can have been missed.</summary>
internal sealed class RevocationSubscriber(
    string scheme,
    CiamJwtBearerOptions options,
    RevocationSet set,
    RevocationFreshness freshness,
    TimeProvider clock,
    ILogger<RevocationSubscriber> logger) : IHostedService, IDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal(RevocationContract.Channel);
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan InitialLoadWait = TimeSpan.FromSeconds(5);

    private readonly TimeSpan _heartbeat = Clamp(options.FailClosedAfter / 4, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IConnectionMultiplexer? _redis;
    private bool _subscribed;
    // Connection failures seen, and how many of them the last full reconcile came after.
    private int _failures;
    private int _reconciledAfterFailures = -1;
    private long? _lastReconcileAt;
    private long _startedAt;
    private bool _reportedStale;
    private Task _loop = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _startedAt = clock.GetTimestamp();
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        // Give the first load a moment so the first requests are not refused while it is in flight, but
        // never keep the API from starting because Redis is down.
        try
        {
            await _firstLoad.Task.WaitAsync(Min(InitialLoadWait, options.FailClosedAfter), clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.InitialLoadPending(scheme, options.FailOpen ? "accepted unchecked" : "refused");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_redis is { } redis)
        {
            redis.ConnectionFailed -= OnConnectionFailed;
            redis.ConnectionRestored -= OnConnectionRestored;
            if (_subscribed)
            {
                await redis.GetSubscriber().UnsubscribeAsync(Channel, OnMessage, CommandFlags.FireAndForget);
            }

            if (options.RedisConnection is null)
            {
                await redis.DisposeAsync();
            }
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            var redis = _redis = await ConnectAsync();
            redis.ConnectionFailed += OnConnectionFailed;
            redis.ConnectionRestored += OnConnectionRestored;
            while (!stopping.IsCancellationRequested)
            {
                await RefreshAsync(redis, stopping);
                ReportStaleness();
                await _wake.WaitAsync(_heartbeat, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        if (options.RedisConnection is { } shared)
        {
            return shared;
        }

        var configuration = ConfigurationOptions.Parse(options.RedisConfiguration!);
        // Start without Redis and keep retrying; fail commands at once while disconnected instead of queueing
        // them, since staleness, not a command timeout, decides what happens to tokens.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ClientName ??= "ciam-revocation";
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }

    /// <summary>One check: a full reconcile when due, otherwise a PING on the subscription connection.
    /// Either confirms freshness as of its start, unless a connection failure happened meanwhile.</summary>
    private async Task RefreshAsync(IConnectionMultiplexer redis, CancellationToken stopping)
    {
        var failures = Volatile.Read(ref _failures);
        var startedAt = clock.GetTimestamp();
        try
        {
            if (failures != _reconciledAfterFailures || _lastReconcileAt is not { } last || clock.GetElapsedTime(last) >= options.ReconcileInterval)
            {
                await ReconcileAsync(redis, stopping);
                _reconciledAfterFailures = failures;
                _lastReconcileAt = startedAt;
            }
            else
            {
                await redis.GetSubscriber().PingAsync().WaitAsync(OperationTimeout, clock, stopping);
            }

            if (Volatile.Read(ref _failures) == failures)
            {
                freshness.Confirm(startedAt);
                _firstLoad.TrySetResult();
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.RefreshFailed(scheme, exception);
        }
    }

    private async Task ReconcileAsync(IConnectionMultiplexer redis, CancellationToken stopping)
    {
        var subscriber = redis.GetSubscriber();
        if (!_subscribed)
        {
            // Once subscribed, the multiplexer re-subscribes by itself after every reconnect.
            await subscriber.SubscribeAsync(Channel, OnMessage).WaitAsync(OperationTimeout, clock, stopping);
            _subscribed = true;
        }

        // Answered after any SUBSCRIBE sent before it: from here on no publish can slip past unseen.
        await subscriber.PingAsync().WaitAsync(OperationTimeout, clock, stopping);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var entries = await redis.GetDatabase()
            .SortedSetRangeByScoreWithScoresAsync(RevocationContract.Key, now, double.PositiveInfinity)
            .WaitAsync(OperationTimeout, clock, stopping);
        var invalid = 0;
        foreach (var entry in entries)
        {
            if (RevocationContract.TryParseMember(entry.Element, RevocationContract.ToUnixSeconds(entry.Score), out var revocation))
            {
                set.Add(revocation);
            }
            else
            {
                invalid++;
            }
        }

        var pruned = set.Prune(now);
        logger.Reconciled(scheme, entries.Length, set.Count, pruned);
        if (invalid > 0)
        {
            logger.InvalidMembers(scheme, invalid);
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        if (RevocationContract.TryParseMessage(message, out var entry))
        {
            set.Add(entry);
        }
        else
        {
            logger.InvalidMessage(scheme, message.ToString());
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        Interlocked.Increment(ref _failures);
        logger.ConnectionLost(scheme, e.ConnectionType, e.FailureType);
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        logger.ConnectionRestored(scheme, e.ConnectionType);
        Wake();
    }

    /// <summary>Reconcile now rather than at the next heartbeat.</summary>
    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private void ReportStaleness()
    {
        // Before the first load, give start-up its moment before calling it an outage.
        var stale = freshness.IsStale && (freshness.WasEverConfirmed || clock.GetElapsedTime(_startedAt) > InitialLoadWait);
        if (stale && !_reportedStale)
        {
            logger.RevocationDataStale(scheme, freshness.SinceConfirmed, options.FailClosedAfter,
                options.FailOpen ? "accepted unchecked (fail open)" : "refused (fail closed)");
        }
        else if (!stale && _reportedStale)
        {
            logger.RevocationDataCurrent(scheme, set.Count);
        }

        _reportedStale = stale;
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
