using CiamServer.TokenValidation.Revocation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CiamServer.Protocol.Revocation;

/// <summary>Publishes revocations to Redis (sorted set + channel, <see cref="RevocationContract"/>) for the
/// APIs. Best effort with a short timeout: a sign-out never waits long on Redis or fails because of it; the
/// record is already in PostgreSQL and the replicator catches Redis up. Without Redis configured
/// (the embedded development default) there are no APIs listening and nothing is published.</summary>
internal sealed partial class RevocationBroadcaster(IServiceProvider services, TimeProvider clock, ILogger<RevocationBroadcaster> logger)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(1);

    private readonly RevocationPublisher? _publisher = services.GetService<IConnectionMultiplexer>() is { } redis
        ? new RevocationPublisher(redis, clock)
        : null;

    public async Task PublishAsync(IEnumerable<RevocationEntry> entries, CancellationToken cancellationToken)
    {
        if (_publisher is null)
        {
            return;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        try
        {
            foreach (var entry in entries.Where(e => e.ExpiresAt > now))
            {
                await _publisher.PublishAsync(entry).WaitAsync(PublishTimeout, clock, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing a revocation to Redis failed; it is recorded in the database and the replicator will copy it")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
