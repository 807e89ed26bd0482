namespace CiamServer.Passwordless.Passkeys;

/// <summary><c>Ciam:Passwordless:Passkeys</c>: the WebAuthn relying party.</summary>
public sealed class PasskeyOptions
{
    /// <summary>The relying-party id (a registrable domain). Unset: the host name of the request, which the
    /// server's AllowedHosts already bounds.</summary>
    public string? RelyingPartyId { get; set; }
}
