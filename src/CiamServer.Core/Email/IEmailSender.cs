namespace CiamServer.Core.Email;

/// <summary>Sends transactional email (verification, password reset, notices): queued, delivered in the
/// background with retries, so a caller never waits for the mail server.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
