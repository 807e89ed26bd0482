namespace CiamServer.Passwordless.Sms;

/// <summary><c>Ciam:Passwordless:Sms:Twilio</c>: the account that sends, and the sender: a phone number
/// (<see cref="From"/>), a Messaging Service (<see cref="MessagingServiceSid"/>), or both.</summary>
public sealed class TwilioSmsOptions
{
    /// <summary>The account ("AC" and 32 hex digits), from the Twilio console.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The account's auth token: a secret, keep it out of appsettings files.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The sending number in E.164 form ("+12015550123"), one the account owns.</summary>
    public string? From { get; set; }

    /// <summary>A Messaging Service ("MG" and 32 hex digits) that picks the sender from its pool; with
    /// <see cref="From"/> too, that number must be in the pool.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>True when any Twilio setting is present: half a configuration is an error, not "off".</summary>
    internal bool IsSet =>
        !string.IsNullOrWhiteSpace(AccountSid) || !string.IsNullOrWhiteSpace(AuthToken)
        || !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(MessagingServiceSid);
}
