namespace CiamServer.Core.Email;

/// <summary>Hands one message to the mail system (SMTP or the development pickup folder). Only
/// <see cref="EmailDeliveryService"/> calls it: pages enqueue through <see cref="IEmailSender"/>.</summary>
internal interface IEmailTransport
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
