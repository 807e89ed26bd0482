using CiamServer.Passwordless.Phones;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CiamServer.Passwordless.Sms;

/// <summary>Sends queued messages through the configured transport, retrying a failed one a few times with
/// growing pauses unless the provider refused it for good. No failure stops the loop, so the host never
/// goes down over a text message. Logs show the number masked and never the body (it holds a sign-in code).
/// Unlike email there is no per-recipient limit here: codes are the only texts, and the code flow already
/// limits them per number and per address (<see cref="Codes.CodeSendThrottle"/>).</summary>
internal sealed partial class SmsDeliveryService(
    QueuedSmsSender queue,
    ISmsTransport transport,
    TimeProvider clock,
    ILogger<SmsDeliveryService> logger) : BackgroundService
{
    private static readonly TimeSpan[] RetryPauses = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(message, stoppingToken);
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

    private async Task DeliverAsync(SmsMessage message, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await transport.SendAsync(message, stoppingToken);
                return;
            }
            catch (SmsRejectedException exception)
            {
                LogRejected(logger, exception, PhoneNumberNormalizer.Masked(message.To));
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (attempt == RetryPauses.Length)
                {
                    LogGaveUp(logger, exception, PhoneNumberNormalizer.Masked(message.To), attempt + 1);
                    return;
                }

                LogRetrying(logger, exception, PhoneNumberNormalizer.Masked(message.To), RetryPauses[attempt].TotalSeconds);
                await Task.Delay(RetryPauses[attempt], clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a text message to {To} failed; retrying in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string to, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Gave up sending a text message to {To} after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string to, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The SMS provider refused a text message to {To}; not retrying")]
    private static partial void LogRejected(ILogger logger, Exception exception, string to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} queued text messages were not sent before shutdown")]
    private static partial void LogUnsentAtShutdown(ILogger logger, int count);
}
