using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CiamServer.Protocol.BackchannelLogout;

/// <summary>POSTs queued logout tokens (form field logout_token), retrying a few times with back-off; the
/// spec asks clients to answer 200 (or 204), anything else counts as a failure.</summary>
internal sealed partial class LogoutDeliveryService(LogoutDeliveryQueue queue, IHttpClientFactory clients,
    ILogger<LogoutDeliveryService> logger) : BackgroundService
{
    internal const string HttpClientName = "ciam-backchannel-logout";
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var delivery in queue.Reader.ReadAllAsync(stoppingToken))
        {
            _ = DeliverAsync(delivery, stoppingToken);
        }
    }

    private async Task DeliverAsync(LogoutDelivery delivery, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = clients.CreateClient(HttpClientName);
                using var content = new FormUrlEncodedContent([new("logout_token", delivery.LogoutToken)]);
                using var response = await client.PostAsync(delivery.Endpoint, content, stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                LogRejected(logger, delivery.ClientId, (int)response.StatusCode, attempt + 1);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                LogUnreachable(logger, exception, delivery.ClientId, attempt + 1);
            }

            if (attempt >= RetryDelays.Length || stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(RetryDelays[attempt], stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Back-channel logout to client {ClientId} answered {Status} (attempt {Attempt})")]
    private static partial void LogRejected(ILogger logger, string clientId, int status, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Back-channel logout to client {ClientId} failed (attempt {Attempt})")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string clientId, int attempt);
}
