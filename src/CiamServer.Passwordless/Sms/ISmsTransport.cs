namespace CiamServer.Passwordless.Sms;

/// <summary>Hands one message to the provider (Twilio, or the development pickup folder). Only
/// <see cref="SmsDeliveryService"/> calls it: pages enqueue through <see cref="ISmsSender"/>. Throws
/// <see cref="SmsRejectedException"/> when trying again cannot help, any other exception when it might.</summary>
internal interface ISmsTransport
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
