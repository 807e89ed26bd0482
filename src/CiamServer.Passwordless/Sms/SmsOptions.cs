namespace CiamServer.Passwordless.Sms;

/// <summary><c>Ciam:Passwordless:Sms</c>: where text messages go. Nothing set means no text messages.</summary>
public sealed class SmsOptions
{
    /// <summary>Development: each message is written to this folder as a file instead of being sent.</summary>
    public string? PickupDirectory { get; set; }
}
