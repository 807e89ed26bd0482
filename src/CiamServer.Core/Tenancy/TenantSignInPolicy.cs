namespace CiamServer.Core.Tenancy;

/// <summary>Which ways of signing in a tenant's login page offers. A user can sign up and sign in through any
/// of the passwordless ones without ever having a password.</summary>
public sealed class TenantSignInPolicy
{
    public bool Password { get; set; } = true;

    /// <summary>A single-use link sent by email.</summary>
    public bool EmailLink { get; set; } = true;

    /// <summary>A 6-digit single-use code sent by email.</summary>
    public bool EmailCode { get; set; } = true;

    /// <summary>A 6-digit single-use code sent by text message (needs an SMS sender configured).</summary>
    public bool SmsCode { get; set; }

    /// <summary>WebAuthn passkeys: registered from the account page or at sign-up, used with autofill.</summary>
    public bool Passkey { get; set; } = true;

    /// <summary>An account that has only passkeys may recover (sign in and add a new passkey) with a code sent
    /// to its verified email address. Off means a lost passkey needs an administrator.</summary>
    public bool PasskeyRecoveryByEmail { get; set; } = true;

    /// <summary>Refuse authenticators that do not prove their make and model (attestation other than "none").</summary>
    public bool RequirePasskeyAttestation { get; set; }

    public bool AnyEmailCode => EmailLink || EmailCode;
}
