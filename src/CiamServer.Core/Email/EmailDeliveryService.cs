using System.Security.Cryptography;
using System.Text;
using CiamServer.Core.Throttling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CiamServer.Core.Email;

/// <summary>Sends queued messages through the configured transport, retrying a failed one a few times with
/// growing pauses, and at most <see cref="EmailOptions.MaxPerRecipientPerHour"/> of one kind (subject) to one
/// address an hour, so the hosted forms cannot flood an inbox; a flood of one kind (resets) does not use up
/// another's (verification). Logs name the subject, never the recipient, link or body (they carry tokens).</summary>
internal sealed partial class EmailDeliveryService(
    QueuedEmailSender queue,
    IEmailTransport transport,
    ICounterStore counters,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailDeliveryService> logger) : BackgroundService
{
    private static readonly TimeSpan[] RetryPauses = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];
    private static readonly TimeSpan LimitWindow = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    if (await WithinLimitAsync(message, stoppingToken))
                    {
                        await DeliverAsync(message, stoppingToken);
                    }
                }
                finally
                {
                    queue.Done();
                }
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

    private async Task<bool> WithinLimitAsync(EmailMessage message, CancellationToken stoppingToken)
    {
        try
        {
            var sent = await counters.IncrementAsync(LimitKey(message), LimitWindow, stoppingToken);
            if (sent <= options.Value.MaxPerRecipientPerHour)
            {
                return true;
            }

            LogRecipientLimit(logger, message.Subject, options.Value.MaxPerRecipientPerHour);
            return false;
        }
        catch (Exception exception) when (Infrastructure.InfrastructureFailure.Is(exception))
        {
            // Without the counter store, mail still goes out: losing a reset link is worse than a missed limit.
            LogLimitUnavailable(logger, exception);
            return true;
        }
    }

    /// <summary>A digest of address and subject, so the counter store never holds email addresses.</summary>
    private static string LimitKey(EmailMessage message) =>
        "email:to:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(message.To.Trim().ToUpperInvariant() + "\n" + message.Subject)))[..32];

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped the email \"{Subject}\": its recipient already had {Limit} of them this hour")]
    private static partial void LogRecipientLimit(ILogger logger, string subject, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The per-recipient email limit could not be checked; sending anyway")]
    private static partial void LogLimitUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} queued emails were not sent before shutdown")]
    private static partial void LogUnsentAtShutdown(ILogger logger, int count);
}
