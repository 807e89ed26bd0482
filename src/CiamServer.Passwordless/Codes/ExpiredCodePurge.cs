using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CiamServer.Passwordless.Codes;

/// <summary>Deletes long-expired codes every hour, so the table holds only the last day's.</summary>
internal sealed partial class ExpiredCodePurge(IServiceScopeFactory scopes, ILogger<ExpiredCodePurge> logger, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<OneTimeCodeService>().PurgeExpiredAsync(stoppingToken);
                LogPurged(deleted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be down or not migrated yet; the next pass tries again.
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Debug, "Deleted {Count} expired one-time codes")]
    private partial void LogPurged(int count);

    [LoggerMessage(LogLevel.Warning, "Could not delete expired one-time codes")]
    private partial void LogFailed(Exception exception);
}
