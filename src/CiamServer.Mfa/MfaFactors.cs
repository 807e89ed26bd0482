using CiamServer.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CiamServer.Mfa;

/// <summary>The second factors a user has. Recovery codes are a way back in when a factor is lost, not a factor to
/// enrol on their own, so <see cref="HasSecondFactor"/> does not count them.</summary>
/// <param name="Totp">A confirmed authenticator app.</param>
/// <param name="RecoveryCodesRemaining">Unused recovery codes.</param>
/// <param name="Passkeys">Passkeys and security keys registered to the account.</param>
public sealed record MfaFactors(bool Totp, int RecoveryCodesRemaining, int Passkeys)
{
    public bool HasSecondFactor => Totp || Passkeys > 0;
}

/// <summary>Reads a user's <see cref="MfaFactors"/> (for the sign-in challenge and the account's security page).</summary>
public sealed class MfaFactorService(CiamDbContext db)
{
    public async Task<MfaFactors> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        var totp = await db.TotpAuthenticators.AnyAsync(t => t.UserId == userId && t.ConfirmedAt != null, cancellationToken);
        var codes = await db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, cancellationToken);
        var passkeys = await db.PasskeyCredentials.CountAsync(c => c.UserId == userId, cancellationToken);
        return new MfaFactors(totp, codes, passkeys);
    }
}
