namespace CiamServer.Core.Email;

/// <summary>Sends transactional email (verification, password reset, notices).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
