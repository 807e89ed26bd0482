using CiamServer.Core.Tenancy;

namespace CiamServer.Core.Passwordless;

/// <summary>A WebAuthn credential (passkey or security key) registered to an account.</summary>
public sealed class PasskeyCredential : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid UserId { get; init; }

    /// <summary>The authenticator's credential id (at most 1023 bytes, WebAuthn Level 3).</summary>
    public required byte[] CredentialId { get; init; }

    /// <summary>The COSE-encoded public key.</summary>
    public required byte[] PublicKey { get; init; }

    /// <summary>The user handle the authenticator stores with a discoverable credential (the user id's bytes).</summary>
    public required byte[] UserHandle { get; init; }

    /// <summary>The last signature counter seen; a counter that goes backwards suggests a cloned authenticator.</summary>
    public uint SignCount { get; set; }

    /// <summary>The user's name for it ("Work laptop").</summary>
    public required string Name { get; set; }

    /// <summary>Transports the authenticator said it supports ("internal", "hybrid", "usb"...), space separated.</summary>
    public string? Transports { get; init; }

    /// <summary>The authenticator model (all zeros when it did not say, as with attestation "none").</summary>
    public Guid AaGuid { get; init; }

    public required string AttestationFormat { get; init; }

    /// <summary>Backup eligible: a synced passkey (software key, amr swk) rather than a device-bound key (hwk).</summary>
    public bool IsBackupEligible { get; init; }

    public bool IsBackedUp { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? LastUsedAt { get; set; }
}
