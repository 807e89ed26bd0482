using CiamServer.Core.Passwordless;
using CiamServer.Core.Users;

namespace CiamServer.Passwordless.Passkeys;

/// <summary>The options for the browser (W3C JSON form) and the protected state it sends back with its answer.</summary>
public sealed record PasskeyCeremony(string OptionsJson, string State);

/// <summary>Why a ceremony was refused. Pages turn each into one message; unknown, disabled and mismatched
/// credentials are deliberately the same answer.</summary>
public enum PasskeyFailure
{
    /// <summary>The answer is not a WebAuthn credential at all (malformed JSON, wrong types, too long).</summary>
    Malformed,

    /// <summary>The state is not ours, has expired, or its challenge was already used.</summary>
    Expired,

    /// <summary>Unknown credential, another tenant's, a disabled user, or a failed verification.</summary>
    NotRecognized,

    /// <summary>The counter did not go up: the credential may have been cloned.</summary>
    CounterWentBackwards,

    /// <summary>The tenant wants attestation and the authenticator gave none (or only self attestation).</summary>
    AttestationRequired,

    /// <summary>This credential is already registered.</summary>
    AlreadyRegistered,
}

public sealed record PasskeyRegistrationResult(PasskeyCredential? Credential, PasskeyFailure? Failure)
{
    public bool Succeeded => Credential is not null;
}

/// <summary>A verified sign-in: the user and the RFC 8176 methods (hwk or swk, and mfa when the user was verified).</summary>
public sealed record PasskeySignInResult(CiamUser? User, IReadOnlyList<string> Methods, PasskeyFailure? Failure)
{
    public bool Succeeded => User is not null;

    public static PasskeySignInResult Failed(PasskeyFailure failure) => new(null, [], failure);
}
