using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CiamServer.Core.Email;

/// <summary>Sends queued messages through the configured transport, retrying a failed one a few times with
/// growing pauses. Logs name the subject, never the recipient's link or the body (they carry tokens).</summary>
internal sealed partial class EmailDeliveryService(
    QueuedEmailSender queue,
    IEmailTransport transport,
    TimeProvider clock,
    ILogger<EmailDeliveryService> logger) : BackgroundService
{
    private static readonly TimeSpan[] RetryPauses = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            var left = queue.Reader.Count;
            if (left > 0)
            {
                LogUnsentAtShutdown(logger, left);
            }
        }
    }

    private async Task DeliverAsync(EmailMessage message, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await transport.SendAsync(message, stoppingToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (attempt == RetryPauses.Length)
                {
                    LogGaveUp(logger, exception, message.Subject, attempt + 1);
                    return;
                }

                LogRetrying(logger, exception, message.Subject, RetryPauses[attempt].TotalSeconds);
                await Task.Delay(RetryPauses[attempt], clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending the email \"{Subject}\" failed; retrying in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string subject, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up sending the email \"{Subject}\" after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string subject, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} queued emails were not sent before shutdown")]
    private static partial void LogUnsentAtShutdown(ILogger logger, int count);
}
