using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CiamServer.Protocol.Keys;

/// <summary>Re-reads the key ring periodically: picks up rotations made on other nodes, and the moment
/// a key published ahead becomes the signing key.</summary>
internal sealed partial class KeyRingRefresher(KeyRingMonitor monitor, IOptions<ProtocolOptions> options,
    TimeProvider clock, ILogger<KeyRingRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Keys.RefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await monitor.RefreshAsync(stoppingToken))
                {
                    LogChanged(logger, monitor.Current.SigningKeys[0].KeyId);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The ring in memory stays valid; the next tick tries again.
                LogRefreshFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Key ring changed; signing with key {KeyId}")]
    private static partial void LogChanged(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-read the key ring")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
