namespace CiamServer.Passwordless.Sms;

/// <summary>Stands in for a transport when no provider is configured, so the delivery service can always be
/// built. Never reached in practice: <see cref="QueuedSmsSender"/> refuses messages then.</summary>
internal sealed class NoSmsTransport : ISmsTransport
{
    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"No SMS provider is configured ({SmsOptions.Section}).");
}
