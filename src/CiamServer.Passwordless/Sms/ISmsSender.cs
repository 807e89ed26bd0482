namespace CiamServer.Passwordless.Sms;

/// <summary>Sends a text message. Like email, sending is queued: a page never waits for the provider, so its
/// answer time says nothing about whether a message went out, and a provider outage never fails a page
/// (the background sender retries, then logs).</summary>
public interface ISmsSender
{
    /// <summary>False when no SMS provider is configured: text-message sign-in is then not offered.</summary>
    bool IsConfigured { get; }

    /// <summary>Queues the message and returns. Throws <see cref="InvalidOperationException"/> when
    /// <see cref="IsConfigured"/> is false: a caller that offers SMS without checking has a bug.</summary>
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

/// <summary>A text message to one phone number in E.164 form ("+12015550123"; see
/// <see cref="Phones.PhoneNumberNormalizer"/>). The body usually holds a sign-in code, so it is never logged.</summary>
public sealed record SmsMessage(string To, string Body);
