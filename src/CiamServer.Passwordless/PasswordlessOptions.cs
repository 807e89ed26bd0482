using System.ComponentModel.DataAnnotations;
using CiamServer.Passwordless.Passkeys;
using CiamServer.Passwordless.Sms;

namespace CiamServer.Passwordless;

/// <summary><c>Ciam:Passwordless</c>: one-time codes, magic links, text messages and passkeys.</summary>
public sealed class PasswordlessOptions
{
    public const string Section = "Ciam:Passwordless";

    /// <summary>How long a code or link can be used (NIST SP 800-63B: out-of-band codes at most 10 minutes).</summary>
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong tries after which a code is dead; a new one must be asked for.</summary>
    [Range(1, 10)]
    public int MaxAttemptsPerCode { get; set; } = 5;

    /// <summary>Codes sent to one address or number per hour; more requests are answered the same way but
    /// send nothing, so nobody can flood an inbox or run up an SMS bill.</summary>
    [Range(1, 1000)]
    public int MaxCodesPerRecipientPerHour { get; set; } = 5;

    /// <summary>Codes one IP address may ask for per hour, over all recipients.</summary>
    [Range(1, 100_000)]
    public int MaxCodesPerAddressPerHour { get; set; } = 30;

    /// <summary>The country assumed for phone numbers typed without a +country code (ISO 3166 alpha-2).</summary>
    [RegularExpression("^[A-Z]{2}$")]
    public string DefaultPhoneRegion { get; set; } = "US";

    public SmsOptions Sms { get; } = new();

    public PasskeyOptions Passkeys { get; } = new();
}
