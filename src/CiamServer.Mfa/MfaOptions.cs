namespace CiamServer.Mfa;

/// <summary><c>Ciam:Mfa</c>: second factors (authenticator apps, recovery codes). When a second factor is asked
/// for is each tenant's MFA policy, not a server setting.</summary>
public sealed class MfaOptions
{
    public const string Section = "Ciam:Mfa";

    public TotpOptions Totp { get; } = new();

    public RecoveryCodeOptions RecoveryCodes { get; } = new();
}

/// <summary><c>Ciam:Mfa:Totp</c>: authenticator apps (RFC 6238: SHA-1, 6 digits, 30-second steps, which every
/// app supports).</summary>
public sealed class TotpOptions
{
    /// <summary>The name the authenticator app shows above the code. Unset: the tenant's display name.
    /// <c>{tenant}</c> in the text is replaced by the tenant's display name ("Example ID ({tenant})").</summary>
    public string? Issuer { get; set; }

    /// <summary>30-second steps accepted before and after the current one, for clocks that drift and people
    /// who type slowly. 1 (the default) accepts codes up to 30 seconds off; each step more is another code an
    /// attacker can guess.</summary>
    public int ClockWindowSteps { get; set; } = 1;
}

/// <summary><c>Ciam:Mfa:RecoveryCodes</c>: the single-use codes for when the authenticator is lost.</summary>
public sealed class RecoveryCodeOptions
{
    /// <summary>Codes in a set; generating a new set replaces the old one.</summary>
    public int Count { get; set; } = 10;
}
