using System.Security.Cryptography;
using CiamServer.Core.Tenancy;
using CiamServer.Core.Throttling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace CiamServer.Passwordless.Passkeys;

/// <summary>The state between a ceremony's options and its answer, kept by the browser rather than in a table:
/// the options JSON protected with Data Protection (purpose per ceremony and tenant, expiring with the
/// ceremony), and a single-use mark per challenge in the shared counter store.</summary>
internal sealed class PasskeyChallenges(IDataProtectionProvider protection, ICounterStore counters, ITenantContext tenants, PasskeyRelyingParty relyingParty)
{
    public string Protect(PasskeyCeremonyKind ceremony, string optionsJson) =>
        Protector(ceremony).Protect(optionsJson, relyingParty.Timeout);

    /// <summary>The options JSON, or null when the state is not ours, belongs to another ceremony or tenant, or has expired.</summary>
    public string? Unprotect(PasskeyCeremonyKind ceremony, string? state)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 16_384)
        {
            return null;
        }

        try
        {
            return Protector(ceremony).Unprotect(state);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>True for the first use of a challenge only, so an answer cannot be replayed.</summary>
    public async Task<bool> UseAsync(byte[] challenge, CancellationToken cancellationToken)
    {
        var key = $"ciam:passkey:challenge:{tenants.Required.Id:N}:{WebEncoders.Base64UrlEncode(SHA256.HashData(challenge))}";
        return await counters.IncrementAsync(key, relyingParty.Timeout, cancellationToken) == 1;
    }

    private ITimeLimitedDataProtector Protector(PasskeyCeremonyKind ceremony) =>
        protection.CreateProtector("CiamServer.Passwordless.Passkeys", ceremony.ToString(), tenants.Required.Id.ToString("N"))
            .ToTimeLimitedDataProtector();
}

internal enum PasskeyCeremonyKind
{
    Registration,
    SignIn,
}
