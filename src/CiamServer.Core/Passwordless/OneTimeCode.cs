using CiamServer.Core.Tenancy;

namespace CiamServer.Core.Passwordless;

/// <summary>A code (and, for magic links, a link token) sent to an email address or phone number. Only hashes
/// are stored. It is bound to the browser that asked for it, single use, expiring, and dies after too many
/// wrong tries.</summary>
public sealed class OneTimeCode : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public required OneTimeCodePurpose Purpose { get; init; }

    public required OneTimeCodeChannel Channel { get; init; }

    /// <summary>The normalised recipient: an upper-cased email address or an E.164 phone number.</summary>
    public required string Recipient { get; init; }

    /// <summary>SHA-256 of the row id and the 6-digit code.</summary>
    public required string CodeHash { get; init; }

    /// <summary>SHA-256 of the magic link's 256-bit token; null when only a code was sent.</summary>
    public string? LinkHash { get; init; }

    /// <summary>SHA-256 of the random value in the requesting browser's cookie: a link opened elsewhere asks
    /// for confirmation, and the code can only be typed into the browser that asked for it.</summary>
    public required string BrowserHash { get; init; }

    /// <summary>Where the user goes after signing in (a path of this tenant).</summary>
    public required string ReturnUrl { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    /// <summary>Tries so far, right or wrong: counted before the code is compared, so parallel guesses cannot
    /// get more than the allowed number of tries.</summary>
    public int Attempts { get; set; }

    public DateTime? ConsumedAt { get; set; }
}

public enum OneTimeCodePurpose
{
    /// <summary>Signs in an existing account, or creates one with the recipient verified.</summary>
    SignIn = 1,

    /// <summary>Signs in an account that has lost its passkeys, which then adds a new one.</summary>
    Recovery = 2,

    /// <summary>The second factor of a sign-in that passed its first (or a risk step-up): proves the verified
    /// email or phone of the account, signs in nobody by itself.</summary>
    SecondFactor = 3,
}

public enum OneTimeCodeChannel
{
    Email = 1,
    Sms = 2,
}
