using CiamServer.Core.Tenancy;
using Fido2NetLib;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CiamServer.Passwordless.Passkeys;

/// <summary>The relying party of the current request: its id is the configured one or the request's host
/// name, the one origin accepted is the request's own (scheme, host, port), and its name is the tenant's.</summary>
internal sealed class PasskeyRelyingParty(IHttpContextAccessor http, ITenantContext tenants, IOptions<PasswordlessOptions> options)
{
    private HttpRequest Request => http.HttpContext?.Request
        ?? throw new InvalidOperationException("Passkey ceremonies run inside an HTTP request.");

    public TimeSpan Timeout => options.Value.Passkeys.CeremonyTimeout;

    public string Id => options.Value.Passkeys.RelyingPartyId ?? Request.Host.Host;

    public string Origin => $"{Request.Scheme}://{Request.Host.Value}";

    public Fido2Configuration Configuration() => new()
    {
        RPID = Id,
        RPName = tenants.Required.DisplayName,
        Origins = new HashSet<string>(StringComparer.Ordinal) { Origin },
        Timeout = (uint)Timeout.TotalMilliseconds,
        // 32 random bytes per challenge (SECURITY.md asks for at least 64 bits).
        ChallengeSize = 32,
    };
}
