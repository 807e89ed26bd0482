namespace CiamServer.Passwordless.Sms;

/// <summary>Sends a text message. Like email, sending is queued: a page never waits for the provider, so its
/// answer time says nothing about whether a message went out.</summary>
public interface ISmsSender
{
    /// <summary>False when no SMS provider is configured: text-message sign-in is then not offered.</summary>
    bool IsConfigured { get; }

    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

/// <summary>A text message to one E.164 phone number.</summary>
public sealed record SmsMessage(string To, string Body);
