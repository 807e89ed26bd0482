using System.ComponentModel.DataAnnotations;

namespace CiamServer.Passwordless.Passkeys;

/// <summary><c>Ciam:Passwordless:Passkeys</c>: the WebAuthn relying party.</summary>
public sealed class PasskeyOptions
{
    /// <summary>The relying-party id (a registrable domain). Unset: the host name of the request, which the
    /// server's AllowedHosts already bounds.</summary>
    public string? RelyingPartyId { get; set; }

    /// <summary>How long a registration or sign-in ceremony may take, from the options to the answer: the
    /// browser's timeout, the life of the protected challenge and of its single-use mark.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:30:00")]
    public TimeSpan CeremonyTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
