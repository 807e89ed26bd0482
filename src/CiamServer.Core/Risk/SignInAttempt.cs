using CiamServer.Core.Tenancy;

namespace CiamServer.Core.Risk;

/// <summary>One sign-in attempt with its risk assessment: what the engine saw (inputs), what it concluded
/// (score, reasons, decision) and what then happened (outcome). The history the engine learns from.</summary>
public sealed class SignInAttempt : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    /// <summary>Null when the account name matched no account.</summary>
    public Guid? UserId { get; init; }

    /// <summary>The normalised email address or phone number typed in.</summary>
    public required string AccountName { get; init; }

    /// <summary>RFC 8176 methods of the first factor ("pwd", "otp", "hwk"...), space separated.</summary>
    public required string Methods { get; init; }

    public string? IpAddress { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>SHA-256 of the browser's device cookie (the device, not the person).</summary>
    public string? DeviceHash { get; init; }

    /// <summary>ISO 3166 country of the IP address, when known.</summary>
    public string? Country { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>0-100.</summary>
    public int Score { get; init; }

    /// <summary>allow, step_up or deny.</summary>
    public required string Decision { get; init; }

    /// <summary>JSON array of { signal, points, message }.</summary>
    public required string ReasonsJson { get; init; }

    /// <summary>JSON object of the signals' inputs (so an admin, or a dry run, can see and replay them).</summary>
    public required string InputsJson { get; init; }

    /// <summary>What happened: see <see cref="SignInOutcomes"/>.</summary>
    public required string Outcome { get; set; }

    /// <summary>The session it started, once it succeeded.</summary>
    public string? SessionId { get; set; }

    public DateTime CreatedAt { get; init; }
}

public static class SignInOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Challenged = "challenged";
    public const string ChallengeFailed = "challenge_failed";
    public const string Denied = "denied";
}
