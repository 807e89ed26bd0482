namespace CiamServer.Core.Tenancy;

/// <summary>When a second factor is asked for, and which factors count.</summary>
public sealed class TenantMfaPolicy
{
    /// <summary>Off by default, as in Keycloak and Auth0: a tenant turns it on (adaptive is the recommended mode).</summary>
    public MfaMode Mode { get; set; } = MfaMode.Off;

    /// <summary>Roles whose members always need a second factor, whatever the mode (comma separated).</summary>
    public string? RequiredForRoles { get; set; }

    public bool AllowTotp { get; set; } = true;

    /// <summary>A passkey or security key as the second factor after a password or code.</summary>
    public bool AllowWebAuthn { get; set; } = true;

    /// <summary>A code by text message as the second factor: weaker (SIM swap, interception), off by default.</summary>
    public bool AllowSms { get; set; }

    /// <summary>A code by email as the second factor: weaker (NIST does not count email at AAL2), off by default.
    /// Without any enrolled factor, adaptive step-up still falls back to a code to the verified email.</summary>
    public bool AllowEmail { get; set; }

    /// <summary>Days a browser that passed the second factor may skip it; 0 turns "remember this device" off.</summary>
    public int RememberDeviceDays { get; set; } = 30;

    public IReadOnlyList<string> RolesRequiringMfa =>
        (RequiredForRoles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum MfaMode
{
    /// <summary>Never asked (risk can still refuse a sign-in).</summary>
    Off = 0,

    /// <summary>Users may enrol; an enrolled user is asked at every sign-in on a device not remembered.</summary>
    Optional = 1,

    /// <summary>Every user needs a second factor: one without is asked to enrol after signing in.</summary>
    Required = 2,

    /// <summary>Asked only when the risk engine says step up (or a client asks with acr_values).</summary>
    Adaptive = 3,
}
