namespace CiamServer.Passwordless.Sms;

/// <summary><c>Ciam:Passwordless:Sms</c>: where text messages go, a development folder or Twilio (one of the
/// two). Nothing set means no text messages: SMS sign-in is not offered. Checked at start-up by
/// <see cref="SmsOptionsValidator"/>.</summary>
public sealed class SmsOptions
{
    public const string Section = "Ciam:Passwordless:Sms";

    /// <summary>Development: each message is written to this folder as a file instead of being sent.</summary>
    public string? PickupDirectory { get; set; }

    public TwilioSmsOptions Twilio { get; } = new();

    internal bool UsesPickupDirectory => !string.IsNullOrWhiteSpace(PickupDirectory);

    internal bool IsConfigured => UsesPickupDirectory || Twilio.IsSet;
}
